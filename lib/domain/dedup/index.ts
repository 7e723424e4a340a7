/**
 * Reference de-duplication: `findDuplicates` and the pieces it is built from.
 */
export type { DedupRecord, DedupResult, DedupThresholds, FindDuplicatesOptions, PairScore, QueuedPair } from './types';
export { DEFAULT_THRESHOLDS, findDuplicates } from './find-duplicates';
export { cleanTitle, normalizeTitle, titleKind } from './normalize-text';
export { normalizeDoi, normalizePmid, parseAuthor } from './normalize-fields';
export { compareJournals, journalVariants } from './journal';
export { comparePages, parsePages } from './normalize-pages';
export { prepareRecord } from './prepare';
export { scorePair } from './score';
export { candidatePairs } from './blocking';
export { evaluateDedup, type DedupEvaluation } from './evaluate';
