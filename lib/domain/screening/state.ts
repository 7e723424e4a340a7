import type {
  ConflictKind,
  Decision,
  DeriveRecordStateInput,
  ResolutionInput,
  Stage,
  StageState,
  VoteInput,
} from './types';

const DECISIONS: readonly Decision[] = ['include', 'exclude', 'maybe'];

/** Empty or blank reason ids count as "no reason": forms send '' for an unselected option. */
function normalizeReason(reasonId: string | null | undefined): string | null {
  return reasonId == null || reasonId.trim() === '' ? null : reasonId;
}

function assertRequiredVotes(requiredVotes: number): void {
  if (!Number.isInteger(requiredVotes) || requiredVotes < 1) {
    throw new RangeError(`requiredVotes must be a whole number of at least 1 (got ${String(requiredVotes)})`);
  }
}

/**
 * Derives a record's state at one stage from its votes and resolution alone
 * (DESIGN.md, "Screening rules"). The rules, in order:
 *
 * 1. A resolution wins over the votes: `resolved_included` / `resolved_excluded`.
 * 2. Fewer votes than `requiredVotes`: `awaiting`, with `votesNeeded` and, when
 *    reviewers are assigned, `owingReviewerIds`. Votes are blind, so a record
 *    whose first votes already disagree still awaits the rest.
 * 3. With at least `requiredVotes` votes, ALL votes count (a third vote cast
 *    after the lead raised or lowered the setting is not ignored): this keeps
 *    the state a function of the set of votes, with no dependence on vote order
 *    or timestamps, and never hides a reviewer's dissent.
 *    - any exclude together with any include or maybe: `conflict` ('decision');
 *    - only include and maybe: `included` ("maybe" moves a record on);
 *    - only exclude: `excluded`. At full text, PRISMA reports one reason per
 *      excluded report, so excludes naming different reasons, or an exclude
 *      with no reason (a vote {@link validateVote} would have refused), are a
 *      `conflict` ('reason') for a lead to settle. At title/abstract a reason is
 *      optional and never conflicts; the state carries it when all who gave one agree.
 *
 * Pure and total for valid input; throws only on programming errors (a
 * reviewer voting twice, which the database's unique key forbids, or a
 * `requiredVotes` below 1).
 */
export function deriveRecordState(input: DeriveRecordStateInput): StageState {
  const { stage, votes, resolution, requiredVotes, assignedReviewerIds } = input;
  assertRequiredVotes(requiredVotes);

  const voted = new Set<string>();
  for (const vote of votes) {
    if (voted.has(vote.reviewerId)) {
      throw new Error(`Reviewer ${vote.reviewerId} has more than one vote at stage ${stage}`);
    }
    voted.add(vote.reviewerId);
  }

  const common = {
    stage,
    requiredVotes,
    voteCount: votes.length,
    votedReviewerIds: [...voted].sort(),
    votesNeeded: 0,
    owingReviewerIds: [] as string[],
  };

  if (resolution) {
    return resolution.decision === 'include'
      ? { ...common, state: 'resolved_included', finalDecision: 'include', reasonId: null }
      : {
          ...common,
          state: 'resolved_excluded',
          finalDecision: 'exclude',
          reasonId: normalizeReason(resolution.reasonId),
        };
  }

  if (votes.length < requiredVotes) {
    const owing = [...new Set(assignedReviewerIds ?? [])].filter((id) => !voted.has(id)).sort();
    return {
      ...common,
      state: 'awaiting',
      finalDecision: null,
      reasonId: null,
      votesNeeded: requiredVotes - votes.length,
      owingReviewerIds: owing,
    };
  }

  const hasExclude = votes.some((vote) => vote.decision === 'exclude');
  const movesOn = votes.some((vote) => vote.decision !== 'exclude');
  const conflict = (conflictKind: ConflictKind): StageState => ({
    ...common,
    state: 'conflict',
    finalDecision: null,
    reasonId: null,
    conflictKind,
  });

  if (hasExclude && movesOn) return conflict('decision');
  if (movesOn) return { ...common, state: 'included', finalDecision: 'include', reasonId: null };

  const reasons = new Set(votes.map((vote) => normalizeReason(vote.reasonId)));
  if (stage === 'full_text') {
    if (reasons.size > 1 || reasons.has(null)) return conflict('reason');
    const [reasonId] = [...reasons];
    return { ...common, state: 'excluded', finalDecision: 'exclude', reasonId };
  }
  reasons.delete(null);
  const reasonId = reasons.size === 1 ? [...reasons][0] : null;
  return { ...common, state: 'excluded', finalDecision: 'exclude', reasonId };
}

/**
 * Checks one vote before it is stored; returns an error message for the
 * reviewer, or null when the vote is valid. The input may come from an
 * untyped form, so the decision itself is checked too.
 */
export function validateVote(stage: Stage, vote: VoteInput): string | null {
  if (typeof vote.reviewerId !== 'string' || vote.reviewerId.trim() === '') {
    return 'A vote needs a reviewer.';
  }
  if (!DECISIONS.includes(vote.decision)) {
    return `Unknown decision "${String(vote.decision)}": use include, exclude or maybe.`;
  }
  return validateReason(stage, vote.decision, vote.reasonId);
}

/**
 * Checks a lead's resolution before it is stored; returns an error message,
 * or null when valid. Same reason rules as {@link validateVote}.
 */
export function validateResolution(stage: Stage, resolution: ResolutionInput): string | null {
  if (resolution.decision !== 'include' && resolution.decision !== 'exclude') {
    return `Unknown decision "${String(resolution.decision)}": a resolution is include or exclude.`;
  }
  return validateReason(stage, resolution.decision, resolution.reasonId);
}

function validateReason(stage: Stage, decision: Decision, reasonId: string | null | undefined): string | null {
  const reason = normalizeReason(reasonId);
  if (decision === 'exclude') {
    return stage === 'full_text' && reason === null
      ? 'A full-text exclusion needs a reason: PRISMA reports one reason for each excluded report.'
      : null;
  }
  // A reason stored on an include would be miscounted in PRISMA's exclusion list.
  return reason === null ? null : 'An exclusion reason can only be given with an exclude vote.';
}
