import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codings, doubleCodingAssignments, quotes, references, studies, users } from '@/db/schema';
import type { Role } from '@/lib/domain/access/permissions';
import type { CodedSpan } from '@/lib/domain/coding/unit-kappa';
import { groupBy } from '@/lib/domain/group-by';
import { blindedStudyIds, UNTITLED } from './coding-scope';
import { latestDocuments } from './document-store';

export type DoubleCodedStudy = {
  studyId: string;
  studyTitle: string;
  firstCoder: { id: string; name: string };
  secondCoder: { id: string; name: string };
  compared: boolean;
  text: string;
  /** Every code each coder applied in the study (any version of its text). */
  codesA: string[];
  codesB: string[];
  /** Each coder's placed quotes on the current text, for unit-level comparison. */
  spansA: CodedSpan[];
  spansB: CodedSpan[];
};

/**
 * The double-coded studies the caller may compare, with both coders' codings;
 * `hidden` counts those still blind to the caller (not yet compared, and the
 * caller is a reviewer or one of the coders).
 */
export async function loadDoubleCoded(db: Db, projectId: string, userId: string, role: Role, onlyStudyId?: string): Promise<{ studies: DoubleCodedStudy[]; hidden: number }> {
  const blinded = new Set(await blindedStudyIds(db, projectId, userId, role));
  const assignments = await db
    .select({ a: doubleCodingAssignments, title: references.title })
    .from(doubleCodingAssignments)
    .innerJoin(studies, eq(studies.id, doubleCodingAssignments.studyId))
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(and(eq(doubleCodingAssignments.projectId, projectId), onlyStudyId ? eq(doubleCodingAssignments.studyId, onlyStudyId) : undefined));
  const open = assignments.filter((x) => !blinded.has(x.a.studyId));
  if (!open.length) return { studies: [], hidden: assignments.length };
  const userIds = [...new Set(open.flatMap((x) => [x.a.firstCoderId, x.a.secondCoderId]))];
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]));
  const studyIds = open.map((x) => x.a.studyId);
  const rows = await db
    .select({ quoteId: quotes.id, studyId: quotes.studyId, documentId: quotes.documentId, coderId: quotes.coderId, start: quotes.start, end: quotes.end, flagged: quotes.flaggedReason, codeId: codings.codeId })
    .from(codings)
    .innerJoin(quotes, eq(quotes.id, codings.quoteId))
    .where(and(eq(codings.projectId, projectId), inArray(codings.studyId, studyIds)));
  const latest = await latestDocuments(db, projectId, studyIds);
  const byStudyCoder = groupBy(rows, (r) => `${r.studyId}:${r.coderId}`);
  const out: DoubleCodedStudy[] = [];
  for (const { a, title } of open.sort((x, y) => (x.title ?? '').localeCompare(y.title ?? ''))) {
    const document = latest.get(a.studyId) ?? null;
    const of = (coderId: string) => byStudyCoder.get(`${a.studyId}:${coderId}`) ?? [];
    const spans = (coderId: string): CodedSpan[] => {
      const byQuote = new Map<string, CodedSpan & { codeIds: string[] }>();
      for (const r of of(coderId)) {
        if (r.flagged || r.documentId !== document?.id) continue;
        const span = byQuote.get(r.quoteId) ?? { start: r.start, end: r.end, codeIds: [] };
        span.codeIds.push(r.codeId);
        byQuote.set(r.quoteId, span);
      }
      return [...byQuote.values()];
    };
    out.push({
      studyId: a.studyId,
      studyTitle: title ?? UNTITLED,
      firstCoder: { id: a.firstCoderId, name: names.get(a.firstCoderId) ?? 'Unknown' },
      secondCoder: { id: a.secondCoderId, name: names.get(a.secondCoderId) ?? 'Unknown' },
      compared: a.comparedAt !== null,
      text: document?.text ?? '',
      codesA: [...new Set(of(a.firstCoderId).map((r) => r.codeId))],
      codesB: [...new Set(of(a.secondCoderId).map((r) => r.codeId))],
      spansA: spans(a.firstCoderId),
      spansB: spans(a.secondCoderId),
    });
  }
  return { studies: out, hidden: assignments.length - open.length };
}
