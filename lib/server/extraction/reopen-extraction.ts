import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus, extractionFormVersions } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { requireStudy } from './extraction-store';
import type { FinaliseResult } from './finalise-extraction';

/**
 * A lead reopens a finalised study: the consensus values are kept as a draft
 * (the starting point of the next finalisation) and the study leaves the
 * characteristics table; extractors may change their answers again.
 */
export async function reopenExtraction(actor: Actor, projectId: string, studyId: string): Promise<FinaliseResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.finalise');
  return db.transaction(async (tx) => {
    const study = await requireStudy(tx, projectId, studyId, { lock: true });
    const [before] = await tx
      .select()
      .from(extractionConsensus)
      .where(and(eq(extractionConsensus.studyId, study.id), eq(extractionConsensus.projectId, projectId)));
    if (before?.status !== 'final') throw new AppError('CONFLICT', 'This study is not finalised, so there is nothing to reopen.');
    const [saved] = await tx
      .update(extractionConsensus)
      .set({ status: 'draft', finalisedBy: null, finalisedAt: null, updatedAt: new Date() })
      .where(eq(extractionConsensus.id, before.id))
      .returning();
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'extraction.reopen',
      entityType: 'extraction_consensus',
      entityId: saved.id,
      before: { status: 'final', finalisedBy: before.finalisedBy, finalisedAt: before.finalisedAt?.toISOString() ?? null },
      after: { studyId: study.id, status: 'draft' },
    });
    const [{ version }] = await tx
      .select({ version: extractionFormVersions.version })
      .from(extractionFormVersions)
      .where(eq(extractionFormVersions.id, saved.formVersionId));
    return { studyId: study.id, status: 'draft', formVersion: version, values: saved.values, finalisedAt: null };
  });
}
