import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, quotes } from '@/db/schema';
import { ZUpdateQuote } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadQuoteDtos, type QuoteDto } from './quote-dto';
import { latestDocument, type DocumentRow } from './document-store';
import { loadEditableQuote } from './quote-access';

/**
 * Change a quote's memo or adjust its span (its coder only). A new span is a
 * selection in the study's current text: it is checked against and sliced from
 * the latest document, the quote moves onto that document, and any flag is
 * cleared (this is how a quote flagged by a new version is placed again). When
 * the caller names the document version it selected in, a different latest
 * version is a 409.
 */
export async function updateQuote(actor: Actor, projectId: string, quoteId: string, raw: unknown): Promise<QuoteDto> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'coding.apply');
  const input = parseInput(ZUpdateQuote, raw);
  await db.transaction(async (tx) => {
    const quote = await loadEditableQuote(tx, projectId, quoteId, actor.userId, role, { leadsMay: false });
    const changes: Partial<typeof quotes.$inferInsert> = { updatedAt: new Date() };
    if (input.memo !== undefined) changes.memo = input.memo?.trim() ? input.memo.trim() : null;
    let placedOn: DocumentRow | null = null;
    if (input.start !== undefined && input.end !== undefined) {
      const document = await latestDocument(tx, projectId, quote.studyId);
      if (!document) throw new AppError('CONFLICT', 'This study no longer has a text to place the quote on.');
      if (input.documentVersion !== undefined && input.documentVersion !== document.version) {
        throw new AppError('CONFLICT', `The study's text changed (now version ${document.version}); reload and select the passage again.`);
      }
      if (input.end > document.text.length) {
        throw new AppError('VALIDATION', `The span ${input.start}-${input.end} lies outside the text (${document.text.length} characters).`, { end: [`end must be at most ${document.text.length}.`] });
      }
      const text = document.text.slice(input.start, input.end);
      if (!text.trim()) throw new AppError('VALIDATION', 'The span holds only white space.', { start: ['Empty span.'] });
      Object.assign(changes, { documentId: document.id, start: input.start, end: input.end, text, flaggedReason: null });
      placedOn = document;
      if (!document.frozenAt) await tx.update(documents).set({ frozenAt: new Date() }).where(eq(documents.id, document.id));
    }
    await tx.update(quotes).set(changes).where(eq(quotes.id, quote.id));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'quote.update',
      entityType: 'quote',
      entityId: quote.id,
      before: { documentId: quote.documentId, start: quote.start, end: quote.end, memo: quote.memo, flaggedReason: quote.flaggedReason },
      after: {
        documentId: placedOn?.id ?? quote.documentId,
        ...(placedOn ? { documentVersion: placedOn.version } : {}),
        start: changes.start ?? quote.start,
        end: changes.end ?? quote.end,
        memo: changes.memo === undefined ? quote.memo : changes.memo,
      },
    });
  });
  const [dto] = await loadQuoteDtos(db, eq(quotes.id, quoteId));
  return dto;
}
