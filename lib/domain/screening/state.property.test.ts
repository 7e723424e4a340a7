import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canChangeVote, isInReviewerQueue, summarizeStates } from './queue';
import { deriveRecordState } from './state';
import { RECORD_STATES } from './types';
import type { Decision, ResolutionInput, Stage, VoteInput } from './types';

const REVIEWERS = ['ana', 'ben', 'chen', 'dara', 'eli', 'femi'];
const stageArb = fc.constantFrom<Stage>('title_abstract', 'full_text');
const requiredArb = fc.integer({ min: 1, max: 3 });
const reasonArb = fc.constantFrom('r1', 'r2', 'r3');

/** A vote as validateVote would accept it at the stage: full-text excludes carry a reason. */
function validVoteArb(stage: Stage, reviewerId: string, decisions: Decision[] = ['include', 'exclude', 'maybe']) {
  return fc.record({ decision: fc.constantFrom(...decisions), reason: reasonArb, withReason: fc.boolean() }).map(
    ({ decision, reason, withReason }): VoteInput => ({
      reviewerId,
      decision,
      reasonId: decision === 'exclude' && (stage === 'full_text' || withReason) ? reason : null,
    }),
  );
}

/** Votes from distinct reviewers, valid for the stage. */
function votesArb(stage: Stage, opts: { minLength?: number; maxLength?: number; decisions?: Decision[] } = {}) {
  return fc
    .shuffledSubarray(REVIEWERS, { minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? REVIEWERS.length })
    .chain((reviewers) => fc.tuple(...reviewers.map((id) => validVoteArb(stage, id, opts.decisions))))
    .map((votes) => [...votes]);
}

const caseArb = fc
  .tuple(stageArb, requiredArb)
  .chain(([stage, requiredVotes]) => fc.record({ stage: fc.constant(stage), requiredVotes: fc.constant(requiredVotes), votes: votesArb(stage) }));

const resolutionArb = fc.record({
  decision: fc.constantFrom<'include' | 'exclude'>('include', 'exclude'),
  reasonId: fc.option(reasonArb, { nil: null }),
});

