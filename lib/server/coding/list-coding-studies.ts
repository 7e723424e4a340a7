import 'server-only';
import type { CodingStudyItem, CodingStudyList } from '@/lib/domain/coding/views';
import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { doubleCodingAssignments, documents, memberships, quotes, references, studies, users } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { UNTITLED, visibleQuotes } from './coding-scope';
import { firstBy } from '@/lib/domain/group-by';

/** The included studies with their coding status, the caller's assignments first, and who may code. */
export async function listCodingStudies(actor: Actor, projectId: string): Promise<CodingStudyList> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const visibility = await visibleQuotes(db, projectId, actor.userId, role);
  const [rows, versions, mine, visible, assignments, members] = await Promise.all([
    db
      .select({ id: studies.id, title: references.title, year: references.year })
      .from(studies)
      .innerJoin(references, eq(references.id, studies.referenceId))
      .where(eq(studies.projectId, projectId))
      .orderBy(asc(references.title)),
    db.select({ studyId: documents.studyId, version: max(documents.version) }).from(documents).where(eq(documents.projectId, projectId)).groupBy(documents.studyId),
    db.select({ studyId: quotes.studyId, n: count() }).from(quotes).where(and(eq(quotes.projectId, projectId), eq(quotes.coderId, actor.userId))).groupBy(quotes.studyId),
    db.select({ studyId: quotes.studyId, n: count() }).from(quotes).where(and(eq(quotes.projectId, projectId), visibility)).groupBy(quotes.studyId),
    db.select().from(doubleCodingAssignments).where(eq(doubleCodingAssignments.projectId, projectId)),
    db
      .select({ id: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.projectId, projectId), inArray(memberships.role, ['owner', 'lead', 'reviewer'])))
      .orderBy(asc(users.name)),
  ]);
  const assignmentOf = firstBy(assignments, (x) => x.studyId);
  const versionOf = firstBy(versions, (x) => x.studyId);
  const mineOf = firstBy(mine, (x) => x.studyId);
  const visibleOf = firstBy(visible, (x) => x.studyId);
  const items = rows.map((s) => {
    const a = assignmentOf.get(s.id);
    return {
      id: s.id,
      title: s.title ?? UNTITLED,
      year: s.year,
      documentVersion: versionOf.get(s.id)?.version ?? null,
      myQuotes: Number(mineOf.get(s.id)?.n ?? 0),
      visibleQuotes: Number(visibleOf.get(s.id)?.n ?? 0),
      doubleCoding: a ? { firstCoderId: a.firstCoderId, secondCoderId: a.secondCoderId, isCompared: a.comparedAt !== null } : null,
      isMyAssignment: Boolean(a && (a.firstCoderId === actor.userId || a.secondCoderId === actor.userId)),
    } satisfies CodingStudyItem;
  });
  items.sort((x, y) => Number(y.isMyAssignment) - Number(x.isMyAssignment));
  return { studies: items, coders: members.map(({ id, name }) => ({ id, name })), canCode: can(role, 'coding.apply'), canManage: can(role, 'codebook.manage') };
}
