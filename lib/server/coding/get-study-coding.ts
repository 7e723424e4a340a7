import 'server-only';
import type { DoubleCodingDto, StudyCodingView } from '@/lib/domain/coding/views';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codingReadingPositions, doubleCodingAssignments, documents, fullTexts, quotes, users } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadCodeDtos } from './code-dto';
import { blindedStudyIds, loadStudy, visibleQuotesGiven } from './coding-scope';
import { ensureDocument } from './document-store';
import { loadQuoteDtos } from './quote-dto';


/** Everything the coding workspace of one study shows: its text, the quotes the caller may see, the codebook. */
export async function getStudyCoding(actor: Actor, projectId: string, studyId: string): Promise<StudyCodingView> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const study = await loadStudy(db, projectId, studyId);
  const document = await ensureDocument(db, projectId, study, actor.userId);
  const blinded = await blindedStudyIds(db, projectId, actor.userId, role);
  const visibility = visibleQuotesGiven(blinded, actor.userId);
  const isBlinded = blinded.includes(studyId);
  const [all, codes, [position], [versionCount], [pdf], [assignment]] = await Promise.all([
    loadQuoteDtos(db, and(eq(quotes.projectId, projectId), eq(quotes.studyId, studyId), visibility)),
    loadCodeDtos(db, projectId, visibility),
    db
      .select({ line: codingReadingPositions.line })
      .from(codingReadingPositions)
      .where(and(eq(codingReadingPositions.userId, actor.userId), eq(codingReadingPositions.studyId, studyId))),
    db.select({ n: count() }).from(documents).where(eq(documents.studyId, studyId)),
    db.select({ id: fullTexts.id }).from(fullTexts).where(and(eq(fullTexts.referenceId, study.referenceId), isNotNull(fullTexts.extractedText))),
    db.select().from(doubleCodingAssignments).where(eq(doubleCodingAssignments.studyId, studyId)),
  ]);
  let doubleCoding: DoubleCodingDto | null = null;
  if (assignment) {
    const names = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [assignment.firstCoderId, assignment.secondCoderId]));
    const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? 'Unknown';
    doubleCoding = {
      firstCoder: { id: assignment.firstCoderId, name: nameOf(assignment.firstCoderId) },
      secondCoder: { id: assignment.secondCoderId, name: nameOf(assignment.secondCoderId) },
      isCompared: assignment.comparedAt !== null,
    };
  }
  return {
    study: { id: study.id, title: study.title },
    document: document
      ? { id: document.id, version: document.version, source: document.source, fileName: document.fileName, text: document.text, isFrozen: document.frozenAt !== null, versions: Number(versionCount?.n ?? 1) }
      : null,
    quotes: all.filter((q) => q.documentId === document?.id && !q.flaggedReason),
    flaggedQuotes: all.filter((q) => q.flaggedReason),
    codes,
    readingLine: position?.line ?? null,
    doubleCoding,
    isBlinded,
    hasPdfText: Boolean(pdf),
    hasAbstract: Boolean(study.abstract?.trim()),
    me: actor.userId,
    canCode: can(role, 'coding.apply'),
    canManage: can(role, 'codebook.manage'),
  };
}
