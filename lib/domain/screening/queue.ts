import { RECORD_STATES } from './types';
import type { RecordState, StageState, StateSummary, VoteInput } from './types';

function stateName(state: StageState | RecordState): RecordState {
  return typeof state === 'string' ? state : state.state;
}

/** Input of {@link isInReviewerQueue}. */
export type ReviewerQueueInput = {
  state: StageState | RecordState;
  votes: readonly VoteInput[];
  reviewerId: string;
  requiredVotes: number;
  /**
   * Reviewers assigned to the record, when the project assigns them; then only
   * they see it. Leave undefined when any project reviewer may take it.
   */
  assignedReviewerIds?: readonly string[];
};

/**
 * Whether a record belongs in a reviewer's screening queue: it still needs
 * votes (awaiting, fewer than `requiredVotes`), the reviewer has not voted on
 * it, and, when reviewers are assigned, the reviewer is one of them. A record
 * that already has enough votes is never handed to another reviewer, even if
 * it is in conflict: a conflict goes to a lead, not to a third screener.
 */
export function isInReviewerQueue(input: ReviewerQueueInput): boolean {
  const { state, votes, reviewerId, requiredVotes, assignedReviewerIds } = input;
  if (stateName(state) !== 'awaiting') return false;
  if (votes.length >= requiredVotes) return false;
  if (assignedReviewerIds && !assignedReviewerIds.includes(reviewerId)) return false;
  return !votes.some((vote) => vote.reviewerId === reviewerId);
}

/**
 * Whether reviewers may still change their votes on a record. Votes stay
 * editable until a lead resolves the record: changing an include to an
 * exclude before then simply re-derives the state (possibly into a conflict),
 * while after a resolution the lead's decision stands and the audit trail
 * would otherwise show votes that no longer match it.
 */
export function canChangeVote(state: StageState | RecordState): boolean {
  const name = stateName(state);
  return name !== 'resolved_included' && name !== 'resolved_excluded';
}

/** Counts records per state (every state present, zero when absent) and in total. */
export function summarizeStates(states: readonly (StageState | RecordState)[]): StateSummary {
  const summary = Object.fromEntries(RECORD_STATES.map((state) => [state, 0])) as Record<RecordState, number>;
  for (const state of states) summary[stateName(state)] += 1;
  return { ...summary, total: states.length };
}
