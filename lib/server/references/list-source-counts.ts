import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { references, sources } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';

export type SourceCount = {
  id: string;
  databaseName: string;
  fileName: string;
  format: string;
  searchedOn: string | null;
  importedAt: string;
  /** PRISMA "records identified from" this source: every record of the file. */
  identified: number;
  kept: number;
  removedAsDuplicates: number;
};

/** Per source: records identified (PRISMA), kept and removed as duplicates, in import order. */
export async function listSourceCounts(actor: Actor, projectId: string): Promise<SourceCount[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  const rows = await db
    .select({
      id: sources.id,
      databaseName: sources.databaseName,
      fileName: sources.fileName,
      format: sources.format,
      searchedOn: sources.searchedOn,
      importedAt: sources.importedAt,
      identified: sources.recordCount,
      kept: sql<number>`count(${references.id}) filter (where ${references.duplicateOfId} is null)::int`,
      removed: sql<number>`count(${references.id}) filter (where ${references.duplicateOfId} is not null)::int`,
    })
    .from(sources)
    .leftJoin(references, eq(references.sourceId, sources.id))
    .where(eq(sources.projectId, projectId))
    .groupBy(sources.id)
    .orderBy(asc(sources.importedAt));
  return rows.map((r) => ({
    id: r.id,
    databaseName: r.databaseName,
    fileName: r.fileName,
    format: r.format,
    searchedOn: r.searchedOn,
    importedAt: r.importedAt.toISOString(),
    identified: r.identified,
    kept: Number(r.kept),
    removedAsDuplicates: Number(r.removed),
  }));
}
