import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes, codings, quotes, users } from '@/db/schema';
import type { ExportTable } from '@/lib/domain/exporters/tables';
import { ancestorChains, effectivePolarities } from '@/lib/domain/synthesis/matrix';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { visibleQuotes } from '@/lib/server/coding/coding-scope';
import { loadStudies } from '@/lib/server/synthesis/load-study-labels';
import { documentFile, type ExportFile } from './export-file';

/** Every coding: study, coder, code (with its path in the codebook and polarity), quote text, offsets and memo. */
export async function exportCodedQuotes(actor: Actor, projectId: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'exports.read');
  // Studies still double-coded blind: the caller gets only their own quotes there, as on the coding pages.
  const visible = await visibleQuotes(db, projectId, actor.userId, role);
  const [codeRows, rows, studies] = await Promise.all([
    db.select({ id: codes.id, parentId: codes.parentId, name: codes.name, polarity: codes.polarity, kind: codes.kind }).from(codes).where(eq(codes.projectId, projectId)),
    db
      .select({ quoteId: quotes.id, studyId: quotes.studyId, documentId: quotes.documentId, start: quotes.start, end: quotes.end, text: quotes.text, memo: quotes.memo, coder: users.name, codeId: codings.codeId, codedAt: codings.createdAt })
      .from(codings)
      .innerJoin(quotes, eq(quotes.id, codings.quoteId))
      .innerJoin(users, eq(users.id, codings.coderId))
      .where(and(eq(codings.projectId, projectId), visible))
      .orderBy(asc(quotes.studyId), asc(quotes.start), asc(codings.createdAt)),
    loadStudies(db, projectId),
  ]);
  const name = new Map(codeRows.map((c) => [c.id, c.name]));
  const chains = ancestorChains(codeRows);
  const polarity = effectivePolarities(codeRows);
  const label = new Map(studies.map((s) => [s.id, s.label]));
  const table: ExportTable = {
    title: 'Coded quotes',
    columns: [
      { header: 'study', width: 24 }, { header: 'study_id' }, { header: 'coder', width: 20 }, { header: 'code', width: 30 }, { header: 'code_path', width: 40 },
      { header: 'polarity' }, { header: 'quote', width: 70 }, { header: 'memo', width: 40 }, { header: 'document_id' }, { header: 'start' }, { header: 'end' }, { header: 'quote_id' }, { header: 'coded_at', width: 24 },
    ],
    rows: rows.map((r) => [
      label.get(r.studyId) ?? '', r.studyId, r.coder, name.get(r.codeId) ?? '',
      [...(chains.get(r.codeId) ?? [r.codeId])].reverse().map((id) => name.get(id) ?? '').join(' > '),
      polarity.get(r.codeId) ?? '', r.text, r.memo, r.documentId, r.start, r.end, r.quoteId, r.codedAt.toISOString(),
    ]),
  };
  return documentFile('coded-quotes', format, { title: 'Coded quotes', tables: [table] });
}
