import 'server-only';
import type { CodingAgreementReport } from '@/lib/domain/coding/views';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes } from '@/db/schema';
import { seedAgreement } from '@/lib/domain/coding/seed-agreement';
import type { UnitKind } from '@/lib/domain/coding/text-units';
import { kappaPerCode } from '@/lib/domain/coding/unit-kappa';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadDoubleCoded } from './load-double-coded';

/**
 * Coding agreement over the double-coded studies the caller may see: (a) the
 * seed measure (codes applied by both over codes applied by either) per study
 * and pooled; (b) Cohen's kappa per code over text units (sentences or lines)
 * from presence/absence of the code in each unit. Code names of both coders'
 * codings (codes are shared, so a name reveals nothing the codebook does not).
 */
export async function getCodingAgreement(actor: Actor, projectId: string, options: { unit?: UnitKind } = {}): Promise<CodingAgreementReport> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const unit = options.unit ?? 'sentence';
  const { studies, hidden } = await loadDoubleCoded(db, projectId, actor.userId, role);
  const names = new Map((await db.select({ id: codes.id, name: codes.name }).from(codes).where(eq(codes.projectId, projectId))).map((c) => [c.id, c.name]));
  const seed = seedAgreement(studies.map((s) => ({ studyId: s.studyId, codesA: s.codesA, codesB: s.codesB })));
  const perCode = kappaPerCode(
    studies.map((s) => ({ studyId: s.studyId, text: s.text, spansA: s.spansA, spansB: s.spansB })),
    unit,
  )
    .map((k) => ({
      codeId: k.codeId,
      codeName: names.get(k.codeId) ?? 'Deleted code',
      kappa: k.kappa.value,
      reason: k.kappa.reason ?? null,
      percent: k.percent,
      units: k.units,
      both: k.both,
      onlyA: k.onlyA,
      onlyB: k.onlyB,
      neither: k.neither,
    }))
    .sort((a, b) => a.codeName.localeCompare(b.codeName));
  return {
    unit,
    studies: studies.map((s, i) => ({ ...seed.studies[i], studyTitle: s.studyTitle, firstCoder: s.firstCoder, secondCoder: s.secondCoder, compared: s.compared })),
    overall: seed.overall,
    perCode,
    hiddenStudies: hidden,
  };
}
