import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { frameworkCellStatements } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZCellStatement } from '@/lib/validation/synthesis';
import { isCellOf, loadFramework, loadFrameworkForUpdate } from './framework-dto';

/** The lead's summary statement and policy recommendation for one cell (upsert). */
export async function saveCellStatement(actor: Actor, projectId: string, frameworkId: string, raw: unknown): Promise<{ id: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  const framework = await loadFramework(db, projectId, frameworkId);
  const input = parseInput(ZCellStatement, raw);
  if (!isCellOf(framework, input)) throw new AppError('VALIDATION', 'That is not a cell of this framework.', { domainId: ['Not a cell of this framework.'] });
  return db.transaction(async (tx) => {
    // Checked again under the framework's lock: a theme, domain or level deleted meanwhile is a 422, not a foreign-key error.
    if (!isCellOf(await loadFrameworkForUpdate(tx, projectId, frameworkId), input)) {
      throw new AppError('VALIDATION', 'That is not a cell of this framework.', { domainId: ['Not a cell of this framework.'] });
    }
    const where = and(
      eq(frameworkCellStatements.projectId, projectId),
      eq(frameworkCellStatements.domainId, input.domainId),
      eq(frameworkCellStatements.levelId, input.levelId),
      input.themeId ? eq(frameworkCellStatements.themeId, input.themeId) : isNull(frameworkCellStatements.themeId),
    );
    const [existing] = await tx.select().from(frameworkCellStatements).where(where).for('update');
    let id: string;
    if (existing) {
      await tx.update(frameworkCellStatements).set({ summary: input.summary, recommendation: input.recommendation, updatedBy: actor.userId, updatedAt: new Date() }).where(eq(frameworkCellStatements.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(frameworkCellStatements)
        .values({ projectId, frameworkId, domainId: input.domainId, themeId: input.themeId, levelId: input.levelId, summary: input.summary, recommendation: input.recommendation, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ id: frameworkCellStatements.id });
      if (!row) throw new AppError('CONFLICT', 'Someone saved this cell at the same moment; reload and try again.');
      id = row.id;
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'framework.cell-statement',
      entityType: 'framework_cell_statement',
      entityId: id,
      before: existing ? { summary: existing.summary, recommendation: existing.recommendation } : null,
      after: { summary: input.summary, recommendation: input.recommendation },
    });
    return { id };
  });
}
