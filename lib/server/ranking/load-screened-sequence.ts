import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { screeningStates, votes } from '@/db/schema';
import type { Label } from '@/lib/domain/ranking/types';
import { screenedSequence } from '@/lib/domain/ranking/labels';

export const SETTLED_STATES = ['included', 'excluded', 'resolved_included', 'resolved_excluded'] as const;

/**
 * A stage's settled records as labels (1 include, 0 exclude) in the order
 * their screening began (first vote): the recall curve of the progress page
 * and the input of the stopping estimate.
 */
export async function loadScreenedSequence(db: Db, projectId: string, stage: 'title_abstract' | 'full_text'): Promise<Label[]> {
  const settled = await db
    .select({ id: screeningStates.referenceId, state: screeningStates.state, firstVoteAt: sql<string | null>`min(${votes.createdAt})` })
    .from(screeningStates)
    .leftJoin(votes, and(eq(votes.referenceId, screeningStates.referenceId), eq(votes.stage, screeningStates.stage)))
    .where(and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage), inArray(screeningStates.state, SETTLED_STATES)))
    .groupBy(screeningStates.referenceId, screeningStates.state);
  return screenedSequence(settled);
}
