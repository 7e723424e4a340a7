import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { timeOrderedId } from '@/lib/server/imports/time-ordered-id';
import { decodeValue, parseExportFile, type ProjectExport } from './export-format';
import { isUsersTable, projectTables, type ProjectTable } from './project-tables';

export type ImportProjectResult = {
  projectId: string;
  title: string;
  rows: Record<string, number>;
  users: { matched: number; created: string[] };
};

/** Rows per INSERT, under PostgreSQL's 65,535 parameters. */
const maxRowsPerInsert = (columns: number) => Math.max(1, Math.min(1000, Math.floor(30_000 / Math.max(columns, 1))));

const isJson = (sqlType: string) => sqlType === 'json' || sqlType === 'jsonb';
const isUuid = (sqlType: string) => sqlType === 'uuid';

/** Replace every string (and object key) that is an old id with its new id, through JSON values. */
function remapJson(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapJson(v, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [ids.get(k) ?? k, remapJson(v, ids)]));
  }
  return value;
}

/** Rows of a table that refers to itself, parents first (a code before its sub-codes). */
function parentsFirst(t: ProjectTable, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const selfKeys = t.foreignKeys.filter((fk) => fk.foreignTable === t.name).map((fk) => fk.key);
  if (!selfKeys.length || !t.primaryKey) return rows;
  const pk = t.primaryKey;
  const byId = new Map(rows.map((r) => [r[pk] as string, r]));
  const done = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const place = (row: Record<string, unknown>, depth: number) => {
    const id = row[pk] as string;
    if (done.has(id)) return;
    if (depth > rows.length) throw new AppError('VALIDATION', `The project export's ${t.name} rows refer to each other in a circle.`);
    for (const key of selfKeys) {
      const parent = byId.get(row[key] as string);
      if (parent) place(parent, depth + 1);
    }
    done.add(id);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

/**
 * Create a new project from an export file (`project:import`), in one
 * transaction: every id gets a new value (so a project can be copied within
 * one database), foreign keys and ids inside JSON follow, and people are
 * matched by email. Someone with no account here gets one with no password:
 * they cannot sign in until an administrator sets one
 * (`user:set-password`). `ownerEmail` (an existing account) becomes an owner
 * of the copy. A file that does not fit the schema is refused whole with a
 * message (nothing is written).
 */
export async function importProject(db: Db, file: Buffer, options: { ownerEmail?: string } = {}): Promise<ImportProjectResult> {
  const data = parseExportFile(file);
  const tables = projectTables();
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const [name, content] of Object.entries(data.tables)) {
    const t = known.get(name);
    if (!t) throw new AppError('VALIDATION', `The project export has a table "${name}" that this version of Tandem does not have (was it exported by a newer one?).`);
    const keys = new Set(t.columns.map((c) => c.key));
    const unknown = content.columns.filter((c) => !keys.has(c));
    if (unknown.length) throw new AppError('VALIDATION', `The project export's table "${name}" has columns this Tandem does not know: ${unknown.join(', ')}.`);
    const bad = content.rows.findIndex((r) => r.length !== content.columns.length);
    if (bad >= 0) throw new AppError('VALIDATION', `Row ${bad + 1} of "${name}" has ${content.rows[bad].length} values for ${content.columns.length} columns.`);
  }
  const projectRows = data.tables.projects?.rows ?? [];
  if (projectRows.length !== 1) throw new AppError('VALIDATION', `The project export must hold exactly one project (it has ${projectRows.length}).`);

  return db.transaction(async (tx) => {
    let owner: { id: string } | undefined;
    if (options.ownerEmail) {
      [owner] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, options.ownerEmail.toLowerCase()));
      if (!owner) throw new AppError('NOT_FOUND', `No account has the email ${options.ownerEmail}: create it first (user:create).`);
    }
    const ids = new Map<string, string>();
    const userIds = new Set<string>();
    const created: string[] = [];
    let matched = 0;
    const emails = [...new Set(data.users.map((person) => person.email.trim().toLowerCase()))];
    const accounts = emails.length
      ? await tx.select({ id: users.id, email: sql<string>`lower(${users.email})` }).from(users).where(inArray(sql`lower(${users.email})`, emails))
      : [];
    const idOfEmail = new Map(accounts.map((u) => [u.email, u.id]));
    for (const person of data.users) {
      const email = person.email.trim().toLowerCase();
      let id = idOfEmail.get(email);
      if (id) matched += 1;
      else {
        // No password: an empty hash never verifies, so the account cannot sign in until one is set.
        [{ id }] = await tx.insert(users).values({ email, name: person.name || email, passwordHash: '' }).returning({ id: users.id });
        idOfEmail.set(email, id);
        created.push(email);
      }
      ids.set(person.id, id!);
      userIds.add(person.id);
    }

    // New ids for every row, in the old ids' order (ids made by timeOrderedId sort in creation order).
    const rowsOf = (t: ProjectTable) => {
      const content = data.tables[t.name];
      return content ? content.rows.map((r) => Object.fromEntries(content.columns.map((c, i) => [c, r[i]]))) : [];
    };
    const decoded = new Map<string, Record<string, unknown>[]>();
    for (const t of tables) {
      const rows = rowsOf(t);
      decoded.set(t.name, rows);
      const pk = t.primaryKey && t.columns.find((c) => c.key === t.primaryKey);
      const isOwnId = pk && isUuid(pk.sqlType) && !t.foreignKeys.some((fk) => fk.key === pk.key);
      if (!isOwnId) continue;
      const old = rows.map((r) => r[pk.key]).filter((v): v is string => typeof v === 'string').sort();
      for (const id of old) {
        if (ids.has(id)) throw new AppError('VALIDATION', `The id ${id} appears twice in the project export (table "${t.name}").`);
        ids.set(id, timeOrderedId());
      }
    }

    const counts: Record<string, number> = {};
    let newProjectId = '';
    for (const t of tables) {
      const fks = new Map(t.foreignKeys.map((fk) => [fk.key, fk]));
      const present = new Set(data.tables[t.name]?.columns ?? []);
      const missing = t.columns.filter((c) => !present.has(c.key) && c.isNotNull && !c.isGenerated);
      const rows = decoded.get(t.name)!;
      if (rows.length && missing.length) {
        // A column added after the export: its default applies when it has one; drizzle knows which.
        const table = t.table as unknown as Record<string, { hasDefault?: boolean }>;
        const required = missing.filter((c) => !table[c.key]?.hasDefault);
        if (required.length) throw new AppError('VALIDATION', `The project export's table "${t.name}" lacks the required columns ${required.map((c) => c.key).join(', ')}.`);
      }
      const remapped = rows.map((row, index) => {
        const out: Record<string, unknown> = {};
        for (const c of t.columns) {
          if (c.isGenerated || !present.has(c.key)) continue;
          let value = row[c.key];
          if (value === null || value === undefined) {
            out[c.key] = null;
            continue;
          }
          if (isJson(c.sqlType)) {
            out[c.key] = remapJson(value, ids);
            continue;
          }
          value = decodeValue(value);
          const fk = fks.get(c.key);
          if (fk && typeof value === 'string') {
            const target = ids.get(value);
            if (isUsersTable(fk.foreignTable) && !userIds.has(value)) {
              throw new AppError('VALIDATION', `Row ${index + 1} of "${t.name}" refers to a user (${c.key}) missing from the file's users.`);
            }
            if (target) value = target;
            else if (known.has(fk.foreignTable)) {
              throw new AppError('VALIDATION', `Row ${index + 1} of "${t.name}" refers (${c.key}) to a ${fk.foreignTable} row that is not in the file.`);
            } else if (!isUsersTable(fk.foreignTable)) {
              // A row of a table that is not project data (e.g. a job): not carried over.
              if (fk.isNotNull) throw new AppError('VALIDATION', `"${t.name}".${c.key} refers to ${fk.foreignTable}, which a project export does not carry.`);
              value = null;
            }
          } else if (typeof value === 'string') {
            value = ids.get(value) ?? value;
          } else if (Array.isArray(value)) {
            value = value.map((v) => (typeof v === 'string' ? (ids.get(v) ?? v) : v));
          }
          out[c.key] = value;
        }
        return out;
      });
      const ordered = parentsFirst(t, remapped);
      const batch = maxRowsPerInsert(t.columns.length);
      for (let i = 0; i < ordered.length; i += batch) {
        await tx.insert(t.table).values(ordered.slice(i, i + batch) as never);
      }
      counts[t.name] = ordered.length;
      if (t.scope.kind === 'root') newProjectId = ordered[0][t.primaryKey!] as string;
    }

    if (owner) {
      await tx
        .insert(memberships)
        .values({ projectId: newProjectId, userId: owner.id, role: 'owner' })
        .onConflictDoUpdate({ target: [memberships.projectId, memberships.userId], set: { role: 'owner' } });
    }
    await recordAuditEvent(tx, {
      projectId: newProjectId,
      actorId: owner?.id ?? null,
      action: 'project.import',
      entityType: 'project',
      entityId: newProjectId,
      after: { fromProjectId: data.project.id, exportedAt: data.exportedAt, rows: counts, usersCreated: created },
    });
    return { projectId: newProjectId, title: data.project.title, rows: counts, users: { matched, created } };
  });
}

export type { ProjectExport };
