import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes, codings } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { ZUuid } from '@/lib/validation/projects';

/**
 * Delete a code that carries no quotes and has no sub-codes (leads). A code
 * with quotes is merged into another instead, so no quote is lost silently.
 */
export async function deleteCode(actor: Actor, projectId: string, codeId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'codebook.manage');
  if (!ZUuid.safeParse(codeId).success) throw new AppError('NOT_FOUND', 'Code not found.');
  await db.transaction(async (tx) => {
    const [code] = await tx.select().from(codes).where(and(eq(codes.id, codeId), eq(codes.projectId, projectId))).for('update');
    if (!code) throw new AppError('NOT_FOUND', `No code ${codeId} in this project.`);
    const [{ n: used }] = await tx.select({ n: count() }).from(codings).where(eq(codings.codeId, codeId));
    if (Number(used) > 0) {
      throw new AppError('CONFLICT', `"${code.name}" is applied to ${used} quote${Number(used) === 1 ? '' : 's'}: merge it into another code instead of deleting it.`);
    }
    const [{ n: children }] = await tx.select({ n: count() }).from(codes).where(eq(codes.parentId, codeId));
    if (Number(children) > 0) throw new AppError('CONFLICT', `"${code.name}" has sub-codes: move or merge them first.`);
    await tx.delete(codes).where(eq(codes.id, codeId));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'code.delete',
      entityType: 'code',
      entityId: codeId,
      before: { name: code.name, kind: code.kind, parentId: code.parentId, description: code.description },
    });
  });
}
