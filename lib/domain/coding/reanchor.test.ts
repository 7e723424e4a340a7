import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchorSpans } from './reanchor';

describe('reanchorSpans', () => {
  it('keeps a quote whose words occur once in the new text, at their new place', () => {
    const oldText = 'Staff lacked time to learn the app.';
    const newText = 'RESULTS\nStaff lacked time to learn the app.';
    const [r] = reanchorSpans(oldText, newText, [{ id: 'q', start: 6, end: 17, text: 'lacked time' }]);
    expect(r).toEqual({ id: 'q', status: 'exact', start: 14, end: 25 });
    expect(newText.slice(14, 25)).toBe('lacked time');
  });

  it('picks the occurrence whose context matches when the words repeat', () => {
    const oldText = 'Patients said: it helped. Staff said: it helped a lot.';
    const newText = 'Intro. Patients said: it helped. Staff said: it helped a lot.';
    const second = oldText.lastIndexOf('it helped');
    const [r] = reanchorSpans(oldText, newText, [{ id: 'q', start: second, end: second + 9, text: 'it helped' }]);
    expect(r.status).toBe('context');
    expect(r.status !== 'flagged' && r.start).toBe(newText.lastIndexOf('it helped'));
  });

  it('flags a quote whose words were edited away, with the reason', () => {
    const [r] = reanchorSpans('Cost was a barrier.', 'Price was a barrier.', [{ id: 'q', start: 0, end: 4, text: 'Cost' }]);
    expect(r).toMatchObject({ id: 'q', status: 'flagged' });
    expect(r.status === 'flagged' && r.reason).toMatch(/no longer/);
  });

  it('never anchors a span onto different words (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.') , minLength: 1, maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), maxLength: 30 }), fc.nat(), fc.nat(), (oldText, prefix, x, y) => {
        const start = x % oldText.length;
        const end = start + 1 + (y % (oldText.length - start));
        const newText = prefix + oldText;
        const [r] = reanchorSpans(oldText, newText, [{ id: 'q', start, end, text: oldText.slice(start, end) }]);
        // The quoted words are always in the new text (it only gained a prefix), so they are never flagged as missing.
        if (r.status === 'flagged') expect(r.reason).toMatch(/times/);
        if (r.status !== 'flagged') expect(newText.slice(r.start, r.end)).toBe(oldText.slice(start, end));
      }),
    );
  });

  it('puts the quote back in place when only text before it changes and context is unique (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('x', 'y', ' '), maxLength: 20 }), (prefix) => {
        const oldText = 'The nurse said the app was slow. The nurse said the app was fine.';
        const start = oldText.indexOf('the app was fine');
        const [r] = reanchorSpans(oldText, prefix + oldText, [{ id: 'q', start, end: start + 16, text: 'the app was fine' }]);
        expect(r).toMatchObject({ status: 'exact', start: start + prefix.length });
      }),
    );
  });
});
