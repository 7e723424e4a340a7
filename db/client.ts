/**
 * The one database client. PostgreSQL (postgres.js) when DATABASE_URL is set,
 * otherwise embedded PostgreSQL (PGlite) in PGLITE_DIR. Opened lazily, never at
 * import time (next build imports route modules), and kept on globalThis: PGlite
 * must be one instance per process (STACK.md, wall 2).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export type Connection = { db: Db; kind: DbKind; close: () => Promise<void>; describe: string };

const holder = globalThis as typeof globalThis & { __tandemDb?: Connection };

/** The process's database, opened on first use. */
export function getDb(): Db {
  return connection().db;
}

export function getDbKind(): DbKind {
  return connection().kind;
}

/** A human description of the database in use (for start-up messages). */
export function describeDb(): string {
  return connection().describe;
}

function connection(): Connection {
  holder.__tandemDb ??= open();
  return holder.__tandemDb;
}

function open(): Connection {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) return openPostgres(DATABASE_URL);
  return openPglite(resolve(PGLITE_DIR));
}

export function openPostgres(url: string): Connection {
  // connect_timeout bounds how long a request waits for a connection while the server is down or
  // restarting (the default is 30 s); the API then answers 503, and the pool reconnects by itself.
  const client = postgres(url, { max: 10, connect_timeout: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Db;
  const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }), describe: `PostgreSQL at ${safeUrl}` };
}

/** PGlite in a folder (locked against other processes), or in memory when `dir` is null (tests). */
export function openPglite(dir: string | null, options: { loadDataDir?: Blob } = {}): Connection {
  const release = dir ? acquireLock(dir) : () => {};
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite({ dataDir: dir ?? undefined, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
    describe: dir ? `embedded PostgreSQL (PGlite) in ${dir}` : 'embedded PostgreSQL (PGlite) in memory',
  };
}

/** Use an already-open connection (tests open theirs from a migrated snapshot). */
export function setConnection(conn: Connection): void {
  holder.__tandemDb = conn;
}

/** Close the process's database. Scripts that opened PGlite hang until this runs. */
export async function closeDb(): Promise<void> {
  const conn = holder.__tandemDb;
  holder.__tandemDb = undefined;
  await conn?.close();
}

/**
 * PGlite has no cross-process lock, and two processes on one folder silently
 * diverge (STACK.md, wall 3): a lock file beside the folder names the holder.
 */
function acquireLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  if (existsSync(lockPath)) {
    const holderPid = Number(readFileSync(lockPath, 'utf8').trim());
    if (holderPid && holderPid !== process.pid && isAlive(holderPid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by another process (pid ${holderPid}). ` +
          `Stop that process first, or set PGLITE_DIR to another folder, ` +
          `or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  mkdirSync(dirname(lockPath), { recursive: true });
  writeFileSync(lockPath, String(process.pid));
  const release = () => {
    try {
      if (existsSync(lockPath) && readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath);
    } catch {
      // the lock is advisory; a failed removal is reported by the next opener as a stale pid
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
