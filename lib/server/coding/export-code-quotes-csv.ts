import 'server-only';
import { toCsv } from '@/lib/domain/exporters/csv';
import type { Actor } from '@/lib/server/auth/actor';
import { listCodeQuotes } from './list-code-quotes';

/** The retrieval of a code as CSV, one quote per row (spreadsheet-safe: formulas defused). */
export async function exportCodeQuotesCsv(actor: Actor, projectId: string, codeId: string, rawFilter: unknown): Promise<{ fileName: string; csv: string }> {
  const { code, quotes } = await listCodeQuotes(actor, projectId, codeId, rawFilter);
  const csv = toCsv(
    ['code', 'codes_on_quote', 'study', 'coder', 'quote', 'memo', 'start', 'end', 'flagged', 'created_at'],
    quotes.map((q) => [code.name, q.codeNames.join('; '), q.studyTitle, q.coderName, q.text, q.memo, q.start, q.end, q.flaggedReason, q.createdAt]),
  );
  const slug = code.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'code';
  return { fileName: `quotes-${slug}.csv`, csv };
}
