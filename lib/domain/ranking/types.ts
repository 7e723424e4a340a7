/** Shared types of the priority-screening (active learning) module. */

/** A record as the ranker sees it: only title and abstract are used. */
export type RankingDoc = { id: string; title: string; abstract: string };

/** 1 = include (relevant), 0 = exclude. */
export type Label = 0 | 1;

/**
 * Title/abstract features of a whole project as a sparse CSR matrix: row r
 * holds the non-zero columns `indices[indptr[r] .. indptr[r+1])` with their
 * TF-IDF `values`. Rows are L2-normalised. Build once with `buildFeatures`
 * and reuse for every re-ranking until records are added.
 */
export type FeatureSet = {
  ids: string[];
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  /** Column j's n-gram ("trial", "randomised controlled"). */
  terms: string[];
  /** Column j's inverse document frequency. */
  idf: Float32Array;
};

/** Options of `buildFeatures`; the defaults are what the benchmark used. */
export type FeatureOptions = {
  /** Drop n-grams found in fewer documents than this (noise, typos). Default 2. */
  minDocumentFrequency?: number;
  /** Drop n-grams found in more than this share of documents (generic words of the topic). Default 0.5. */
  maxDocumentShare?: number;
  /** Longest n-gram; 1 = unigrams only, 2 = unigrams and bigrams. Default 2. */
  maxNgram?: number;
  /** 1 + ln(count) instead of the raw count. Default true. */
  sublinearTf?: boolean;
  /** Reduce words to a light stem (plurals, -ing, -ed, British spellings). Default true. */
  stem?: boolean;
  /** Keep tokens made only of digits (years, doses). Default false. */
  keepNumbers?: boolean;
  /** How many times the title's n-grams count (titles are dense with topic). Default 1. */
  titleWeight?: number;
};

/**
 * Classifiers. `nb`: multinomial Naive Bayes; `nb-portfolio`: Naive Bayes
 * choosing among several smoothing / include-weight settings at each retrain
 * (portfolio.ts, experimental); `lr`: L2 logistic regression;
 * `svm`: L2-regularised linear SVM (squared hinge); `nb+lr`: mean of the two
 * models' standardised scores.
 */
export type ModelName = 'nb' | 'nb-portfolio' | 'lr' | 'svm' | 'nb+lr';

export const MODEL_NAMES: readonly ModelName[] = ['nb', 'nb-portfolio', 'lr', 'svm', 'nb+lr'];

/** A linear scorer: score(x) = w . x + bias. Every classifier here is one. */
export type LinearModel = { weights: Float64Array; bias: number };

/** Options of `rankRecords`. */
export type RankOptions = {
  model?: ModelName;
  /** Seed of the random order used before there is an include and an exclude. */
  seed?: number;
  /** Terms that put records first while the model cannot be trained yet. */
  highlightTerms?: string[];
};

/** How the order was produced, so the UI can say "random order" honestly. */
export type RankingMethod = 'model' | 'highlight' | 'random';

export type RankResult = {
  /** Ids of the unlabelled records, most likely relevant first. */
  order: string[];
  /** Score of every record (labelled too); higher = more likely relevant. */
  scores: Map<string, number>;
  method: RankingMethod;
};

/** A labelled record for a simulation. */
export type SimulationRecord = {
  title: string;
  abstract: string;
  label: Label;
  /** Set when the dataset marks this record as a duplicate of another. */
  duplicateOf?: string | null;
};

export type SimulationOptions = {
  seed?: number;
  model?: ModelName;
  /** Remove records without abstract and duplicates first. Default true. */
  clean?: boolean;
};

/**
 * Result of one simulated screening. WSS and RRF are percentages (0-100),
 * computed over the records screened after the two prior-knowledge records.
 */
export type SimulationResult = {
  /** Records after cleaning. */
  records: number;
  /** Included records after cleaning. */
  included: number;
  wss95: number;
  wss100: number;
  rrf10: number;
  /** Labels in screening order, the two prior records first. */
  sequence: Label[];
};
