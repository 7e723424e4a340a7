import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapSegments } from './overlap';

describe('overlapSegments', () => {
  it('shows where two highlights overlap', () => {
    expect(overlapSegments(10, [{ id: 'a', start: 2, end: 6 }, { id: 'b', start: 4, end: 8 }])).toEqual([
      { start: 0, end: 2, spanIds: [] },
      { start: 2, end: 4, spanIds: ['a'] },
      { start: 4, end: 6, spanIds: ['a', 'b'] },
      { start: 6, end: 8, spanIds: ['b'] },
      { start: 8, end: 10, spanIds: [] },
    ]);
  });

  it('cuts at line breaks too', () => {
    expect(overlapSegments(6, [{ id: 'a', start: 1, end: 5 }], [3]).map((s) => [s.start, s.end, s.spanIds.length])).toEqual([
      [0, 1, 0],
      [1, 3, 1],
      [3, 5, 1],
      [5, 6, 0],
    ]);
  });

  it('tiles the text and matches coverage character by character (property)', () => {
    const span = fc.tuple(fc.nat(40), fc.nat(40)).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(span, { maxLength: 6 }), (length, raw) => {
        const spans = raw.map((s, i) => ({ id: `s${i}`, ...s }));
        const segments = overlapSegments(length, spans);
        expect(segments[0].start).toBe(0);
        expect(segments.at(-1)!.end).toBe(length);
        for (let i = 1; i < segments.length; i += 1) expect(segments[i].start).toBe(segments[i - 1].end);
        for (const seg of segments) {
          for (let c = seg.start; c < seg.end; c += 1) {
            const covering = spans.filter((s) => s.start <= c && c < s.end).map((s) => s.id);
            expect(seg.spanIds).toEqual(covering);
          }
        }
      }),
    );
  });
});
