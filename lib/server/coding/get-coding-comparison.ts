import 'server-only';
import type { CodingComparison } from '@/lib/domain/coding/views';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes } from '@/db/schema';
import { studySeedMeasure } from '@/lib/domain/coding/seed-agreement';
import { textUnits, type UnitKind } from '@/lib/domain/coding/text-units';
import { unitsByCode } from '@/lib/domain/coding/unit-kappa';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { loadStudy } from './coding-scope';
import { loadDoubleCoded } from './load-double-coded';

/** Two coders side by side on one double-coded study, unit by unit (only once the study is not blind to the caller). */
export async function getCodingComparison(actor: Actor, projectId: string, studyId: string, unit: UnitKind = 'sentence'): Promise<CodingComparison> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const study = await loadStudy(db, projectId, studyId);
  const { studies, hidden } = await loadDoubleCoded(db, projectId, actor.userId, role, studyId);
  const s = studies[0];
  if (!s) {
    if (hidden) throw new AppError('FORBIDDEN', 'The coders of this study have not been compared yet: a lead compares them first.');
    throw new AppError('NOT_FOUND', 'This study is not double-coded.');
  }
  const units = textUnits(s.text, unit);
  const a = unitsByCode(units, s.spansA);
  const b = unitsByCode(units, s.spansB);
  const codesAt = (map: Map<string, Set<number>>, index: number) => [...map.entries()].filter(([, set]) => set.has(index)).map(([id]) => id).sort();
  const rows = units
    .map((u) => ({ index: u.index, start: u.start, end: u.end, text: s.text.slice(u.start, u.end), codesA: codesAt(a, u.index), codesB: codesAt(b, u.index) }))
    .filter((r) => r.codesA.length || r.codesB.length);
  const all = await db.select({ id: codes.id, name: codes.name, color: codes.color }).from(codes).where(eq(codes.projectId, projectId));
  const used = new Set([...s.codesA, ...s.codesB]);
  return {
    study: { id: study.id, title: study.title },
    unit,
    firstCoder: s.firstCoder,
    secondCoder: s.secondCoder,
    compared: s.compared,
    seed: studySeedMeasure({ studyId: s.studyId, codesA: s.codesA, codesB: s.codesB }),
    codes: all.filter((c) => used.has(c.id)),
    rows,
  };
}
