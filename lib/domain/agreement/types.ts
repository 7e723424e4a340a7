/**
 * Shared types for the agreement statistics. Every statistic returns plain data;
 * a value that cannot be computed is `null` with a `reason`, never NaN or Infinity,
 * so the app can show the reason instead of a broken number.
 */

/** One rater's rating of one subject; `null` means the rater did not rate it. */
export type Rating = string | number | null;

/** A category that was actually used (a non-missing rating). */
export type Category = string | number;

/** Rows are subjects, columns are raters. */
export type RatingsMatrix = readonly (readonly Rating[])[];

/** Measurement level of the ratings, as in Krippendorff (2011). */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * A computed statistic. `n` is the number of subjects that entered the computation.
 * `se` is the standard error used for the confidence interval; `z` and `p` test
 * the null hypothesis of chance agreement (two-sided unless the function says otherwise).
 */
export type Statistic = {
  value: number | null;
  /** Why `value` is null; absent when it was computed. */
  reason?: string;
  n: number;
  se?: number | null;
  ci95?: [number, number] | null;
  z?: number | null;
  p?: number | null;
  /** Something the reader should know, e.g. how many subjects were dropped. */
  note?: string;
};

/** A kappa-type statistic with its ingredients and the null-hypothesis standard error. */
export type KappaStatistic = Statistic & {
  /** Observed (weighted) agreement. */
  observed: number | null;
  /** Agreement expected by chance. */
  expected: number | null;
  /** Standard error under the null hypothesis kappa = 0, used for z and p. */
  seNull?: number | null;
};

/** Fleiss' kappa also reports the kappa of each category against all others. */
export type FleissStatistic = KappaStatistic & {
  categories: Category[];
  /** Category-wise kappas (irr kappam.fleiss(detail = TRUE)); null where a category was never used. */
  byCategory: (number | null)[];
};

/**
 * Gwet's AC1 and PABAK (Brennan-Prediger) carry a linearization standard error and,
 * as in irrCAC (Gwet 2014), a one-sided t test (H1: coefficient > 0) and a t-based
 * confidence interval on `df` = n - 1 degrees of freedom.
 */
export type StudentTStatistic = KappaStatistic & { t: number | null; df: number | null };

/**
 * Agreement weights for weighted kappa:
 * - 'unweighted', 'linear', 'quadratic' over the ordered OBSERVED levels (irr's convention);
 * - `{ byDistance }`: irr's numeric weight vector, disagreement weights by level-index
 *   distance |i - j| (over observed levels), rescaled to 0..1;
 * - `{ matrix }`: agreement weights w[i][j] in 0..1 over the declared `categories`.
 */
export type WeightScheme =
  | 'unweighted'
  | 'linear'
  | 'quadratic'
  | { byDistance: readonly number[] }
  | { matrix: readonly (readonly number[])[] };

/** Options shared by the functions that need an order or a category list. */
export type CategoryOptions = {
  /** Ordered list of possible categories; required for text ratings at ordered levels. */
  categories?: readonly Category[];
};
