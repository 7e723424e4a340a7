import 'server-only';
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';

/**
 * Tables of db/schema that are not a project's data, each with the reason.
 * Every other table is found by `projectTables()` from the schema itself: a
 * new table with a `projectId` (or a foreign key to such a table) is exported
 * with no change here, and a test fails for a table that is neither.
 */
export const NOT_PROJECT_DATA: Record<string, string> = {
  users: 'Accounts span projects; the users a project refers to are exported as id, email and name only (never password hashes) and matched by email on import.',
  api_tokens: 'Secrets of an account, not of a project.',
  sign_in_attempts: 'Rate-limit bookkeeping of sign-ins, not of a project.',
  jobs: 'Transient work queue: a copy must not re-run or show another database\'s imports and rank jobs.',
  uploads: 'Transient: an uploaded file is kept only until its import job has run.',
  upload_chunks: 'Transient: the bytes of an upload that is waiting for its import job.',
  ranking_features: 'A cache of TF-IDF features keyed by the record set; the next rank job rebuilds it.',
};

/** The root of every project's data. */
export const PROJECT_TABLE = 'projects';
const USERS_TABLE = 'users';

export type ColumnSpec = {
  /** The drizzle (camelCase) key, used to read and write rows. */
  key: string;
  sqlType: string;
  isNotNull: boolean;
  /** A single-column primary key filled by the database (a bigserial): left out on import. */
  isGenerated: boolean;
};

export type ForeignKeySpec = { key: string; foreignTable: string; foreignKey: string; isNotNull: boolean };

export type ProjectTable = {
  name: string;
  table: PgTable;
  columns: ColumnSpec[];
  /** The single-column primary key, when there is one. */
  primaryKey: string | null;
  foreignKeys: ForeignKeySpec[];
  /** How rows of this project are found: its own projectId column, or a foreign key into a table that has one. */
  scope: { kind: 'root' } | { kind: 'project'; key: string } | { kind: 'parent'; key: string; parent: string; parentKey: string };
};

export type SchemaTable = { name: string; table: PgTable };

/** Every table of db/schema. */
export function schemaTables(): SchemaTable[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => ({ name: getTableConfig(table).name, table }));
}

function keyOf(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`Column ${column.name} is not a column of ${getTableConfig(table).name}.`);
  return entry[0];
}

function describe(name: string, table: PgTable): Omit<ProjectTable, 'scope'> {
  const config = getTableConfig(table);
  const columns = getTableColumns(table);
  const pkColumns = Object.entries(columns).filter(([, c]) => c.primary);
  const compositePk = config.primaryKeys[0]?.columns ?? [];
  const primaryKey = pkColumns.length === 1 && compositePk.length === 0 ? pkColumns[0][0] : null;
  return {
    name,
    table,
    primaryKey,
    columns: Object.entries(columns).map(([key, c]) => ({
      key,
      sqlType: c.getSQLType(),
      isNotNull: c.notNull,
      isGenerated: key === primaryKey && c.hasDefault && /serial/.test(c.getSQLType()),
    })),
    foreignKeys: config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      if (ref.columns.length !== 1) throw new Error(`${name}: composite foreign keys are not supported by the project export.`);
      const foreignTable = getTableConfig(ref.foreignTable).name;
      const key = keyOf(table, ref.columns[0]);
      return { key, foreignTable, foreignKey: keyOf(ref.foreignTable, ref.foreignColumns[0]), isNotNull: columns[key].notNull };
    }),
  };
}

let cached: ProjectTable[] | undefined;

/**
 * The project's tables, parents before children (the order to insert in):
 * `projects` itself, every table with a foreign key `projectId` to it, and
 * every table reaching one of those through a foreign key, except those in
 * NOT_PROJECT_DATA. Throws on a cycle of required foreign keys.
 */
export function projectTables(): ProjectTable[] {
  if (cached) return cached;
  const all = new Map(schemaTables().map(({ name, table }) => [name, describe(name, table)]));
  const scopes = new Map<string, ProjectTable['scope']>([[PROJECT_TABLE, { kind: 'root' }]]);
  // Direct members first, then tables that reach them, until nothing new is found.
  for (const t of all.values()) {
    if (t.name in NOT_PROJECT_DATA || t.name === PROJECT_TABLE) continue;
    const direct = t.foreignKeys.find((fk) => fk.foreignTable === PROJECT_TABLE && fk.key === 'projectId') ?? t.foreignKeys.find((fk) => fk.foreignTable === PROJECT_TABLE);
    if (direct) scopes.set(t.name, { kind: 'project', key: direct.key });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of all.values()) {
      if (scopes.has(t.name) || t.name in NOT_PROJECT_DATA) continue;
      const viaParent = [...t.foreignKeys]
        .sort((a, b) => Number(b.isNotNull) - Number(a.isNotNull))
        .find((fk) => fk.foreignTable !== t.name && scopes.has(fk.foreignTable) && all.get(fk.foreignTable)!.primaryKey === fk.foreignKey);
      if (viaParent) {
        scopes.set(t.name, { kind: 'parent', key: viaParent.key, parent: viaParent.foreignTable, parentKey: viaParent.foreignKey });
        changed = true;
      }
    }
  }
  const members = [...scopes.keys()];
  // Topological order over foreign keys between project tables (self-references are handled row by row).
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`The project tables' foreign keys form a cycle: ${[...path, name].join(' -> ')}.`);
    state.set(name, 'visiting');
    for (const fk of all.get(name)!.foreignKeys) {
      if (fk.foreignTable !== name && scopes.has(fk.foreignTable)) visit(fk.foreignTable, [...path, name]);
    }
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of members.sort()) visit(name, []);
  cached = ordered.map((name) => ({ ...all.get(name)!, scope: scopes.get(name)! }));
  return cached;
}

/** Tables neither exported nor listed in NOT_PROJECT_DATA (a test keeps this empty). */
export function uncoveredTables(): string[] {
  const covered = new Set(projectTables().map((t) => t.name));
  return schemaTables()
    .map((t) => t.name)
    .filter((name) => !covered.has(name) && !(name in NOT_PROJECT_DATA));
}

export const isUsersTable = (name: string) => name === USERS_TABLE;