describe('deriveRecordState properties', () => {
  it('depends only on the set of votes, not their order', () => {
    fc.assert(
      fc.property(
        caseArb.chain((input) =>
          fc.record({
            input: fc.constant(input),
            shuffled: fc.shuffledSubarray(input.votes, { minLength: input.votes.length, maxLength: input.votes.length }),
          }),
        ),
        ({ input, shuffled }) => {
          expect(deriveRecordState({ ...input, votes: shuffled })).toEqual(deriveRecordState(input));
        },
      ),
    );
  });

  it('a resolution always wins, whatever the votes', () => {
    fc.assert(
      fc.property(caseArb, resolutionArb, (input, resolution: ResolutionInput) => {
        const state = deriveRecordState({ ...input, resolution });
        expect(state.state).toBe(resolution.decision === 'include' ? 'resolved_included' : 'resolved_excluded');
        expect(state.finalDecision).toBe(resolution.decision);
        expect(state.votesNeeded).toBe(0);
      }),
    );
  });

  it('fewer votes than required is awaiting, needing exactly the difference', () => {
    fc.assert(
      fc.property(stageArb.chain((stage) => fc.record({ stage: fc.constant(stage), votes: votesArb(stage, { maxLength: 2 }) })), ({ stage, votes }) => {
        const requiredVotes = votes.length + 1;
        const state = deriveRecordState({ stage, votes, requiredVotes });
        expect(state.state).toBe('awaiting');
        expect(state.votesNeeded).toBe(requiredVotes - votes.length);
      }),
    );
  });

  it('include/maybe votes only, at least the required number, is included', () => {
    fc.assert(
      fc.property(
        fc.tuple(stageArb, requiredArb).chain(([stage, requiredVotes]) =>
          fc.record({
            stage: fc.constant(stage),
            requiredVotes: fc.constant(requiredVotes),
            votes: votesArb(stage, { minLength: requiredVotes, decisions: ['include', 'maybe'] }),
          }),
        ),
        (input) => {
          expect(deriveRecordState(input)).toMatchObject({ state: 'included', finalDecision: 'include' });
        },
      ),
    );
  });

  it('unanimous excludes (one shared reason) with at least the required number are excluded', () => {
    fc.assert(
      fc.property(stageArb, requiredArb, reasonArb, fc.integer({ min: 0, max: 3 }), (stage, requiredVotes, reasonId, extra) => {
        const votes = REVIEWERS.slice(0, requiredVotes + extra).map((reviewerId): VoteInput => ({ reviewerId, decision: 'exclude', reasonId }));
        expect(deriveRecordState({ stage, votes, requiredVotes })).toMatchObject({ state: 'excluded', reasonId });
      }),
    );
  });

  it('any exclude together with an include or maybe, once enough votes are in, is a decision conflict', () => {
    fc.assert(
      fc.property(
        fc.tuple(stageArb, requiredArb).chain(([stage, requiredVotes]) =>
          fc.record({ stage: fc.constant(stage), requiredVotes: fc.constant(requiredVotes), votes: votesArb(stage, { minLength: requiredVotes }) }),
        ),
        (input) => {
          const decisions = new Set(input.votes.map((vote) => vote.decision));
          fc.pre(decisions.has('exclude') && (decisions.has('include') || decisions.has('maybe')));
          expect(deriveRecordState(input)).toMatchObject({ state: 'conflict', conflictKind: 'decision' });
        },
      ),
    );
  });

  it('full text: unanimous excludes naming two or more reasons are a reason conflict', () => {
    fc.assert(
      fc.property(
        requiredArb.chain((requiredVotes) =>
          fc.record({ requiredVotes: fc.constant(requiredVotes), votes: votesArb('full_text', { minLength: Math.max(2, requiredVotes), decisions: ['exclude'] }) }),
        ),
        ({ requiredVotes, votes }) => {
          fc.pre(new Set(votes.map((vote) => vote.reasonId)).size > 1);
          expect(deriveRecordState({ stage: 'full_text', votes, requiredVotes })).toMatchObject({ state: 'conflict', conflictKind: 'reason' });
        },
      ),
    );
  });

  it('adding a vote from a new reviewer never makes a decided record awaiting again', () => {
    fc.assert(
      fc.property(caseArb, fc.option(resolutionArb, { nil: null }), (input, resolution) => {
        const before = deriveRecordState({ ...input, resolution });
        const newcomer = `new-${input.votes.length}`;
        fc.pre(before.state !== 'awaiting');
        for (const decision of ['include', 'exclude', 'maybe'] as const) {
          const vote: VoteInput = { reviewerId: newcomer, decision, reasonId: decision === 'exclude' ? 'r1' : null };
          const after = deriveRecordState({ ...input, resolution, votes: [...input.votes, vote] });
          expect(after.state).not.toBe('awaiting');
          if (resolution) expect(after.state).toBe(before.state);
        }
      }),
    );
  });

  it('the result is always a known state; votes are needed exactly when awaiting', () => {
    fc.assert(
      fc.property(caseArb, fc.option(resolutionArb, { nil: null }), (input, resolution) => {
        const state = deriveRecordState({ ...input, resolution });
        expect(RECORD_STATES).toContain(state.state);
        expect(state.votesNeeded > 0).toBe(state.state === 'awaiting');
        expect(state.finalDecision === null).toBe(state.state === 'awaiting' || state.state === 'conflict');
        expect(state.voteCount).toBe(input.votes.length);
      }),
    );
  });
});

describe('queue properties', () => {
  it('a reviewer never sees a record they voted on, nor one with enough votes, nor a resolved one', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...REVIEWERS), fc.option(resolutionArb, { nil: null }), (input, reviewerId, resolution) => {
        const state = deriveRecordState({ ...input, resolution });
        const queued = isInReviewerQueue({ state, votes: input.votes, reviewerId, requiredVotes: input.requiredVotes });
        const hasVoted = input.votes.some((vote) => vote.reviewerId === reviewerId);
        expect(queued).toBe(!hasVoted && !resolution && input.votes.length < input.requiredVotes);
        expect(canChangeVote(state)).toBe(!resolution);
      }),
    );
  });

  it('summarizeStates counts every record exactly once', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 30 }), (inputs) => {
        const states = inputs.map((input) => deriveRecordState(input));
        const summary = summarizeStates(states);
        expect(summary.total).toBe(states.length);
        expect(RECORD_STATES.reduce((sum, state) => sum + summary[state], 0)).toBe(states.length);
      }),
    );
  });
});
