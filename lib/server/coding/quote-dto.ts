import 'server-only';
import type { QuoteDto } from '@/lib/domain/coding/views';
export type { QuoteDto };
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codings, quotes, users } from '@/db/schema';
import { groupBy } from '@/lib/domain/group-by';

/** Quotes matching `where`, in text order, each with its codings and coder's name (never other user fields). */
export async function loadQuoteDtos(db: Db, where: SQL | undefined): Promise<QuoteDto[]> {
  const rows = await db
    .select({
      id: quotes.id,
      studyId: quotes.studyId,
      documentId: quotes.documentId,
      start: quotes.start,
      end: quotes.end,
      text: quotes.text,
      memo: quotes.memo,
      flaggedReason: quotes.flaggedReason,
      coderId: quotes.coderId,
      coderName: users.name,
      createdAt: quotes.createdAt,
    })
    .from(quotes)
    .innerJoin(users, eq(users.id, quotes.coderId))
    .where(where)
    .orderBy(asc(quotes.start), asc(quotes.end), asc(quotes.createdAt));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.select({ id: codings.id, quoteId: codings.quoteId, codeId: codings.codeId }).from(codings).where(inArray(codings.quoteId, ids)).orderBy(asc(codings.createdAt))
    : [];
  const linksOf = groupBy(links, (l) => l.quoteId);
  return rows.map(({ createdAt, ...r }) => ({
    ...r,
    createdAt: createdAt.toISOString(),
    codings: (linksOf.get(r.id) ?? []).map(({ id, codeId }) => ({ id, codeId })),
  }));
}
