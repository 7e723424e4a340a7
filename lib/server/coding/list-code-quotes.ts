import 'server-only';
import type { CodeQuotes } from '@/lib/domain/coding/views';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codeFrameworkCells, codes, codings, quotes, references, studies } from '@/db/schema';
import { ancestorChains, descendantIds, effectivePolarities } from '@/lib/domain/coding/code-tree';
import { ZQuoteFilter } from '@/lib/validation/coding';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { UNTITLED, visibleQuotes } from './coding-scope';
import { loadQuoteDtos } from './quote-dto';
import { groupBy } from '@/lib/domain/group-by';

/**
 * Every quote of a code across studies, with study and coder (only quotes the
 * caller may see). Optionally with the codes under it; filtered by polarity
 * (a code without one takes its nearest ancestor's) and by framework cell (a
 * code sits in the cells of itself and its ancestors).
 */
export async function listCodeQuotes(actor: Actor, projectId: string, codeId: string, rawFilter: unknown = {}): Promise<CodeQuotes> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const filter = parseInput(ZQuoteFilter, rawFilter);
  if (!ZUuid.safeParse(codeId).success) throw new AppError('NOT_FOUND', 'Code not found.');
  const all = await db.select().from(codes).where(eq(codes.projectId, projectId));
  const code = all.find((c) => c.id === codeId);
  if (!code) throw new AppError('NOT_FOUND', `No code ${codeId} in this project.`);
  const byId = new Map(all.map((c) => [c.id, c]));
  const chains = ancestorChains(all);
  const ancestry = (id: string) => chains.get(id) ?? [];
  let selected = [codeId, ...(filter.includeDescendants ? descendantIds(all, codeId) : [])];
  if (filter.polarity) {
    const polarity = effectivePolarities(all);
    selected = selected.filter((id) => polarity.get(id) === filter.polarity);
  }
  if (filter.domainId || filter.levelId) {
    const cells = await db
      .select({ codeId: codeFrameworkCells.codeId })
      .from(codeFrameworkCells)
      .where(
        and(
          eq(codeFrameworkCells.projectId, projectId),
          filter.domainId ? eq(codeFrameworkCells.domainId, filter.domainId) : undefined,
          filter.levelId ? eq(codeFrameworkCells.levelId, filter.levelId) : undefined,
        ),
      );
    const inCell = new Set(cells.map((c) => c.codeId));
    selected = selected.filter((id) => ancestry(id).some((a) => inCell.has(a)));
  }
  if (!selected.length) return { code: { id: code.id, name: code.name }, total: 0, quotes: [] };
  const links = await db
    .select({ quoteId: codings.quoteId, codeId: codings.codeId })
    .from(codings)
    .where(and(eq(codings.projectId, projectId), inArray(codings.codeId, selected)));
  const quoteIds = [...new Set(links.map((l) => l.quoteId))];
  if (!quoteIds.length) return { code: { id: code.id, name: code.name }, total: 0, quotes: [] };
  const visibility = await visibleQuotes(db, projectId, actor.userId, role);
  const [found, titles] = await Promise.all([
    loadQuoteDtos(db, and(eq(quotes.projectId, projectId), inArray(quotes.id, quoteIds), visibility)),
    db
      .select({ id: studies.id, title: references.title })
      .from(studies)
      .innerJoin(references, eq(references.id, studies.referenceId))
      .where(eq(studies.projectId, projectId)),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title ?? UNTITLED]));
  const linksOf = groupBy(links, (l) => l.quoteId);
  const result = found
    .map((q) => ({
      ...q,
      studyTitle: titleOf.get(q.studyId) ?? '',
      codeNames: (linksOf.get(q.id) ?? []).map((l) => byId.get(l.codeId)?.name ?? '').sort(),
    }))
    .sort((a, b) => a.studyTitle.localeCompare(b.studyTitle) || a.start - b.start);
  return { code: { id: code.id, name: code.name }, total: result.length, quotes: result };
}
