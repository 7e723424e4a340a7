import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { quotes } from '@/db/schema';
import { can, type Role } from '@/lib/domain/access/permissions';
import { ZUuid } from '@/lib/validation/projects';
import { AppError } from '@/lib/server/errors/app-error';
import { blindedStudyIds, lockStudy } from './coding-scope';

export type QuoteRow = typeof quotes.$inferSelect;

/**
 * A quote the caller may change: their own, or (to remove) any quote for a
 * lead. A quote the caller may not even see (a co-coder's on a blinded study)
 * is "not found", as if it did not exist.
 *
 * Within a transaction, the quote's study is locked first (then the quote), in
 * the same order as applying a code or replacing the text, so a quote cannot
 * be moved or removed while its study's text is being replaced.
 */
export async function loadEditableQuote(db: Db, projectId: string, quoteId: string, userId: string, role: Role, options: { leadsMay: boolean }): Promise<QuoteRow> {
  if (!ZUuid.safeParse(quoteId).success) throw new AppError('NOT_FOUND', 'Quote not found.');
  const [located] = await db.select({ studyId: quotes.studyId }).from(quotes).where(and(eq(quotes.id, quoteId), eq(quotes.projectId, projectId)));
  if (!located) throw new AppError('NOT_FOUND', `No quote ${quoteId} in this project.`);
  await lockStudy(db, projectId, located.studyId);
  const [quote] = await db.select().from(quotes).where(and(eq(quotes.id, quoteId), eq(quotes.projectId, projectId))).for('update');
  if (!quote) throw new AppError('NOT_FOUND', `No quote ${quoteId} in this project.`);
  if (quote.coderId === userId) return quote;
  if ((await blindedStudyIds(db, projectId, userId, role)).includes(quote.studyId)) throw new AppError('NOT_FOUND', `No quote ${quoteId} in this project.`);
  if (options.leadsMay && can(role, 'codebook.manage')) return quote;
  throw new AppError('FORBIDDEN', 'Only the coder who made this quote can change it.');
}
