import { describe, expect, it } from 'vitest';
import { deriveRecordState, validateResolution, validateVote } from './state';
import type { Stage, VoteInput } from './types';

const inc = (reviewerId: string): VoteInput => ({ reviewerId, decision: 'include' });
const may = (reviewerId: string): VoteInput => ({ reviewerId, decision: 'maybe' });
const exc = (reviewerId: string, reasonId: string | null = null): VoteInput => ({
  reviewerId,
  decision: 'exclude',
  reasonId,
});

function derive(stage: Stage, votes: VoteInput[], requiredVotes = 2) {
  return deriveRecordState({ stage, votes, requiredVotes });
}

describe('deriveRecordState: awaiting', () => {
  it('no votes awaits the full number of votes', () => {
    const state = derive('title_abstract', []);
    expect(state.state).toBe('awaiting');
    expect(state.votesNeeded).toBe(2);
    expect(state.finalDecision).toBeNull();
  });

  it('one of two votes awaits one more', () => {
    const state = derive('title_abstract', [inc('a')]);
    expect(state).toMatchObject({ state: 'awaiting', votesNeeded: 1, voteCount: 1, votedReviewerIds: ['a'] });
  });

  it('names the assigned reviewers who still owe a vote', () => {
    const state = deriveRecordState({
      stage: 'title_abstract',
      votes: [inc('b')],
      requiredVotes: 2,
      assignedReviewerIds: ['c', 'b', 'a', 'a'],
    });
    expect(state.owingReviewerIds).toEqual(['a', 'c']);
  });

  it('without assignments only the number owed is known', () => {
    expect(derive('title_abstract', [inc('a')]).owingReviewerIds).toEqual([]);
  });

  it('stays awaiting (blind) even when the first votes already disagree', () => {
    const state = derive('title_abstract', [inc('a'), exc('b')], 3);
    expect(state).toMatchObject({ state: 'awaiting', votesNeeded: 1 });
  });
});

describe('deriveRecordState: included', () => {
  it('two includes', () => {
    expect(derive('title_abstract', [inc('a'), inc('b')])).toMatchObject({
      state: 'included',
      finalDecision: 'include',
      votesNeeded: 0,
      owingReviewerIds: [],
    });
  });

  it('include + maybe moves on as included', () => {
    expect(derive('title_abstract', [inc('a'), may('b')]).state).toBe('included');
  });

  it('maybe + maybe moves on as included', () => {
    expect(derive('title_abstract', [may('a'), may('b')]).state).toBe('included');
  });

  it('a single required vote decides alone', () => {
    expect(derive('full_text', [inc('a')], 1).state).toBe('included');
  });

  it('a full-text include moves on', () => {
    expect(derive('full_text', [inc('a'), inc('b')]).state).toBe('included');
  });
});

describe('deriveRecordState: excluded', () => {
  it('two title/abstract excludes without reasons', () => {
    expect(derive('title_abstract', [exc('a'), exc('b')])).toMatchObject({
      state: 'excluded',
      finalDecision: 'exclude',
      reasonId: null,
    });
  });

  it('title/abstract: different reasons are not a conflict; no single reason is carried', () => {
    expect(derive('title_abstract', [exc('a', 'r1'), exc('b', 'r2')])).toMatchObject({
      state: 'excluded',
      reasonId: null,
    });
  });

  it('title/abstract: the one reason given is carried', () => {
    expect(derive('title_abstract', [exc('a', 'r1'), exc('b')]).reasonId).toBe('r1');
  });

  it('full text: two excludes with the same reason', () => {
    expect(derive('full_text', [exc('a', 'r1'), exc('b', 'r1')])).toMatchObject({
      state: 'excluded',
      reasonId: 'r1',
    });
  });
});

describe('deriveRecordState: conflict', () => {
  it('include vs exclude is a decision conflict', () => {
    expect(derive('title_abstract', [inc('a'), exc('b')])).toMatchObject({
      state: 'conflict',
      conflictKind: 'decision',
      finalDecision: null,
    });
  });

  it('maybe vs exclude is a decision conflict', () => {
    expect(derive('title_abstract', [may('a'), exc('b')])).toMatchObject({ state: 'conflict', conflictKind: 'decision' });
  });

  it('full text: excludes with different reasons are a reason conflict', () => {
    expect(derive('full_text', [exc('a', 'r1'), exc('b', 'r2')])).toMatchObject({
      state: 'conflict',
      conflictKind: 'reason',
    });
  });

  it('full text: a stored exclude without a reason is a reason conflict for a lead', () => {
    expect(derive('full_text', [exc('a', 'r1'), exc('b')])).toMatchObject({ state: 'conflict', conflictKind: 'reason' });
    expect(derive('full_text', [exc('a', ''), exc('b', '  ')])).toMatchObject({ conflictKind: 'reason' });
  });

  it('a decision conflict takes precedence over a reason conflict', () => {
    expect(derive('full_text', [inc('a'), exc('b', 'r1'), exc('c', 'r2')])).toMatchObject({
      conflictKind: 'decision',
    });
  });
});

