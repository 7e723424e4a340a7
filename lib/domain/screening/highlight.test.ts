import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileHighlightTerms, highlightText } from './highlight';
import type { HighlightSegment } from './highlight';

function marked(text: string, include: string[], exclude: string[] = []) {
  return highlightText(text, compileHighlightTerms({ include, exclude })).filter((segment) => segment.kind !== null);
}

const texts = (segments: HighlightSegment[]) => segments.map((segment) => segment.text);

describe('compileHighlightTerms', () => {
  it('drops blank, wildcard-only and punctuation-only terms, and case duplicates', () => {
    const compiled = compileHighlightTerms({ include: ['', '   ', '*', '?*', '--', 'Digital', 'digital'], exclude: [] });
    expect(compiled.include).toHaveLength(1);
    expect(compiled.exclude).toHaveLength(0);
  });

  it('treats regular-expression characters literally', () => {
    expect(texts(marked('Use of C++ (and C#) in trials', ['c++', '(and']))).toEqual(['C++', '(and']);
    expect(marked('abc', ['a.c'])).toEqual([]);
    expect(() => compileHighlightTerms({ include: ['[', '\\', '(?', '$^'], exclude: [] })).not.toThrow();
  });
});

describe('highlightText', () => {
  it('matches case-insensitively and whole words only', () => {
    expect(texts(marked('Digital therapy; DIGITAL tools; predigital era', ['digital']))).toEqual(['Digital', 'DIGITAL']);
  });

  it('a trailing * matches word stems', () => {
    expect(texts(marked('digit, digital and digitally; undigital', ['digit*']))).toEqual(['digit', 'digital', 'digitally']);
  });

  it('a leading * matches word endings', () => {
    expect(texts(marked('telehealth and mhealth, health', ['*health']))).toEqual(['telehealth', 'mhealth', 'health']);
  });

  it('? matches exactly one letter', () => {
    expect(texts(marked('woman, women, womyn, wmn, womaan', ['wom?n']))).toEqual(['woman', 'women', 'womyn']);
  });

  it('matches multi-word phrases across any whitespace', () => {
    expect(texts(marked('mental\n  health services; mental-health', ['mental health']))).toEqual(['mental\n  health']);
  });

  it('handles Unicode letters at word boundaries', () => {
    expect(texts(marked('Ärzte und Ärztinnen; Café-Studie; CAFÉ', ['ärzt*', 'café']))).toEqual(['Ärzte', 'Ärztinnen', 'Café', 'CAFÉ']);
    // "é" is a letter, so "caf" does not match inside "café"
    expect(marked('café', ['caf'])).toEqual([]);
    expect(texts(marked('Психическое здоровье', ['здоров*']))).toEqual(['здоровье']);
  });

  it('matches composed and decomposed accents either way round', () => {
    expect(texts(marked('café', ['cafe\u0301']))).toEqual(['café']);
    expect(texts(marked('cafe\u0301 au lait', ['café']))).toEqual(['cafe\u0301']);
  });

  it('wildcards stay inside one word; punctuation in a term is literal', () => {
    expect(marked('e-health', ['e*'])).toEqual([{ text: 'e', kind: 'include' }]);
    expect(texts(marked('e-health and E-Health', ['e-health']))).toEqual(['e-health', 'E-Health']);
    expect(texts(marked('COVID-19, COVID 19', ['covid-19']))).toEqual(['COVID-19']);
  });

  it('stays fast on pathological terms and very long words', () => {
    const text = `${'a'.repeat(20_000)}! ${'ab'.repeat(5_000)}`;
    const compiled = compileHighlightTerms({ include: ['a*a*a*a*a*b', '*a*', '?*?*?*c'], exclude: ['*b*b*b*x'] });
    const started = performance.now();
    const segments = highlightText(text, compiled);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(segments.map((segment) => segment.kind)).toEqual(['include', null, 'include']);
  });

  it('exclude wins where include and exclude overlap', () => {
    const segments = highlightText('children and adolescents', compileHighlightTerms({ include: ['child*'], exclude: ['children'] }));
    expect(segments).toEqual([
      { text: 'children', kind: 'exclude' },
      { text: ' and adolescents', kind: null },
    ]);
    const partial = highlightText('mental health care', compileHighlightTerms({ include: ['mental health'], exclude: ['health'] }));
    expect(partial).toEqual([
      { text: 'mental ', kind: 'include' },
      { text: 'health', kind: 'exclude' },
      { text: ' care', kind: null },
    ]);
  });

  it('overlapping include terms all highlight', () => {
    const segments = highlightText('mental health care', compileHighlightTerms({ include: ['mental health', 'health care'], exclude: [] }));
    expect(segments).toEqual([{ text: 'mental health care', kind: 'include' }]);
  });

  it('returns markup as plain text segments, never HTML', () => {
    const text = '<img src=x onerror=alert(1)> digital <b>care</b>';
    const segments = highlightText(text, compileHighlightTerms({ include: ['digital'], exclude: ['care'] }));
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)> ', kind: null },
      { text: 'digital', kind: 'include' },
      { text: ' <b>', kind: null },
      { text: 'care', kind: 'exclude' },
      { text: '</b>', kind: null },
    ]);
  });

  it('empty text gives no segments; no terms give one plain segment', () => {
    const none = compileHighlightTerms({ include: [], exclude: [] });
    expect(highlightText('', none)).toEqual([]);
    expect(highlightText('abc', none)).toEqual([{ text: 'abc', kind: null }]);
  });

  it('keeps emoji and other astral characters whole', () => {
    expect(highlightText('😀 digital 😀', compileHighlightTerms({ include: ['digital'], exclude: [] }))).toEqual([
      { text: '😀 ', kind: null },
      { text: 'digital', kind: 'include' },
      { text: ' 😀', kind: null },
    ]);
  });

  it('property: segments join back to the text, are non-empty, and adjacent kinds differ', () => {
    const word = fc.constantFrom('digital', 'Digit', 'mental', 'health', 'care', 'café', 'x', '<b>', '😀', '*', '?');
    const textArb = fc.array(fc.oneof(word, fc.constantFrom(' ', '\n', ', ', '-'), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));
    const termsArb = fc.array(fc.oneof(word, fc.constantFrom('digit*', 'mental health', 'c?re', 'ca*')), { maxLength: 4 });
    fc.assert(
      fc.property(textArb, termsArb, termsArb, (text, include, exclude) => {
        const segments = highlightText(text, compileHighlightTerms({ include, exclude }));
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        for (const [index, segment] of segments.entries()) {
          expect(segment.text.length).toBeGreaterThan(0);
          if (index > 0) expect(segment.kind).not.toBe(segments[index - 1].kind);
        }
      }),
    );
  });
});
