import 'server-only';
import { and, eq, inArray, isNull, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codes, doubleCodingAssignments, quotes, references, studies } from '@/db/schema';
import type { Role } from '@/lib/domain/access/permissions';
import { ZUuid } from '@/lib/validation/projects';
import { AppError } from '@/lib/server/errors/app-error';

/**
 * The studies on which a caller may see only their own quotes: those being
 * double-coded and not yet compared by a lead, for a reviewer (any of them:
 * a third reviewer's glance would travel) and for the two coders themselves
 * whatever their role. Leads and viewers who are not coders of a study see it
 * whole, as they see screening votes.
 */
export async function blindedStudyIds(db: Db, projectId: string, userId: string, role: Role): Promise<string[]> {
  const open = and(eq(doubleCodingAssignments.projectId, projectId), isNull(doubleCodingAssignments.comparedAt));
  const rows = await db
    .select({ studyId: doubleCodingAssignments.studyId })
    .from(doubleCodingAssignments)
    .where(
      role === 'reviewer'
        ? open
        : and(open, or(eq(doubleCodingAssignments.firstCoderId, userId), eq(doubleCodingAssignments.secondCoderId, userId))),
    );
  return rows.map((r) => r.studyId);
}

/** A where-condition on `quotes` for what the caller may see (undefined: everything). */
export async function visibleQuotes(db: Db, projectId: string, userId: string, role: Role): Promise<SQL | undefined> {
  return visibleQuotesGiven(await blindedStudyIds(db, projectId, userId, role), userId);
}

/** The condition of `visibleQuotes` from the caller's already-loaded `blindedStudyIds`. */
export function visibleQuotesGiven(blinded: readonly string[], userId: string): SQL | undefined {
  if (!blinded.length) return undefined;
  return or(eq(quotes.coderId, userId), notInArray(quotes.studyId, [...blinded]));
}

export const UNTITLED = 'Untitled study';

export type StudyRef = { id: string; referenceId: string; title: string; abstract: string | null };

/** A study of this project, or 404 naming it (a malformed id is a 422 on the field). */
export async function loadStudy(db: Db, projectId: string, studyId: string, field = 'studyId'): Promise<StudyRef> {
  if (!ZUuid.safeParse(studyId).success) throw new AppError('VALIDATION', `${field} is not a valid id.`, { [field]: ['Not a valid id.'] });
  const [row] = await db
    .select({ id: studies.id, referenceId: studies.referenceId, title: references.title, abstract: references.abstract })
    .from(studies)
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(and(eq(studies.id, studyId), eq(studies.projectId, projectId)));
  if (!row) throw new AppError('NOT_FOUND', `No included study ${studyId} in this project.`);
  return { ...row, title: row.title ?? UNTITLED };
}

/**
 * Lock a study's row for the rest of the transaction. Everything that reads a
 * study's latest document and then writes quotes or documents against it
 * (applying a code, replacing the text, moving or removing a quote) takes this
 * lock first, so the version it read is still the latest when it writes.
 */
export async function lockStudy(db: Db, projectId: string, studyId: string): Promise<void> {
  if (!ZUuid.safeParse(studyId).success) return;
  await db.select({ id: studies.id }).from(studies).where(and(eq(studies.id, studyId), eq(studies.projectId, projectId))).for('update');
}

/**
 * Codes of this project by id; any id not found is a 422 naming it. The codes
 * are locked FOR SHARE, so that inside a transaction a code cannot be deleted
 * or merged away before the codings that point to it are written.
 */
export async function requireCodesInProject(db: Db, projectId: string, ids: readonly string[], field = 'codeIds'): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db
    .select({ id: codes.id })
    .from(codes)
    .where(and(eq(codes.projectId, projectId), inArray(codes.id, unique)))
    .for('share');
  const known = new Set(found.map((r) => r.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('VALIDATION', `No code ${missing.join(', ')} in this project.`, { [field]: [`Unknown code: ${missing.join(', ')}`] });
}

export { isUniqueViolation } from '@/lib/server/errors/database-conflict';

export function siblingNameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A code named "${name}" already exists at this place in the codebook.`, { name: ['Already used by a sibling code.'] });
}
