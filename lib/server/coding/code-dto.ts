import 'server-only';
import type { CodeDto } from '@/lib/domain/coding/views';
export type { CodeDto };
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codeFrameworkCells, codes, codings, frameworkDomains, frameworkLevels, frameworks, frameworkThemes, quotes } from '@/db/schema';
import type { SQL } from 'drizzle-orm';


/**
 * Every code of a project with its framework cells (read-only here: the
 * synthesis page maps them) and how many quotes it carries among those
 * `visibility` lets the caller see.
 */
export async function loadCodeDtos(db: Db, projectId: string, visibility: SQL | undefined, onlyIds?: string[]): Promise<CodeDto[]> {
  const where = onlyIds ? and(eq(codes.projectId, projectId), inArray(codes.id, onlyIds)) : eq(codes.projectId, projectId);
  const rows = await db.select().from(codes).where(where);
  if (!rows.length) return [];
  const counts = await db
    .select({ codeId: codings.codeId, n: count() })
    .from(codings)
    .innerJoin(quotes, eq(quotes.id, codings.quoteId))
    .where(and(eq(codings.projectId, projectId), onlyIds ? inArray(codings.codeId, onlyIds) : undefined, visibility))
    .groupBy(codings.codeId);
  const countOf = new Map(counts.map((c) => [c.codeId, Number(c.n)]));
  const cells = await db
    .select({
      id: codeFrameworkCells.id,
      codeId: codeFrameworkCells.codeId,
      frameworkId: codeFrameworkCells.frameworkId,
      framework: frameworks.name,
      domainId: codeFrameworkCells.domainId,
      domain: frameworkDomains.label,
      themeId: codeFrameworkCells.themeId,
      theme: frameworkThemes.label,
      levelId: codeFrameworkCells.levelId,
      level: frameworkLevels.label,
    })
    .from(codeFrameworkCells)
    .innerJoin(frameworks, eq(frameworks.id, codeFrameworkCells.frameworkId))
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, codeFrameworkCells.domainId))
    .innerJoin(frameworkLevels, eq(frameworkLevels.id, codeFrameworkCells.levelId))
    .leftJoin(frameworkThemes, eq(frameworkThemes.id, codeFrameworkCells.themeId))
    .where(and(eq(codeFrameworkCells.projectId, projectId), onlyIds ? inArray(codeFrameworkCells.codeId, onlyIds) : undefined));
  const cellsOf = new Map<string, CodeDto['frameworkCells']>();
  for (const { codeId, ...cell } of cells) {
    const list = cellsOf.get(codeId);
    if (list) list.push(cell);
    else cellsOf.set(codeId, [cell]);
  }
  return rows
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((c) => ({
      id: c.id,
      parentId: c.parentId,
      name: c.name,
      description: c.description,
      kind: c.kind,
      polarity: c.polarity,
      color: c.color,
      position: c.position,
      quoteCount: countOf.get(c.id) ?? 0,
      frameworkCells: cellsOf.get(c.id) ?? [],
    }));
}
