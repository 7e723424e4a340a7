/**
 * Inter-rater agreement statistics for screening and coding: pure functions on plain
 * data, each citing the paper or R package whose numbers it reproduces.
 */
export type {
  Category,
  CategoryOptions,
  FleissStatistic,
  KappaStatistic,
  Level,
  Rating,
  RatingsMatrix,
  Statistic,
  StudentTStatistic,
  WeightScheme,
} from './types';
export { percentAgreement } from './percent';
export { cohensKappa, kappaFromTable, identityWeights } from './cohen';
export { weightedKappa, levelWeights, observedLevels, type WeightedKappaOptions } from './weighted';
export { fleissKappa, fleissKappaFromCounts } from './fleiss';
export { krippendorffAlpha, type KrippendorffOptions, type KrippendorffStatistic } from './krippendorff';
export { pabak } from './pabak';
export { gwetAc1, gwetAc1FromTable } from './gwet';
export { lightsKappa, type LightStatistic } from './light';
export { computeAllAgreement, type AgreementOptions, type AgreementReport } from './compute-all';
export {
  pairwiseMatrix,
  agreementOverTime,
  type AgreementWindow,
  type PairAgreement,
  type PairwiseMatrix,
  type RaterRatings,
} from './pairwise';
export { methodsSentence, landisKochBand, type LandisKochBand, type MethodsSentenceInput } from './report';
export { erfc, normalCdf, twoSidedNormalP, Z_95 } from './normal';
export { studentTCdf, studentTQuantile, studentTUpperTail } from './student-t';
