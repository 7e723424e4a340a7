import { cohensKappa } from './cohen';
import { fleissKappa } from './fleiss';
import { gwetAc1 } from './gwet';
import { krippendorffAlpha, type KrippendorffStatistic } from './krippendorff';
import { lightsKappa, type LightStatistic } from './light';
import { assertRatingsMatrix } from './matrix';
import { pabak } from './pabak';
import { percentAgreement } from './percent';
import type { Category, FleissStatistic, KappaStatistic, Level, RatingsMatrix, Statistic, StudentTStatistic } from './types';
import { weightedKappa } from './weighted';

export type AgreementOptions = {
  /** Level of measurement; 'nominal' unless given. */
  level?: Level;
  /** Which weighted kappa to report for two raters; both when omitted (at ordered levels). */
  weights?: 'linear' | 'quadratic';
  /** Ordered list of possible categories (needed for text ratings at ordered levels). */
  categories?: readonly Category[];
};

/** Every applicable statistic, keyed as the `agreement` CLI prints them. */
export type AgreementReport = {
  raters: number;
  subjects: number;
  level: Level;
  percent_agreement: Statistic;
  /** Two raters only. */
  cohen_kappa?: KappaStatistic;
  /** Two raters, when the level is ordered or weights were asked for. */
  weighted_kappa_linear?: KappaStatistic;
  weighted_kappa_quadratic?: KappaStatistic;
  fleiss_kappa: FleissStatistic;
  krippendorff_alpha: KrippendorffStatistic;
  pabak: StudentTStatistic;
  gwet_ac1: StudentTStatistic;
  /** Three or more raters (with two it equals Cohen's kappa). */
  light_kappa?: LightStatistic;
};

/**
 * Computes every statistic that applies to a ratings matrix (rows subjects, columns
 * raters, null = missing): percent agreement, Fleiss' kappa, Krippendorff's alpha at
 * `level`, PABAK and Gwet's AC1 always; Cohen's kappa for two raters, and weighted kappa
 * for two raters when the level is ordinal, interval or ratio or `weights` is given;
 * Light's kappa for three or more. See each function for its source.
 */
export function computeAllAgreement(ratings: RatingsMatrix, options: AgreementOptions = {}): AgreementReport {
  assertRatingsMatrix(ratings);
  const level = options.level ?? 'nominal';
  const { categories } = options;
  const raters = ratings[0]?.length ?? 0;
  const nominal = { categories };
  const a = ratings.map((row) => row[0]);
  const b = ratings.map((row) => row[1]);
  const wantsWeighted = raters === 2 && (level !== 'nominal' || options.weights !== undefined);
  // Built in reading order, which is also the order the CLI prints.
  const report: AgreementReport = {
    raters,
    subjects: ratings.length,
    level,
    percent_agreement: percentAgreement(ratings),
    ...(raters === 2 ? { cohen_kappa: cohensKappa(a, b, nominal) } : {}),
    ...(wantsWeighted && options.weights !== 'quadratic'
      ? { weighted_kappa_linear: weightedKappa(a, b, { weights: 'linear', categories }) }
      : {}),
    ...(wantsWeighted && options.weights !== 'linear'
      ? { weighted_kappa_quadratic: weightedKappa(a, b, { weights: 'quadratic', categories }) }
      : {}),
    fleiss_kappa: fleissKappa(ratings, nominal),
    krippendorff_alpha: krippendorffAlpha(ratings, { level, categories }),
    pabak: pabak(ratings, nominal),
    gwet_ac1: gwetAc1(ratings, nominal),
    ...(raters >= 3 ? { light_kappa: lightsKappa(ratings) } : {}),
  };
  return report;
}
