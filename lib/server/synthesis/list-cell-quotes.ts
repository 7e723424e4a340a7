import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codings, quotes, users } from '@/db/schema';
import { groupBy } from '@/lib/domain/group-by';
import { ancestorChains, computeFrameworkMatrix, effectivePolarities, type Polarity } from '@/lib/domain/synthesis/matrix';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZCellQuery } from '@/lib/validation/synthesis';
import { isCellOf, loadFramework } from './framework-dto';
import { loadCodingSnapshot } from './load-coding-snapshot';
import { loadStudies } from './load-study-labels';

export type CellQuoteDto = {
  id: string;
  studyId: string;
  study: string;
  coder: string;
  text: string;
  memo: string | null;
  codes: { id: string; name: string; polarity: Polarity | null }[];
};

/** The quotes behind one matrix cell: study, coder, text, memo, and the codes that bring each quote there. */
export async function listCellQuotes(actor: Actor, projectId: string, frameworkId: string, query: unknown): Promise<{ quotes: CellQuoteDto[]; studies: number }> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  // loadFramework comes first and checks the id before it reads: its NOT_FOUND wins, then the query's checks.
  const [framework, snapshot] = await Promise.all([loadFramework(db, projectId, frameworkId), loadCodingSnapshot(db, projectId, frameworkId, { userId: actor.userId, role })]);
  const q = parseInput(ZCellQuery, query);
  const cell = { domainId: q.domainId, themeId: q.themeId ?? null, levelId: q.levelId };
  if (!isCellOf(framework, cell)) throw new AppError('NOT_FOUND', 'That cell is not in this framework.');
  const matrix = computeFrameworkMatrix(framework, snapshot.codes, snapshot.mappings, snapshot.codings);
  const row = matrix.domains.find((d) => d.id === cell.domainId)?.rows.find((r) => r.themeId === cell.themeId);
  const found = row?.cells.find((c) => c.levelId === cell.levelId);
  if (!found || found.quoteIds.length === 0) return { quotes: [], studies: 0 };

  // The codes whose own or inherited mapping puts a coding in this cell.
  const mappedHere = new Set(snapshot.mappings.filter((m) => m.domainId === cell.domainId && m.levelId === cell.levelId && m.themeId === cell.themeId).map((m) => m.codeId));
  const chains = ancestorChains(snapshot.codes);
  const polarity = effectivePolarities(snapshot.codes);
  const codeName = new Map(snapshot.codes.map((c) => [c.id, c.name]));
  const [rows, codingRows, studyList] = await Promise.all([
    db
      .select({ id: quotes.id, studyId: quotes.studyId, text: quotes.text, memo: quotes.memo, coder: users.name, start: quotes.start })
      .from(quotes)
      .innerJoin(users, eq(users.id, quotes.coderId))
      .where(and(eq(quotes.projectId, projectId), inArray(quotes.id, found.quoteIds))),
    db.select({ quoteId: codings.quoteId, codeId: codings.codeId }).from(codings).where(and(eq(codings.projectId, projectId), inArray(codings.quoteId, found.quoteIds))),
    loadStudies(db, projectId),
  ]);
  const codingsByQuote = groupBy(codingRows, (c) => c.quoteId);
  const labels = new Map(studyList.map((s) => [s.id, s.label]));
  const order = new Map(studyList.map((s, i) => [s.id, i]));
  return {
    studies: found.studies,
    quotes: rows
      .map((r) => ({
        id: r.id,
        studyId: r.studyId,
        study: labels.get(r.studyId) ?? 'Unknown study',
        coder: r.coder,
        text: r.text,
        memo: r.memo,
        codes: (codingsByQuote.get(r.id) ?? [])
          .filter((c) => (chains.get(c.codeId) ?? []).some((id) => mappedHere.has(id)))
          .map((c) => ({ id: c.codeId, name: codeName.get(c.codeId) ?? '', polarity: polarity.get(c.codeId) ?? null })),
        start: r.start,
      }))
      .sort((a, b) => (order.get(a.studyId) ?? 0) - (order.get(b.studyId) ?? 0) || a.start - b.start)
      .map(({ start: _start, ...rest }) => rest),
  };
}
