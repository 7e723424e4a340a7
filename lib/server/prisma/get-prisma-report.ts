import 'server-only';
import { getDb } from '@/db/client';
import { checkPrismaArithmetic, computePrismaCounts, prismaCsv, prismaSvg, type PrismaCheck, type PrismaCounts } from '@/lib/domain/prisma';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { canSeeScreeningOutcomes } from '@/lib/server/screening/can-see-outcomes';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { loadPrismaSnapshot } from './load-prisma-snapshot';

export type PrismaReport = { counts: PrismaCounts; checks: PrismaCheck[]; svg: string; csv: string };

/** The PRISMA 2020 counts, their arithmetic checks, the diagram and the CSV, all from the data. */
export async function getPrismaReport(actor: Actor, projectId: string): Promise<PrismaReport> {
  const db = getDb();
  const { projectTitle, role } = await requireProjectRole(db, actor, projectId, 'exports.read');
  if (!canSeeScreeningOutcomes(role, (await loadProjectSettings(db, projectId)).blindScreening)) {
    throw new AppError('FORBIDDEN', 'While blind screening is on, PRISMA counts are shown to leads and viewers only, so that reviewers stay blind.');
  }
  const counts = computePrismaCounts(await loadPrismaSnapshot(db, projectId));
  return {
    counts,
    checks: checkPrismaArithmetic(counts),
    svg: prismaSvg(counts, { title: `PRISMA 2020 flow diagram: ${projectTitle}` }),
    csv: prismaCsv(counts),
  };
}
