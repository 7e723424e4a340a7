/**
 * Types shared by the de-duplication modules. The input is a plain bibliographic
 * record; the server maps database rows to it at the edge.
 */

/** One reference as de-duplication sees it. Empty strings count as missing. */
export type DedupRecord = {
  id: string;
  title: string | null;
  /** One entry per author, "Surname, Given" or "Given Surname" or "Surname AB". */
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  abstract?: string | null;
  /** Reference type as imported (article, conference paper, erratum ...). */
  type?: string | null;
};

/** Score cut-offs in [0, 1]: at or above `certain` merges, at or above `probable` queues. */
export type DedupThresholds = { certain: number; probable: number };

export type FindDuplicatesOptions = {
  /** Records already in the project; new records are checked against them, not among themselves. */
  existing?: DedupRecord[];
  /** Pairs a person marked "not duplicates": never merged, never queued, never joined transitively. */
  notDuplicatePairs?: [string, string][];
  thresholds?: Partial<DedupThresholds>;
};

/** A probable duplicate pair for a person to confirm or reject. */
export type QueuedPair = { a: string; b: string; score: number; reasons: string[] };

export type DedupResult = {
  /** Automatic merges; the first id of each group is the record to keep. */
  groups: string[][];
  /** Probable duplicates, highest score first. */
  queued: QueuedPair[];
};

/** Result of comparing two records. */
export type PairScore = {
  /** Evidence for "same work", 0 (no evidence or contradicted) to 1. */
  score: number;
  /** A field that two versions of one work would not disagree on (DOI, pages, part ...). */
  hasConflict: boolean;
  /** Short human-readable evidence, e.g. "title equal", "pages differ". */
  reasons: string[];
};
