import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { projects } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { extractorsPerStudyOf, ZExtractionSettings } from '@/lib/validation/extraction';

/**
 * Leads choose one or two extractors per study. Studies that already have
 * more extractions than the new number keep them all (consensus sees every one).
 */
export async function updateExtractionSettings(actor: Actor, projectId: string, raw: unknown): Promise<{ extractorsPerStudy: 1 | 2 }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.manage-forms');
  const input = parseInput(ZExtractionSettings, raw);
  const extractorsPerStudy = input.extractorsPerStudy === 1 ? 1 : 2;
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Project not found.');
    const before = extractorsPerStudyOf(current.settings);
    await tx
      .update(projects)
      .set({ settings: { ...current.settings, extractorsPerStudy }, updatedAt: new Date() })
      .where(eq(projects.id, projectId));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'project.update-extraction-settings',
      entityType: 'project',
      entityId: projectId,
      before: { extractorsPerStudy: before },
      after: { extractorsPerStudy },
    });
    return { extractorsPerStudy };
  });
}
