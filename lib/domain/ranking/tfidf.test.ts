import { describe, expect, it } from 'vitest';
import { buildFeatures } from './tfidf';
import type { FeatureSet } from './types';

function row(features: FeatureSet, r: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = features.indptr[r]; k < features.indptr[r + 1]; k++) out.set(features.terms[features.indices[k]], features.values[k]);
  return out;
}

const docs = [
  { id: 'a', title: 'Nudging doctors', abstract: 'Nudging doctors towards guidelines. Nudging works.' },
  { id: 'b', title: 'Nudging patients', abstract: 'Reminders for patients.' },
  { id: 'c', title: 'Soil bacteria', abstract: 'Bacteria in soil samples; reminders.' },
];

describe('buildFeatures', () => {
  it('keeps unigrams and bigrams found in at least two records', () => {
    const features = buildFeatures(docs, { stem: false, maxDocumentShare: 1 });
    expect(features.ids).toEqual(['a', 'b', 'c']);
    // "nudging" (a, b), "doctors" (a only: dropped), "reminders" (b, c), "patients" (b only, twice in one record: dropped)
    expect(new Set(features.terms)).toEqual(new Set(['nudging', 'reminders']));
    expect(row(features, 2).has('nudging')).toBe(false);
  });

  it('weights by sublinear tf times smoothed idf and L2-normalises each row', () => {
    const features = buildFeatures(docs, { minDocumentFrequency: 1, stem: false, maxDocumentShare: 1 });
    const a = row(features, 0);
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    // In record a: nudging x3 (df 2), doctors x2 (df 1), "nudging doctors" x2 (df 1), guidelines, works ...
    const nudging = (1 + Math.log(3)) * idf(2);
    const doctors = (1 + Math.log(2)) * idf(1);
    expect(a.get('nudging')! / a.get('doctors')!).toBeCloseTo(nudging / doctors, 5);
    let norm = 0;
    for (const v of a.values()) norm += v * v;
    expect(norm).toBeCloseTo(1, 5);
    expect(a.has('nudging doctors')).toBe(true);
    // No bigram spans title and abstract ("doctors nudging" would).
    expect(a.has('doctors nudging')).toBe(false);
  });

  it('stems by default and drops n-grams in more than half of the records', () => {
    const features = buildFeatures([
      ...docs,
      { id: 'd', title: 'Nudges in schools', abstract: 'Rain.' },
      { id: 'e', title: 'Rivers', abstract: 'Fish.' },
    ]);
    // "nudging"/"nudges" -> "nudg" in 3 of 5 records (> 50%): dropped;
    // "reminders" -> "reminder" in 2 of 5: kept.
    expect(features.terms).toEqual(['reminder']);
  });

  it('drops terms in nearly every record and leaves an empty record as a zero row', () => {
    const features = buildFeatures(
      [
        { id: '1', title: 'trial alpha', abstract: '' },
        { id: '2', title: 'trial beta', abstract: '' },
        { id: '3', title: 'trial alpha beta', abstract: '' },
        { id: '4', title: '', abstract: '' },
      ],
      { maxDocumentShare: 0.7 },
    );
    expect(features.terms).not.toContain('trial');
    expect(features.indptr[4] - features.indptr[3]).toBe(0);
  });
});
