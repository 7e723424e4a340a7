import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codings, quotes } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { loadEditableQuote } from './quote-access';

/** Remove a quote with all its codings (its coder, or a lead). */
export async function deleteQuote(actor: Actor, projectId: string, quoteId: string): Promise<void> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'coding.apply');
  await db.transaction(async (tx) => {
    const quote = await loadEditableQuote(tx, projectId, quoteId, actor.userId, role, { leadsMay: true });
    const removed = await tx.select({ codeId: codings.codeId }).from(codings).where(eq(codings.quoteId, quote.id));
    await tx.delete(quotes).where(eq(quotes.id, quote.id));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'quote.delete',
      entityType: 'quote',
      entityId: quote.id,
      before: { studyId: quote.studyId, start: quote.start, end: quote.end, text: quote.text, memo: quote.memo, coderId: quote.coderId, codeIds: removed.map((r) => r.codeId) },
    });
  });
}
