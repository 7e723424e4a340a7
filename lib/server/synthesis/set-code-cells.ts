import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codeFrameworkCells, codes } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZSetCodeCells } from '@/lib/validation/synthesis';
import { isCellOf, loadFramework, loadFrameworkForUpdate } from './framework-dto';

/**
 * Put a code (and so the codes under it) in exactly these cells of one
 * framework, replacing its earlier cells there; its cells in other frameworks
 * are left alone.
 */
export async function setCodeCells(actor: Actor, projectId: string, frameworkId: string, raw: unknown): Promise<{ cells: number }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  await loadFramework(db, projectId, frameworkId);
  const input = parseInput(ZSetCodeCells, raw);
  const [code] = await db.select({ id: codes.id, name: codes.name }).from(codes).where(and(eq(codes.id, input.codeId), eq(codes.projectId, projectId)));
  if (!code) throw new AppError('NOT_FOUND', 'That code is not in this project.', { codeId: ['Not in this project.'] });
  const unique = [...new Map(input.cells.map((c) => [`${c.domainId}|${c.themeId ?? ''}|${c.levelId}`, c])).values()];
  return db.transaction(async (tx) => {
    // Locked: another mapping of this framework, or a deletion of one of its
    // themes, domains or levels, waits; the cells are checked against the
    // framework as it is now.
    const framework = await loadFrameworkForUpdate(tx, projectId, frameworkId);
    const bad = input.cells.findIndex((c) => !isCellOf(framework, c));
    if (bad >= 0) throw new AppError('VALIDATION', `Cell ${bad + 1} is not a cell of this framework.`, { [`cells.${bad}`]: ['Not a cell of this framework.'] });
    const before = await tx
      .delete(codeFrameworkCells)
      .where(and(eq(codeFrameworkCells.projectId, projectId), eq(codeFrameworkCells.frameworkId, frameworkId), eq(codeFrameworkCells.codeId, code.id)))
      .returning({ domainId: codeFrameworkCells.domainId, themeId: codeFrameworkCells.themeId, levelId: codeFrameworkCells.levelId });
    if (unique.length) {
      await tx.insert(codeFrameworkCells).values(unique.map((c) => ({ projectId, frameworkId, codeId: code.id, domainId: c.domainId, themeId: c.themeId, levelId: c.levelId })));
    }
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'framework.map-code', entityType: 'code', entityId: code.id, before, after: { frameworkId, cells: unique } });
    return { cells: unique.length };
  });
}
