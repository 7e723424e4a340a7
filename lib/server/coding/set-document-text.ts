import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, quotes } from '@/db/schema';
import { reanchorSpans } from '@/lib/domain/coding/reanchor';
import { ZDocumentText } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadStudy, lockStudy } from './coding-scope';
import { defaultSourceText, hashText, latestDocument, normaliseText } from './document-store';

export type SetDocumentTextResult = { version: number; kept: number; flagged: number; unchanged: boolean };

/**
 * Give a study a new text to code: its PDF's extracted text, its abstract, or
 * uploaded/pasted text. A document nobody has coded yet is replaced in place;
 * a frozen one (it has quotes) gets a new version, onto which every quote is
 * re-anchored (exact words, then context) or, failing that, flagged for its
 * coder to place again on the new text.
 */
export async function setDocumentText(actor: Actor, projectId: string, studyId: string, raw: unknown): Promise<SetDocumentTextResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'coding.apply');
  const input = parseInput(ZDocumentText, raw);
  return db.transaction(async (tx) => {
    const study = await loadStudy(tx, projectId, studyId);
    // One writer per study: a concurrent replacement or new quote waits, and the latest version is read after the lock.
    await lockStudy(tx, projectId, study.id);
    let text: string;
    let fileName = input.fileName ?? null;
    if (input.source === 'pdf' || input.source === 'abstract') {
      const fallback = await defaultSourceText(tx, study);
      const wanted = input.source === 'pdf' ? (fallback?.source === 'pdf' ? fallback : null) : study.abstract?.trim() ? { text: normaliseText(study.abstract), fileName: null } : null;
      if (!wanted) throw new AppError('VALIDATION', input.source === 'pdf' ? 'This study has no PDF text: upload its PDF on the full-text screening page first.' : 'This study has no abstract.', { source: ['Not available.'] });
      text = wanted.text;
      fileName = wanted.fileName;
    } else {
      text = normaliseText(input.text ?? '');
      if (!text.trim()) throw new AppError('VALIDATION', 'The text is empty.', { text: ['Paste or upload some text.'] });
    }
    const current = await latestDocument(tx, projectId, study.id);
    if (current && current.text === text) return { version: current.version, kept: 0, flagged: 0, unchanged: true };
    const [{ n }] = current ? await tx.select({ n: count() }).from(quotes).where(eq(quotes.documentId, current.id)) : [{ n: 0 }];
    if (!current || Number(n) === 0) {
      const values = { source: input.source, fileName, text, textHash: hashText(text), createdBy: actor.userId, frozenAt: null };
      const version = current?.version ?? 1;
      if (current) await tx.update(documents).set(values).where(eq(documents.id, current.id));
      else await tx.insert(documents).values({ projectId, studyId: study.id, version, ...values });
      await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'document.replace', entityType: 'study', entityId: study.id, after: { version, source: input.source, length: text.length } });
      return { version, kept: 0, flagged: 0, unchanged: false };
    }
    const [next] = await tx
      .insert(documents)
      .values({ projectId, studyId: study.id, version: current.version + 1, source: input.source, fileName, text, textHash: hashText(text), createdBy: actor.userId, frozenAt: new Date() })
      .returning();
    const old = await tx.select().from(quotes).where(and(eq(quotes.documentId, current.id), isNull(quotes.flaggedReason)));
    const placed = reanchorSpans(current.text, text, old.map((q) => ({ id: q.id, start: q.start, end: q.end, text: q.text })));
    let kept = 0;
    let flagged = 0;
    for (const p of placed) {
      if (p.status === 'flagged') {
        flagged += 1;
        await tx.update(quotes).set({ flaggedReason: `Version ${next.version}: ${p.reason}`, updatedAt: new Date() }).where(eq(quotes.id, p.id));
      } else {
        kept += 1;
        await tx.update(quotes).set({ documentId: next.id, start: p.start, end: p.end, updatedAt: new Date() }).where(eq(quotes.id, p.id));
      }
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'document.new-version',
      entityType: 'study',
      entityId: study.id,
      before: { version: current.version, length: current.text.length },
      after: { version: next.version, source: input.source, length: text.length, kept, flagged },
    });
    return { version: next.version, kept, flagged, unchanged: false };
  });
}
