/**
 * TF-IDF features of titles and abstracts as a sparse matrix (CSR in typed
 * arrays): 10,000 records x 100,000 n-grams would be 4 GB dense, but holds
 * ~2 million non-zeros sparse.
 */
import { ngrams, tokenize } from './tokenize';
import type { FeatureOptions, FeatureSet, RankingDoc } from './types';

/**
 * Builds L2-normalised TF-IDF vectors of unigrams and bigrams from each
 * record's title and abstract (tokenised apart, so no bigram spans the two).
 *
 * Weighting (as scikit-learn's TfidfVectorizer with sublinear_tf=True,
 * smooth_idf=True, norm='l2'):
 *   tf'  = 1 + ln(count)                       (a term said 10 times is not 10x as telling)
 *   idf  = ln((1 + nDocs) / (1 + df)) + 1
 *   x    = tf' * idf, then x / ||x||_2         (long abstracts do not dominate)
 * N-grams in fewer than `minDocumentFrequency` records (default 2: typos and
 * one-off words cannot generalise) or in more than `maxDocumentShare` of them
 * (default 0.5: the search topic's own words say nothing about eligibility)
 * are dropped. Words are lightly stemmed by default (see `stem`).
 */
export function buildFeatures(docs: readonly RankingDoc[], options: FeatureOptions = {}): FeatureSet {
  const minDf = options.minDocumentFrequency ?? 2;
  const maxDf = Math.floor((options.maxDocumentShare ?? 0.5) * docs.length);
  const maxN = options.maxNgram ?? 2;
  const isSublinear = options.sublinearTf ?? true;
  const titleWeight = options.titleWeight ?? 1;
  const tokenOptions = { keepNumbers: options.keepNumbers ?? false, stem: options.stem ?? true };

  // Pass 1: intern every n-gram, count per document and document frequency.
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  let df: Int32Array = new Int32Array(1024);
  const docTerms: Int32Array[] = [];
  const docCounts: Float32Array[] = [];
  const counts = new Map<number, number>();
  for (const doc of docs) {
    counts.clear();
    // Title and abstract are tokenised apart so no bigram spans the two.
    for (const [field, weight] of [
      [doc.title ?? '', titleWeight],
      [doc.abstract ?? '', 1],
    ] as const) {
      for (const gram of ngrams(tokenize(field, tokenOptions), maxN)) {
        let id = termIds.get(gram);
        if (id === undefined) {
          id = termList.length;
          termIds.set(gram, id);
          termList.push(gram);
        }
        counts.set(id, (counts.get(id) ?? 0) + weight);
      }
    }
    const ids = new Int32Array(counts.size);
    const tfs = new Float32Array(counts.size);
    let k = 0;
    for (const [id, count] of counts) {
      ids[k] = id;
      tfs[k++] = count;
      if (id >= df.length) df = growInt32(df, id + 1);
      df[id]++;
    }
    docTerms.push(ids);
    docCounts.push(tfs);
  }

  // Keep n-grams within the document-frequency band; number them densely.
  const column = new Int32Array(termList.length).fill(-1);
  const terms: string[] = [];
  const idfList: number[] = [];
  for (let id = 0; id < termList.length; id++) {
    if (df[id] >= minDf && df[id] <= Math.max(maxDf, minDf)) {
      column[id] = terms.length;
      terms.push(termList[id]);
      idfList.push(Math.log((1 + docs.length) / (1 + df[id])) + 1);
    }
  }
  const idf = Float32Array.from(idfList);

  // Pass 2: weighted, normalised rows.
  const indptr = new Int32Array(docs.length + 1);
  let nnz = 0;
  for (let r = 0; r < docs.length; r++) {
    for (const id of docTerms[r]) if (column[id] >= 0) nnz++;
    indptr[r + 1] = nnz;
  }
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  const pairs: [number, number][] = [];
  for (let r = 0; r < docs.length; r++) {
    pairs.length = 0;
    const ids = docTerms[r];
    const tfs = docCounts[r];
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const c = column[ids[k]];
      if (c < 0) continue;
      const weight = (isSublinear ? 1 + Math.log(tfs[k]) : tfs[k]) * idf[c];
      norm += weight * weight;
      pairs.push([c, weight]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    let at = indptr[r];
    for (const [c, weight] of pairs) {
      indices[at] = c;
      values[at++] = weight * scale;
    }
  }
  return { ids: docs.map((d) => d.id), indptr, indices, values, terms, idf };
}

function growInt32(array: Int32Array, minLength: number): Int32Array {
  const grown = new Int32Array(Math.max(minLength, array.length * 2));
  grown.set(array);
  return grown;
}

/** Number of feature columns (n-grams kept). */
export function featureCount(features: FeatureSet): number {
  return features.terms.length;
}

/** Sparse row . dense vector. */
export function dotRow(features: FeatureSet, row: number, weights: Float64Array): number {
  const { indptr, indices, values } = features;
  let sum = 0;
  for (let k = indptr[row], end = indptr[row + 1]; k < end; k++) sum += values[k] * weights[indices[k]];
  return sum;
}

/** Adds scale * row to a dense vector in place. */
export function addRow(features: FeatureSet, row: number, scale: number, target: Float64Array): void {
  const { indptr, indices, values } = features;
  for (let k = indptr[row], end = indptr[row + 1]; k < end; k++) target[indices[k]] += scale * values[k];
}
