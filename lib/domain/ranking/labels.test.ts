import { describe, expect, it } from 'vitest';
import { RECORD_STATES } from '../screening/types';
import { screenedSequence, trainingLabel, trainingLabels, type ScreenedRecord } from './labels';

describe('trainingLabel', () => {
  it('labels settled records only: includes (agreed or resolved) 1, excludes 0', () => {
    expect(Object.fromEntries(RECORD_STATES.map((s) => [s, trainingLabel(s)]))).toEqual({
      awaiting: null,
      included: 1,
      excluded: 0,
      conflict: null,
      resolved_included: 1,
      resolved_excluded: 0,
    });
  });
});

describe('trainingLabels and screenedSequence', () => {
  const records: ScreenedRecord[] = [
    { id: 'c', state: 'excluded', firstVoteAt: '2026-01-01T10:03:00Z' },
    { id: 'a', state: 'included', firstVoteAt: '2026-01-01T10:01:00Z' },
    { id: 'half', state: 'awaiting', firstVoteAt: '2026-01-01T10:00:00Z' },
    { id: 'fight', state: 'conflict', firstVoteAt: '2026-01-01T10:02:00Z' },
    { id: 'b', state: 'resolved_excluded', firstVoteAt: new Date('2026-01-01T10:02:00Z') },
    { id: 'd', state: 'resolved_included', firstVoteAt: '2026-01-01T10:03:00Z' },
    { id: 'untouched', state: 'awaiting', firstVoteAt: null },
  ];

  it('leaves records still awaiting a vote and unresolved conflicts unlabelled', () => {
    expect([...trainingLabels(records)].sort()).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 0],
      ['d', 1],
    ]);
  });

  it('orders the settled records by first vote, ties by id', () => {
    expect(screenedSequence(records)).toEqual([1, 0, 0, 1]);
  });

  it('puts a settled record without any vote first', () => {
    expect(screenedSequence([...records, { id: 'z', state: 'resolved_included', firstVoteAt: null }])).toEqual([1, 1, 0, 0, 1]);
  });
});
