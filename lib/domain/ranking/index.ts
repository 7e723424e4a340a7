/**
 * Priority screening (active learning) for title/abstract screening: TF-IDF
 * features, classifiers, ranking, simulation metrics and stopping estimates.
 * Pure TypeScript; the server caches features and calls `rankRecords`.
 */
export { buildFeatures } from './tfidf';
export { tokenize, ngrams, STOP_WORDS } from './tokenize';
export { rankRecords, highlightScores, DEFAULT_MODEL } from './active-learning';
export { trainAndScore, DEFAULT_SETTINGS, type ModelSettings } from './models';
export { simulate, cleanForSimulation, type CleaningReport } from './simulate';
export {
  workSavedOverSampling,
  relevantReferencesFound,
  pooledWorkSavedOverSampling,
  pooledRelevantReferencesFound,
  recallCurve,
  type RecallPoint,
} from './metrics';
export {
  estimateStopping,
  stoppingPValue,
  relevantRemainingUpperBound,
  consecutiveExcludesAtEnd,
  hypergeometricCdf,
  type StoppingEstimate,
} from './stopping';
export { createRandom, shuffled, type Random } from './random';
export * from './types';
