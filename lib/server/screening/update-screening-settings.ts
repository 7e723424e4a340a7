import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { projects, type ResolvedProjectSettings } from '@/db/schema';
import { ZScreeningSettingsForm } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import { withRankingDefaults } from '@/lib/validation/ranking';
import { recomputeStageStates } from './recompute-stage-states';

/**
 * Leads set the screening rules: reviewers per stage, blinding, highlight
 * terms, criteria, the order of each stage's queue and whether reviewers see
 * the predicted relevance. A change in reviewers required re-derives every
 * state; that, or a change in include terms or order, asks for a re-ranking
 * once committed.
 */
export async function updateScreeningSettings(actor: Actor, projectId: string, raw: unknown): Promise<ResolvedProjectSettings> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.update');
  const input = parseInput(ZScreeningSettingsForm, raw);
  let isRankingStale = false;
  const updated = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Project not found.');
    const previous = withRankingDefaults(current.settings);
    const settings: ResolvedProjectSettings = {
      ...previous,
      reviewersRequired: { title_abstract: input.titleAbstractReviewers, full_text: input.fullTextReviewers },
      blindScreening: input.blindScreening,
      highlightTerms: { include: input.includeTerms, exclude: input.excludeTerms },
      screeningOrder: {
        title_abstract: input.titleAbstractOrder ?? previous.screeningOrder.title_abstract,
        full_text: input.fullTextOrder ?? previous.screeningOrder.full_text,
      },
      showPredictedRelevance: input.showPredictedRelevance,
    };
    await tx.update(projects).set({ settings, criteria: input.criteria, updatedAt: new Date() }).where(eq(projects.id, projectId));
    const before = current.settings.reviewersRequired;
    const isReviewersChange = before.title_abstract !== input.titleAbstractReviewers || before.full_text !== input.fullTextReviewers;
    if (isReviewersChange) await recomputeStageStates(tx, projectId);
    // Re-derived states are new labels; include terms order the queue until a model can be trained.
    isRankingStale =
      isReviewersChange ||
      previous.highlightTerms.include.join('\n') !== settings.highlightTerms.include.join('\n') ||
      previous.screeningOrder.title_abstract !== settings.screeningOrder.title_abstract ||
      previous.screeningOrder.full_text !== settings.screeningOrder.full_text;
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
  if (isRankingStale) await requestRanking(db, projectId, actor.userId);
  return updated;
}
