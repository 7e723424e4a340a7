import { describe, expect, it } from 'vitest';
import { canChangeVote, isInReviewerQueue, summarizeStates } from './queue';
import { deriveRecordState } from './state';
import type { VoteInput } from './types';

const inc = (reviewerId: string): VoteInput => ({ reviewerId, decision: 'include' });
const exc = (reviewerId: string): VoteInput => ({ reviewerId, decision: 'exclude' });

function queued(votes: VoteInput[], reviewerId: string, requiredVotes = 2, assignedReviewerIds?: string[]) {
  const state = deriveRecordState({ stage: 'title_abstract', votes, requiredVotes });
  return isInReviewerQueue({ state, votes, reviewerId, requiredVotes, assignedReviewerIds });
}

describe('isInReviewerQueue', () => {
  it('an unvoted record is in everyone’s queue', () => {
    expect(queued([], 'a')).toBe(true);
  });

  it('a record the reviewer voted on leaves their queue but stays in others’', () => {
    expect(queued([inc('a')], 'a')).toBe(false);
    expect(queued([inc('a')], 'b')).toBe(true);
  });

  it('a record with enough votes is not handed to a third reviewer', () => {
    expect(queued([inc('a'), inc('b')], 'c')).toBe(false);
    expect(queued([inc('a'), exc('b')], 'c')).toBe(false); // a conflict goes to a lead
  });

  it('with three required, a third reviewer still gets it', () => {
    expect(queued([inc('a'), exc('b')], 'c', 3)).toBe(true);
  });

  it('a resolved record is in nobody’s queue', () => {
    const votes = [inc('a')];
    const state = deriveRecordState({ stage: 'title_abstract', votes, resolution: { decision: 'include' }, requiredVotes: 2 });
    expect(isInReviewerQueue({ state, votes, reviewerId: 'b', requiredVotes: 2 })).toBe(false);
  });

  it('when reviewers are assigned, only they get the record', () => {
    expect(queued([], 'a', 2, ['a', 'b'])).toBe(true);
    expect(queued([], 'z', 2, ['a', 'b'])).toBe(false);
  });

  it('accepts a bare state name', () => {
    expect(isInReviewerQueue({ state: 'awaiting', votes: [], reviewerId: 'a', requiredVotes: 1 })).toBe(true);
    expect(isInReviewerQueue({ state: 'conflict', votes: [], reviewerId: 'a', requiredVotes: 1 })).toBe(false);
  });
});

describe('canChangeVote', () => {
  it.each([
    ['awaiting', true],
    ['included', true],
    ['excluded', true],
    ['conflict', true],
    ['resolved_included', false],
    ['resolved_excluded', false],
  ] as const)('%s -> %s', (state, expected) => {
    expect(canChangeVote(state)).toBe(expected);
  });
});

describe('summarizeStates', () => {
  it('counts per state with zeros for absent states', () => {
    const states = [
      deriveRecordState({ stage: 'title_abstract', votes: [], requiredVotes: 2 }),
      deriveRecordState({ stage: 'title_abstract', votes: [inc('a'), inc('b')], requiredVotes: 2 }),
      deriveRecordState({ stage: 'title_abstract', votes: [inc('a'), exc('b')], requiredVotes: 2 }),
      'conflict' as const,
      'resolved_excluded' as const,
    ];
    expect(summarizeStates(states)).toEqual({
      awaiting: 1,
      included: 1,
      excluded: 0,
      conflict: 2,
      resolved_included: 0,
      resolved_excluded: 1,
      total: 5,
    });
  });

  it('an empty list gives all zeros', () => {
    expect(summarizeStates([]).total).toBe(0);
    expect(summarizeStates([]).awaiting).toBe(0);
  });
});
