import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, votes } from '@/db/schema';
import { buildScreeningAgreement, type ScreeningAgreementReport } from '@/lib/domain/agreement/screening-report';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { ZAgreementQuery } from '@/lib/validation/agreement';

export type ScreeningAgreementDto = ScreeningAgreementReport & { projectId: string; generatedAt: string };

/**
 * Screening agreement of one stage, computed from the project's current votes
 * on every call (no cache: it changes as votes arrive). Leads, owners and
 * viewers may read it. Reviewers may read it only while blind screening is
 * off: a pair's table, read before and after one's own vote, would tell a
 * reviewer how the other voted on that record. A vote is dated by when it was
 * first cast; a changed vote counts with its current decision.
 */
export async function getScreeningAgreement(actor: Actor, projectId: string, query: unknown): Promise<ScreeningAgreementDto> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  if (role === 'reviewer' && (await loadProjectSettings(db, projectId)).blindScreening) {
    throw new AppError('FORBIDDEN', 'While blind screening is on, agreement is shown to leads and viewers only, so that reviewers stay blind.');
  }
  const { stage } = parseInput(ZAgreementQuery, query);
  const rows = await db
    .select({
      referenceId: votes.referenceId,
      reviewerId: votes.reviewerId,
      decision: votes.decision,
      createdAt: votes.createdAt,
      reviewerName: users.name,
    })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.reviewerId))
    .where(and(eq(votes.projectId, projectId), eq(votes.stage, stage)));
  const names = new Map(rows.map((r) => [r.reviewerId, r.reviewerName]));
  const report = buildScreeningAgreement(
    stage,
    rows.map((r) => ({ referenceId: r.referenceId, reviewerId: r.reviewerId, decision: r.decision, castAt: r.createdAt.toISOString() })),
    [...names].map(([id, name]) => ({ id, name })),
  );
  return { projectId, generatedAt: new Date().toISOString(), ...report };
}
