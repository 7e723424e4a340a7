import { describe, expect, it } from 'vitest';
import { decodeFeatures, encodeFeatures } from './feature-codec';
import { buildFeatures } from './tfidf';

const docs = [
  { id: 'a', title: 'Nudging physicians with reminders', abstract: 'A default order set nudged physician prescribing.' },
  { id: 'bé', title: 'Soil bacteria', abstract: 'Nitrogen fixing bacteria in soil after rainfall; café études.' },
  { id: 'c', title: '', abstract: '' },
];

describe('feature codec', () => {
  const features = buildFeatures(docs, { minDocumentFrequency: 1 });

  it('round-trips a feature set exactly', () => {
    const decoded = decodeFeatures(encodeFeatures(features));
    expect(decoded.ids).toEqual(features.ids);
    expect(decoded.terms).toEqual(features.terms);
    expect(Array.from(decoded.indptr)).toEqual(Array.from(features.indptr));
    expect(Array.from(decoded.indices)).toEqual(Array.from(features.indices));
    expect(Array.from(decoded.values)).toEqual(Array.from(features.values));
    expect(Array.from(decoded.idf)).toEqual(Array.from(features.idf));
  });

  it('reads bytes that start at an unaligned offset (as a database driver may hand them over)', () => {
    const encoded = encodeFeatures(features);
    const shifted = new Uint8Array(encoded.length + 1);
    shifted.set(encoded, 1);
    expect(decodeFeatures(shifted.subarray(1)).terms).toEqual(features.terms);
  });

  it('round-trips an empty feature set', () => {
    const empty = buildFeatures([]);
    expect(decodeFeatures(encodeFeatures(empty))).toMatchObject({ ids: [], terms: [] });
  });

  it('refuses bytes that are not a feature set or are cut short', () => {
    expect(() => decodeFeatures(new Uint8Array(40))).toThrow('Not an encoded feature set');
    const encoded = encodeFeatures(features);
    expect(() => decodeFeatures(encoded.subarray(0, encoded.length - 4))).toThrow('wrong length');
  });
});
