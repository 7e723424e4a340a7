import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codings, documents, quotes } from '@/db/schema';
import { ZApplyCoding } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadStudy, lockStudy, requireCodesInProject } from './coding-scope';
import { ensureDocument } from './document-store';
import { loadQuoteDtos, type QuoteDto } from './quote-dto';

/**
 * Code a span of a study's current document with one or more codes, as the
 * acting coder. Offsets are UTF-16 indexes into the stored text, checked
 * against it (422 outside the text). The same coder marking the same span
 * again adds the codes to that quote rather than duplicating it. The first
 * quote freezes the document's text: a later text is a new version.
 */
export async function applyCoding(actor: Actor, projectId: string, raw: unknown): Promise<QuoteDto> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'coding.apply');
  const input = parseInput(ZApplyCoding, raw);
  const quoteId = await db.transaction(async (tx) => {
    const study = await loadStudy(tx, projectId, input.studyId);
    // Serialise with text replacement: the document read below stays the latest until this transaction ends.
    await lockStudy(tx, projectId, study.id);
    const document = await ensureDocument(tx, projectId, study, actor.userId);
    if (!document) {
      throw new AppError('VALIDATION', 'This study has no text to code yet: upload a PDF, or paste or upload its text first.', { studyId: ['No text yet.'] });
    }
    if (input.documentVersion !== undefined && input.documentVersion !== document.version) {
      throw new AppError('CONFLICT', `The study's text changed (now version ${document.version}); reload and select the passage again.`);
    }
    if (input.end > document.text.length) {
      throw new AppError('VALIDATION', `The span ${input.start}-${input.end} lies outside the text (${document.text.length} characters).`, {
        end: [`end must be at most ${document.text.length}.`],
      });
    }
    const text = document.text.slice(input.start, input.end);
    if (!text.trim()) throw new AppError('VALIDATION', 'The span holds only white space; select some words.', { start: ['Empty span.'] });
    await requireCodesInProject(tx, projectId, input.codeIds);
    const memo = input.memo?.trim() ? input.memo.trim() : null;
    const [existing] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.documentId, document.id), eq(quotes.coderId, actor.userId), eq(quotes.start, input.start), eq(quotes.end, input.end), isNull(quotes.flaggedReason)));
    let quote = existing;
    if (!quote) {
      [quote] = await tx
        .insert(quotes)
        .values({ projectId, studyId: study.id, documentId: document.id, coderId: actor.userId, start: input.start, end: input.end, text, memo })
        .returning();
    } else if (memo !== null && memo !== existing.memo) {
      await tx.update(quotes).set({ memo, updatedAt: new Date() }).where(eq(quotes.id, existing.id));
    }
    const added = await tx
      .insert(codings)
      .values([...new Set(input.codeIds)].map((codeId) => ({ projectId, quoteId: quote.id, codeId, studyId: study.id, coderId: actor.userId })))
      .onConflictDoNothing()
      .returning({ id: codings.id, codeId: codings.codeId });
    if (!document.frozenAt) await tx.update(documents).set({ frozenAt: new Date() }).where(eq(documents.id, document.id));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: existing ? 'coding.add' : 'coding.apply',
      entityType: 'quote',
      entityId: quote.id,
      after: { studyId: study.id, documentVersion: document.version, start: input.start, end: input.end, codeIds: added.map((a) => a.codeId), memo },
    });
    return quote.id;
  });
  const [dto] = await loadQuoteDtos(db, eq(quotes.id, quoteId));
  return dto;
}
