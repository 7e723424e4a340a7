/**
 * Plain-data types of the screening rules. The server maps vote and resolution
 * rows to these at its edge; nothing here knows about the database.
 */

/** The two screening stages, in the order a record passes through them. */
export type Stage = 'title_abstract' | 'full_text';

/** A reviewer's vote. "maybe" moves a record on like "include" but never agrees with "exclude". */
export type Decision = 'include' | 'exclude' | 'maybe';

/** One reviewer's current vote on one record at one stage (a reviewer has at most one). */
export type VoteInput = {
  reviewerId: string;
  decision: Decision;
  /** Exclusion reason id; required for a full-text exclude, meaningless otherwise. */
  reasonId?: string | null;
};

/** A lead's final word on a record at a stage; it wins over the votes. */
export type ResolutionInput = {
  decision: 'include' | 'exclude';
  reasonId?: string | null;
};

/**
 * The state of a record at a stage. The five states are awaiting,
 * included, excluded, conflict and resolved; "resolved" is split by its final
 * decision so that counts (PRISMA, progress bars) need no second lookup.
 */
export type RecordState =
  | 'awaiting'
  | 'included'
  | 'excluded'
  | 'conflict'
  | 'resolved_included'
  | 'resolved_excluded';

/** Every record state, in display order. */
export const RECORD_STATES: readonly RecordState[] = [
  'awaiting',
  'included',
  'excluded',
  'conflict',
  'resolved_included',
  'resolved_excluded',
];

/**
 * What a conflict is about: the decision itself (include/maybe vs exclude), or,
 * at full text, the exclusion reason (PRISMA reports exactly one per report).
 */
export type ConflictKind = 'decision' | 'reason';

/** Input of {@link deriveRecordState}. */
export type DeriveRecordStateInput = {
  stage: Stage;
  /** Current votes, at most one per reviewer; order does not matter. */
  votes: readonly VoteInput[];
  resolution?: ResolutionInput | null;
  /** Reviewers required per record at this stage (project setting, 1-3). */
  requiredVotes: number;
  /**
   * Reviewers assigned to the record, when the project assigns them. Used only
   * to name who still owes a vote; without it only the number is known.
   */
  assignedReviewerIds?: readonly string[];
};

/** Fields every state carries. */
type StageStateCommon = {
  stage: Stage;
  requiredVotes: number;
  /** Number of votes cast (one per reviewer). */
  voteCount: number;
  /** Reviewers who have voted, sorted, so equal inputs give equal outputs. */
  votedReviewerIds: string[];
  /** How many more votes the record needs before it can be decided (0 unless awaiting). */
  votesNeeded: number;
  /** Assigned reviewers who have not voted yet (empty unless awaiting or nobody was assigned). */
  owingReviewerIds: string[];
};

/**
 * The derived state of a record at a stage. `finalDecision` is the decision the
 * record moves on with (included/excluded or resolved), null while undecided;
 * `reasonId` is the exclusion reason that PRISMA counts the record under.
 */
export type StageState =
  | (StageStateCommon & { state: 'awaiting'; finalDecision: null; reasonId: null })
  | (StageStateCommon & { state: 'included'; finalDecision: 'include'; reasonId: null })
  | (StageStateCommon & { state: 'excluded'; finalDecision: 'exclude'; reasonId: string | null })
  | (StageStateCommon & {
      state: 'conflict';
      finalDecision: null;
      reasonId: null;
      conflictKind: ConflictKind;
    })
  | (StageStateCommon & { state: 'resolved_included'; finalDecision: 'include'; reasonId: null })
  | (StageStateCommon & {
      state: 'resolved_excluded';
      finalDecision: 'exclude';
      reasonId: string | null;
    });

/** Count of records per state, plus the total. */
export type StateSummary = Record<RecordState, number> & { total: number };
