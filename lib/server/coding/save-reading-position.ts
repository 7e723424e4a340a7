import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { codingReadingPositions } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadStudy } from './coding-scope';

const ZLine = z.coerce.number().int().min(1).max(10_000_000);

/** Remember the line at the top of the caller's view of a study's text (not audited: it is a bookmark, not a decision). */
export async function saveReadingPosition(actor: Actor, projectId: string, studyId: string, line: unknown): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  const value = parseInput(ZLine, line);
  await loadStudy(db, projectId, studyId);
  await db
    .insert(codingReadingPositions)
    .values({ projectId, studyId, userId: actor.userId, line: value })
    .onConflictDoUpdate({ target: [codingReadingPositions.userId, codingReadingPositions.studyId], set: { line: value, updatedAt: new Date() } });
}
