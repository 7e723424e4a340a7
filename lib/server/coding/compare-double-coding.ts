import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { doubleCodingAssignments } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { loadStudy } from './coding-scope';

/** End the blind phase of a double-coded study (leads): from now on both coders see each other's quotes on it. */
export async function compareDoubleCoding(actor: Actor, projectId: string, studyId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'codebook.manage');
  await loadStudy(db, projectId, studyId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(doubleCodingAssignments)
      .set({ comparedAt: new Date(), comparedBy: actor.userId })
      .where(and(eq(doubleCodingAssignments.studyId, studyId), eq(doubleCodingAssignments.projectId, projectId), isNull(doubleCodingAssignments.comparedAt)))
      .returning({ id: doubleCodingAssignments.id });
    if (!row) throw new AppError('CONFLICT', 'This study is not being double-coded, or its coders were already compared.');
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'double-coding.compare', entityType: 'study', entityId: studyId });
  });
}
