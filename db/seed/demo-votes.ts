/**
 * The demo's screening so far, cast through the same use-cases as the app, so
 * a newcomer finds records at both stages, two studies and a few conflicts.
 * Indexes are positions in db/seed/demo/digital-mental-health.ris.
 */
import { recordVote } from '@/lib/server/screening/record-vote';
import type { Decision } from '@/lib/domain/screening';

type Plan = [index: number, first: Decision | null, second: Decision | null, firstReason?: string, secondReason?: string];

// Title/abstract: 4 includes, 3 excludes, 3 conflicts, and 5 records still awaiting votes.
const TITLE_ABSTRACT: Plan[] = [
  [3, 'include', 'include'],
  [4, 'include', 'include'],
  [5, 'include', 'maybe'],
  [6, 'include', 'include'],
  [7, 'exclude', 'exclude'],
  [8, 'maybe', 'exclude'],
  [9, 'include', 'exclude'],
  [10, 'exclude', 'exclude'],
  [11, 'exclude', 'include'],
  [14, 'exclude', 'exclude'],
  [0, 'exclude', null],
];

// Full text: two included studies, one conflict over the reason, one awaiting a second vote.
const FULL_TEXT: Plan[] = [
  [3, 'include', 'include'],
  [4, 'include', 'include'],
  [5, 'exclude', 'exclude', 'Wrong study design', 'Wrong population'],
  [6, 'include', null],
];

export async function castDemoVotes(projectId: string, referenceIds: string[], reviewers: { reviewer1: string; reviewer2: string }): Promise<void> {
  for (const [stage, plan] of [['title_abstract', TITLE_ABSTRACT], ['full_text', FULL_TEXT]] as const) {
    for (const [index, first, second, firstReason, secondReason] of plan) {
      const cast = (userId: string, decision: Decision | null, reason?: string) =>
        decision
          ? recordVote({ userId, via: 'cli' }, projectId, { referenceId: referenceIds[index], stage, decision, reason: reason ?? null })
          : null;
      await cast(reviewers.reviewer1, first, firstReason);
      await cast(reviewers.reviewer2, second, secondReason);
    }
  }
}