describe('deriveRecordState: more votes than required (all votes count)', () => {
  it('a third dissenting vote after the setting was lowered makes a conflict', () => {
    expect(derive('title_abstract', [inc('a'), inc('b'), exc('c')]).state).toBe('conflict');
  });

  it('three agreeing votes with two required stay included', () => {
    expect(derive('title_abstract', [inc('a'), may('b'), inc('c')], 2)).toMatchObject({
      state: 'included',
      voteCount: 3,
    });
  });

  it('two votes when one is required: both count', () => {
    expect(derive('title_abstract', [inc('a'), exc('b')], 1).state).toBe('conflict');
  });
});

describe('deriveRecordState: resolution wins', () => {
  it('resolves a conflict to include', () => {
    const state = deriveRecordState({
      stage: 'title_abstract',
      votes: [inc('a'), exc('b')],
      resolution: { decision: 'include' },
      requiredVotes: 2,
    });
    expect(state).toMatchObject({ state: 'resolved_included', finalDecision: 'include', reasonId: null });
  });

  it('resolves a full-text reason conflict with the chosen reason', () => {
    const state = deriveRecordState({
      stage: 'full_text',
      votes: [exc('a', 'r1'), exc('b', 'r2')],
      resolution: { decision: 'exclude', reasonId: 'r2' },
      requiredVotes: 2,
    });
    expect(state).toMatchObject({ state: 'resolved_excluded', finalDecision: 'exclude', reasonId: 'r2' });
  });

  it('a lead override with no votes at all', () => {
    const state = deriveRecordState({
      stage: 'title_abstract',
      votes: [],
      resolution: { decision: 'exclude' },
      requiredVotes: 2,
    });
    expect(state).toMatchObject({ state: 'resolved_excluded', votesNeeded: 0, owingReviewerIds: [] });
  });

  it('overrides unanimous votes', () => {
    const state = deriveRecordState({
      stage: 'title_abstract',
      votes: [inc('a'), inc('b')],
      resolution: { decision: 'exclude', reasonId: null },
      requiredVotes: 2,
    });
    expect(state.state).toBe('resolved_excluded');
  });

  it('a null resolution is no resolution', () => {
    const state = deriveRecordState({ stage: 'title_abstract', votes: [inc('a'), inc('b')], resolution: null, requiredVotes: 2 });
    expect(state.state).toBe('included');
  });
});

describe('deriveRecordState: programming errors throw', () => {
  it('a reviewer with two votes', () => {
    expect(() => derive('title_abstract', [inc('a'), exc('a')])).toThrow(/more than one vote/);
  });

  it.each([0, -1, 1.5, Number.NaN])('requiredVotes %s', (requiredVotes) => {
    expect(() => derive('title_abstract', [], requiredVotes)).toThrow(RangeError);
  });
});

describe('validateVote', () => {
  it('accepts valid votes', () => {
    expect(validateVote('title_abstract', inc('a'))).toBeNull();
    expect(validateVote('title_abstract', may('a'))).toBeNull();
    expect(validateVote('title_abstract', exc('a'))).toBeNull();
    expect(validateVote('title_abstract', exc('a', 'r1'))).toBeNull();
    expect(validateVote('full_text', exc('a', 'r1'))).toBeNull();
    expect(validateVote('full_text', inc('a'))).toBeNull();
  });

  it('refuses a full-text exclude without a reason', () => {
    expect(validateVote('full_text', exc('a'))).toMatch(/full-text exclusion needs a reason/);
    expect(validateVote('full_text', exc('a', ''))).toMatch(/needs a reason/);
    expect(validateVote('full_text', { reviewerId: 'a', decision: 'exclude' })).toMatch(/needs a reason/);
  });

  it('refuses a reason on an include or maybe', () => {
    expect(validateVote('full_text', { reviewerId: 'a', decision: 'include', reasonId: 'r1' })).toMatch(
      /only be given with an exclude/,
    );
    expect(validateVote('title_abstract', { reviewerId: 'a', decision: 'maybe', reasonId: 'r1' })).toMatch(
      /only be given with an exclude/,
    );
  });

  it('refuses a missing reviewer or an unknown decision from an untyped form', () => {
    expect(validateVote('title_abstract', { reviewerId: ' ', decision: 'include' })).toMatch(/needs a reviewer/);
    const bogus = { reviewerId: 'a', decision: 'yes' } as unknown as VoteInput;
    expect(validateVote('title_abstract', bogus)).toMatch(/Unknown decision "yes"/);
  });
});

describe('validateResolution', () => {
  it('full-text exclude needs a reason', () => {
    expect(validateResolution('full_text', { decision: 'exclude' })).toMatch(/needs a reason/);
    expect(validateResolution('full_text', { decision: 'exclude', reasonId: 'r1' })).toBeNull();
    expect(validateResolution('title_abstract', { decision: 'exclude' })).toBeNull();
    expect(validateResolution('title_abstract', { decision: 'include' })).toBeNull();
  });

  it('refuses maybe and reasons on includes', () => {
    expect(validateResolution('title_abstract', { decision: 'maybe' } as never)).toMatch(/include or exclude/);
    expect(validateResolution('full_text', { decision: 'include', reasonId: 'r1' })).toMatch(/only be given/);
  });
});
