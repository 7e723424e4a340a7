import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { frameworkDomains, frameworkLevels, frameworks, frameworkThemes } from '@/db/schema';
import { AppError } from '@/lib/server/errors/app-error';
import { ZUuid } from '@/lib/validation/projects';

export type FrameworkDto = {
  id: string;
  presetKey: string | null;
  name: string;
  source: string;
  description: string;
  levels: { id: string; key: string; label: string; position: number }[];
  domains: { id: string; key: string; label: string; position: number; themes: { id: string; label: string; position: number }[] }[];
};

/** Frameworks of a project with their structure, in position order (all of them, or the given ids). */
export async function loadFrameworks(db: Db, projectId: string, ids?: string[]): Promise<FrameworkDto[]> {
  const rows = await db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.projectId, projectId), ids ? inArray(frameworks.id, ids) : undefined))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.name));
  if (rows.length === 0) return [];
  const frameworkIds = rows.map((r) => r.id);
  const [domains, levels, themes] = await Promise.all([
    db.select().from(frameworkDomains).where(and(eq(frameworkDomains.projectId, projectId), inArray(frameworkDomains.frameworkId, frameworkIds))).orderBy(asc(frameworkDomains.position)),
    db.select().from(frameworkLevels).where(and(eq(frameworkLevels.projectId, projectId), inArray(frameworkLevels.frameworkId, frameworkIds))).orderBy(asc(frameworkLevels.position)),
    db.select().from(frameworkThemes).where(and(eq(frameworkThemes.projectId, projectId), inArray(frameworkThemes.frameworkId, frameworkIds))).orderBy(asc(frameworkThemes.position)),
  ]);
  return rows.map((f) => ({
    id: f.id,
    presetKey: f.presetKey,
    name: f.name,
    source: f.source,
    description: f.description,
    levels: levels.filter((l) => l.frameworkId === f.id).map((l) => ({ id: l.id, key: l.key, label: l.label, position: l.position })),
    domains: domains
      .filter((d) => d.frameworkId === f.id)
      .map((d) => ({
        id: d.id,
        key: d.key,
        label: d.label,
        position: d.position,
        themes: themes.filter((t) => t.domainId === d.id).map((t) => ({ id: t.id, label: t.label, position: t.position })),
      })),
  }));
}

/** One framework of the project, or 404 (a foreign or malformed id is "not found", never a 500). */
export async function loadFramework(db: Db, projectId: string, frameworkId: string): Promise<FrameworkDto> {
  if (!ZUuid.safeParse(frameworkId).success) throw new AppError('NOT_FOUND', 'Framework not found.');
  const [found] = await loadFrameworks(db, projectId, [frameworkId]);
  if (!found) throw new AppError('NOT_FOUND', 'Framework not found.');
  return found;
}

/**
 * Lock the framework row until the transaction ends (FOR UPDATE), then load it:
 * the writes that change its structure or its mappings run one at a time and
 * each sees the other's result (no foreign-key or unique violation from a
 * theme deleted, or a mapping written, in between).
 */
export async function loadFrameworkForUpdate(tx: Db, projectId: string, frameworkId: string): Promise<FrameworkDto> {
  if (!ZUuid.safeParse(frameworkId).success) throw new AppError('NOT_FOUND', 'Framework not found.');
  const [row] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.id, frameworkId), eq(frameworks.projectId, projectId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Framework not found.');
  return loadFramework(tx, projectId, frameworkId);
}

/** Whether a cell (domain, optional theme, level) belongs to the framework. */
export function isCellOf(framework: FrameworkDto, cell: { domainId: string; themeId: string | null; levelId: string }): boolean {
  const domain = framework.domains.find((d) => d.id === cell.domainId);
  if (!domain || !framework.levels.some((l) => l.id === cell.levelId)) return false;
  return cell.themeId === null || domain.themes.some((t) => t.id === cell.themeId);
}
