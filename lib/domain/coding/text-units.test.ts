import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOfOffset, lineSpans, textUnits, unitsCovered } from './text-units';

describe('lineSpans', () => {
  it('numbers lines from 1 and keeps empty lines, without the line break (LF or CRLF)', () => {
    expect(lineSpans('ab\n\ncd')).toEqual([
      { number: 1, start: 0, end: 2 },
      { number: 2, start: 3, end: 3 },
      { number: 3, start: 4, end: 6 },
    ]);
    expect(lineSpans('ab\r\ncd')).toEqual([
      { number: 1, start: 0, end: 2 },
      { number: 2, start: 4, end: 6 },
    ]);
  });

  it('finds the line of an offset', () => {
    const lines = lineSpans('one\ntwo\nthree');
    expect([0, 3, 4, 7, 8, 12].map((o) => lineOfOffset(lines, o))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('rebuilds the text from its lines (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'b', '.') }), (text) => {
        const lines = lineSpans(text);
        expect(lines.map((l) => text.slice(l.start, l.end)).join('\n')).toBe(text);
      }),
    );
  });
});

describe('textUnits', () => {
  it('splits sentences at terminal punctuation and line breaks, trimmed', () => {
    const text = 'Staff liked it. Patients did not! Why?\nHeading\n\n  Last one';
    expect(textUnits(text, 'sentence').map((u) => text.slice(u.start, u.end))).toEqual([
      'Staff liked it.',
      'Patients did not!',
      'Why?',
      'Heading',
      'Last one',
    ]);
  });

  it('does not split inside a decimal number or an abbreviation without a following space', () => {
    const text = 'Scores rose 2.5 points (p<0.05). Next.';
    expect(textUnits(text, 'sentence').map((u) => text.slice(u.start, u.end))).toEqual(['Scores rose 2.5 points (p<0.05).', 'Next.']);
  });

  it('splits lines and skips blank ones', () => {
    const text = 'a b\n   \nc.';
    expect(textUnits(text, 'line').map((u) => [u.index, text.slice(u.start, u.end)])).toEqual([
      [0, 'a b'],
      [1, 'c.'],
    ]);
  });

  it('gives ordered, non-overlapping, non-blank units inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', '!', '?', '"') }), fc.constantFrom('line', 'sentence' as const), (text, kind) => {
        const units = textUnits(text, kind as 'line' | 'sentence');
        let last = 0;
        for (const u of units) {
          expect(u.start).toBeGreaterThanOrEqual(last);
          expect(u.end).toBeGreaterThan(u.start);
          expect(u.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(u.start, u.end).trim()).toBe(text.slice(u.start, u.end));
          last = u.end;
        }
        // Every non-space character lies in some unit.
        for (let i = 0; i < text.length; i += 1) {
          if (!/\s/.test(text[i])) expect(units.some((u) => u.start <= i && i < u.end)).toBe(true);
        }
      }),
    );
  });

  it('lists the units a span touches', () => {
    const text = 'One two. Three four. Five.';
    const units = textUnits(text, 'sentence');
    expect(unitsCovered(units, 4, 12)).toEqual([0, 1]);
    expect(unitsCovered(units, 8, 9)).toEqual([]);
    expect(unitsCovered(units, 21, 26)).toEqual([2]);
  });
});
