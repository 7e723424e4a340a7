import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codings, quotes } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { ZUuid } from '@/lib/validation/projects';
import { loadEditableQuote } from './quote-access';

/**
 * Remove one code from a quote (its coder, or a lead). A quote left with no
 * code is removed with it: a quote exists to carry codes.
 */
export async function deleteCoding(actor: Actor, projectId: string, codingId: string): Promise<{ quoteRemoved: boolean }> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'coding.apply');
  if (!ZUuid.safeParse(codingId).success) throw new AppError('NOT_FOUND', 'Coding not found.');
  return db.transaction(async (tx) => {
    const [coding] = await tx.select().from(codings).where(and(eq(codings.id, codingId), eq(codings.projectId, projectId)));
    if (!coding) throw new AppError('NOT_FOUND', `No coding ${codingId} in this project.`);
    const quote = await loadEditableQuote(tx, projectId, coding.quoteId, actor.userId, role, { leadsMay: true });
    await tx.delete(codings).where(eq(codings.id, codingId));
    const [{ n }] = await tx.select({ n: count() }).from(codings).where(eq(codings.quoteId, quote.id));
    const quoteRemoved = Number(n) === 0;
    if (quoteRemoved) await tx.delete(quotes).where(eq(quotes.id, quote.id));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'coding.remove',
      entityType: 'coding',
      entityId: codingId,
      before: { quoteId: quote.id, codeId: coding.codeId, coderId: coding.coderId, start: quote.start, end: quote.end },
      after: { quoteRemoved },
    });
    return { quoteRemoved };
  });
}
