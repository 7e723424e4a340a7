import 'server-only';
import { getDb } from '@/db/client';
import { fullTexts } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { lockStageState } from '@/lib/server/screening/stage-state-store';
import { extractPdfText } from './extract-pdf-text';

/** Full texts are kept in the database (any app server can serve them); this is the cap per file. */
export const MAX_FULL_TEXT_BYTES = 40 * 1024 * 1024;

export type FullTextDto = { referenceId: string; fileName: string | null; byteSize: number | null; pageCount: number | null; notRetrievable: boolean; textLength: number };

/** Attach a report's PDF to a record at full text; its text is extracted for search and coding. */
export async function uploadFullText(
  actor: Actor,
  projectId: string,
  referenceId: string,
  file: { name: string; type: string; bytes: Uint8Array },
): Promise<FullTextDto> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'fulltext.upload');
  if (file.bytes.length > MAX_FULL_TEXT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The PDF is larger than ${MAX_FULL_TEXT_BYTES / 1024 / 1024} MB.`);
  }
  if (file.bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.', { file: ['Empty file.'] });
  const { text, pageCount } = await extractPdfText(file.bytes);
  return db.transaction(async (tx) => {
    await lockStageState(tx, projectId, referenceId, 'full_text');
    const values = {
      fileName: file.name.slice(0, 300) || 'full-text.pdf',
      contentType: 'application/pdf',
      byteSize: file.bytes.length,
      content: Buffer.from(file.bytes),
      extractedText: text,
      pageCount,
      notRetrievable: false,
      uploadedBy: actor.userId,
      uploadedAt: new Date(),
    };
    await tx
      .insert(fullTexts)
      .values({ projectId, referenceId, ...values })
      .onConflictDoUpdate({ target: fullTexts.referenceId, set: values });
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'full-text.upload',
      entityType: 'full_text',
      entityId: referenceId,
      after: { fileName: values.fileName, byteSize: values.byteSize, pageCount },
    });
    return { referenceId, fileName: values.fileName, byteSize: values.byteSize, pageCount, notRetrievable: false, textLength: text.length };
  });
}
