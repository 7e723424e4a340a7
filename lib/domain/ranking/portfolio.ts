/**
 * A portfolio of Naive Bayes settings that adapts to the review from the
 * labels it already has. No single smoothing / include weight suits every
 * review (see README.md: Nudging wants little include weighting, ACE
 * inhibitors a lot), so at each retrain every candidate setting is scored by
 * how highly it would have ranked each known include had that include not
 * been labelled (leave-one-out, cheap for NB), and the queue is ranked by the
 * best candidate.
 *
 * Only the labels are used, not their order, so the result is a deterministic
 * function of (features, labels) and needs no state between retrains.
 */
import { accumulateClassSums, type ClassSums } from './naive-bayes';
import { scoreAll, type TrainingSet } from './sparse';
import type { FeatureSet, Label, LinearModel } from './types';

/** One Naive Bayes setting: smoothing and include weight beyond balance. */
export type NbCandidate = { alpha: number; boost: number };

export type PortfolioOptions = {
  candidates: readonly NbCandidate[];
  /** Below this many includes the leave-one-out merits are too noisy: use `candidates[fallback]`. */
  minIncludes: number;
  fallback: number;
  /**
   * How a candidate is judged, over the known includes each held out in turn:
   * 'percentile': mean share of the unlabelled records ranked below it;
   * 'log-rank': mean -ln(1 + unlabelled records ranked above it);
   * 'auc': mean share of the known excludes (each also held out) ranked below it.
   */
  merit: 'percentile' | 'log-rank' | 'auc';
};

export type PortfolioResult = {
  scores: Float64Array;
  /** Index of the candidate whose scores were returned. */
  chosen: number;
  /** Each candidate's merit (NaN when not computed). */
  merits: Float64Array;
  classSums: ClassSums;
};

type Totals = { sums: [Float64Array, Float64Array]; totals: [number, number]; n: [number, number] };

/** NB log-odds weights for one candidate from unweighted class sums (as `trainNaiveBayes` with class weights). */
export function candidateModel(totals: Totals, candidate: NbCandidate): LinearModel {
  const { alpha, boost } = candidate;
  const featureCount = totals.sums[0].length;
  const w1 = (boost * totals.n[0]) / totals.n[1];
  const w0 = 1;
  const constant = Math.log((w0 * totals.totals[0] + alpha * featureCount) / (w1 * totals.totals[1] + alpha * featureCount));
  const weights = new Float64Array(featureCount);
  const [sums0, sums1] = totals.sums;
  for (let j = 0; j < featureCount; j++) {
    weights[j] = Math.log((w1 * sums1[j] + alpha) / (w0 * sums0[j] + alpha)) + constant;
  }
  return { weights, bias: Math.log(boost) };
}

/**
 * Score of labelled include `row` under the candidate trained without it
 * (include weight kept at the full model's, so that the other records'
 * scores are the full model's up to the features of this row).
 */
function leaveOneOutScore(features: FeatureSet, totals: Totals, candidate: NbCandidate, row: number, label: Label = 1): number {
  const { alpha, boost } = candidate;
  const featureCount = totals.sums[0].length;
  const w1 = (boost * totals.n[0]) / totals.n[1];
  const { indptr, indices, values } = features;
  let rowTotal = 0;
  for (let k = indptr[row]; k < indptr[row + 1]; k++) rowTotal += values[k];
  const t1 = label === 1 ? Math.max(0, totals.totals[1] - rowTotal) : totals.totals[1];
  const t0 = label === 0 ? Math.max(0, totals.totals[0] - rowTotal) : totals.totals[0];
  const constant = Math.log((t0 + alpha * featureCount) / (w1 * t1 + alpha * featureCount));
  const [sums0, sums1] = totals.sums;
  let score = Math.log(boost);
  for (let k = indptr[row]; k < indptr[row + 1]; k++) {
    const j = indices[k];
    const x = values[k];
    const s1 = label === 1 ? Math.max(0, sums1[j] - x) : sums1[j];
    const s0 = label === 0 ? Math.max(0, sums0[j] - x) : sums0[j];
    score += x * (Math.log((w1 * s1 + alpha) / (s0 + alpha)) + constant);
  }
  return score;
}

/** Number of values in ascending `sorted` strictly below `value`, and equal to it. */
function countBelow(sorted: Float64Array, value: number): { below: number; equal: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end] === value) end++;
  return { below: lo, equal: end - lo };
}

/**
 * Trains every candidate on the labelled rows (one pass for the class sums),
 * scores the candidates by leave-one-out on the known includes, and returns
 * all rows' scores under the best (ties: the earlier candidate).
 */
export function portfolioScores(
  features: FeatureSet,
  training: Pick<TrainingSet, 'rows' | 'labels'>,
  options: PortfolioOptions,
  previous?: ClassSums,
): PortfolioResult {
  const { rows, labels } = training;
  const classSums = accumulateClassSums(features, { rows, labels, weights: new Float64Array(rows.length) }, previous);
  const n: [number, number] = [0, 0];
  for (const label of labels) n[label]++;
  const totals: Totals = { sums: classSums.sums, totals: classSums.totals, n };
  const k = options.candidates.length;
  const merits = new Float64Array(k).fill(Number.NaN);

  if (n[1] < options.minIncludes || k === 1) {
    const chosen = Math.min(options.fallback, k - 1);
    return { scores: scoreAll(features, candidateModel(totals, options.candidates[chosen])), chosen, merits, classSums };
  }

  const isLabelled = new Uint8Array(features.ids.length);
  for (const row of rows) isLabelled[row] = 1;
  const includeRows = rows.filter((_, i) => labels[i] === 1);
  const unlabelledCount = features.ids.length - rows.length;
  let best = -1;
  let bestScores: Float64Array | null = null;
  const sorted = new Float64Array(unlabelledCount);
  for (let c = 0; c < k; c++) {
    const candidate = options.candidates[c];
    const scores = scoreAll(features, candidateModel(totals, candidate));
    let at = 0;
    for (let r = 0; r < scores.length; r++) if (!isLabelled[r]) sorted[at++] = scores[r];
    sorted.sort();
    let merit = 0;
    if (options.merit === 'auc') {
      const excludeScores = Float64Array.from(
        rows.filter((_, i) => labels[i] === 0),
        (row) => leaveOneOutScore(features, totals, candidate, row, 0),
      ).sort();
      for (const row of includeRows) {
        const { below, equal } = countBelow(excludeScores, leaveOneOutScore(features, totals, candidate, row));
        merit += (below + equal / 2) / excludeScores.length;
      }
    } else for (const row of includeRows) {
      const { below, equal } = countBelow(sorted, leaveOneOutScore(features, totals, candidate, row));
      if (options.merit === 'percentile') merit += unlabelledCount > 0 ? (below + equal / 2) / unlabelledCount : 0;
      else merit -= Math.log(1 + unlabelledCount - below - equal / 2);
    }
    merits[c] = merit / includeRows.length;
    if (best < 0 || merits[c] > merits[best]) {
      best = c;
      bestScores = scores;
    }
  }
  return { scores: bestScores!, chosen: best, merits, classSums };
}
