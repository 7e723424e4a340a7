import 'server-only';
import { gzipSync } from 'node:zlib';
import { asc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { encodeValue, EXPORT_FORMAT, EXPORT_VERSION, type ProjectExport } from './export-format';
import { isUsersTable, projectTables, type ProjectTable } from './project-tables';

type Tables = Map<string, ProjectTable>;

const column = (t: ProjectTable, key: string) => getTableColumns(t.table)[key] as PgColumn;

/** The condition selecting one project's rows of a table, following its scope up to `projects`. */
function scopeCondition(t: ProjectTable, tables: Tables, projectId: string, db: Db): SQL {
  const { scope } = t;
  if (scope.kind === 'root') return eq(column(t, t.primaryKey!), projectId);
  if (scope.kind === 'project') return eq(column(t, scope.key), projectId);
  const parent = tables.get(scope.parent)!;
  const ids = db.select({ id: column(parent, scope.parentKey) }).from(parent.table).where(scopeCondition(parent, tables, projectId, db));
  return inArray(column(t, scope.key), ids);
}

/**
 * Every row of one project, table by table (parents first), and the users
 * they refer to (id, email, name; never a password hash). The command line
 * calls this directly; the API goes through `exportProject`.
 */
export async function buildProjectExport(db: Db, projectId: string): Promise<ProjectExport> {
  // One snapshot for every table: rows written between two reads (a coding after its code was read)
  // would otherwise point at parents missing from the file, and the import would refuse it.
  return db.transaction((tx) => readProjectExport(tx, projectId), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readProjectExport(db: Db, projectId: string): Promise<ProjectExport> {
  const list = projectTables();
  const tables: Tables = new Map(list.map((t) => [t.name, t]));
  const out: ProjectExport['tables'] = {};
  const userIds = new Set<string>();
  let title = '';
  for (const t of list) {
    const keys = t.columns.map((c) => c.key);
    const order = t.primaryKey ? [asc(column(t, t.primaryKey))] : keys.filter((k) => /Id$/.test(k)).map((k) => asc(column(t, k)));
    const rows = (await db
      .select()
      .from(t.table)
      .where(scopeCondition(t, tables, projectId, db))
      .orderBy(...order)) as Record<string, unknown>[];
    if (t.scope.kind === 'root') {
      if (rows.length === 0) throw new AppError('NOT_FOUND', 'Project not found.');
      title = String(rows[0].title ?? '');
    }
    for (const fk of t.foreignKeys) {
      if (!isUsersTable(fk.foreignTable)) continue;
      for (const row of rows) if (typeof row[fk.key] === 'string') userIds.add(row[fk.key] as string);
    }
    out[t.name] = { columns: keys, rows: rows.map((row) => keys.map((k) => encodeValue(row[k]))) };
  }
  const people = userIds.size
    ? await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, [...userIds])).orderBy(asc(users.email))
    : [];
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), project: { id: projectId, title }, users: people, tables: out };
}

/** The file name of a project's export: its title as a slug and the date. */
export function exportFileName(title: string, at = new Date()): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'project';
  return `tandem-${slug}-${at.toISOString().slice(0, 10)}.json.gz`;
}

/** Encode an export as the downloadable file (gzipped JSON). */
export function encodeExportFile(data: ProjectExport): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(data)));
}

/**
 * A whole project as one gzipped JSON file, for its owners only: it holds
 * every member's votes and notes whatever the blinding, and every full text.
 * The download is recorded in the audit log.
 */
export async function exportProject(actor: Actor, projectId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.export');
  const data = await buildProjectExport(db, projectId);
  const bytes = encodeExportFile(data);
  const rows = Object.fromEntries(Object.entries(data.tables).map(([name, t]) => [name, t.rows.length]));
  await recordAuditEvent(db, { projectId, actorId: actor.userId, action: 'project.export', entityType: 'project', entityId: projectId, after: { bytes: bytes.length, rows } });
  return { fileName: exportFileName(data.project.title), bytes };
}
