import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { projects, type ProjectSettings } from '@/db/schema';
import { ZScreeningSettingsForm } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { recomputeStageStates } from './recompute-stage-states';

/**
 * Leads set the screening rules: reviewers per stage, blinding, highlight
 * terms and criteria. A change in reviewers required re-derives every state.
 */
export async function updateScreeningSettings(actor: Actor, projectId: string, raw: unknown): Promise<ProjectSettings> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.update');
  const input = parseInput(ZScreeningSettingsForm, raw);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Project not found.');
    const settings: ProjectSettings = {
      ...current.settings,
      reviewersRequired: { title_abstract: input.titleAbstractReviewers, full_text: input.fullTextReviewers },
      blindScreening: input.blindScreening,
      highlightTerms: { include: input.includeTerms, exclude: input.excludeTerms },
    };
    await tx.update(projects).set({ settings, criteria: input.criteria, updatedAt: new Date() }).where(eq(projects.id, projectId));
    const before = current.settings.reviewersRequired;
    if (before.title_abstract !== input.titleAbstractReviewers || before.full_text !== input.fullTextReviewers) {
      await recomputeStageStates(tx, projectId);
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'project.update-screening-settings',
      entityType: 'project',
      entityId: projectId,
      before: { settings: current.settings, criteria: current.criteria },
      after: { settings, criteria: input.criteria },
    });
    return settings;
  });
}
