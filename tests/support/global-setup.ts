/**
 * Integration tests run on PGlite by default and on PostgreSQL when
 * DATABASE_URL is set. Either way the schema is migrated once here: PGlite's
 * migrated folder is dumped and each test file starts from a copy (STACK.md,
 * wall 9); on PostgreSQL a fresh database is created and dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteDump: string | null;
  }
}

export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const name = `tandem_test_${randomBytes(4).toString('hex')}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const conn = openPostgres(url.toString());
    await migrateDatabase(conn.db, 'postgres');
    await conn.close();
    project.provide('databaseUrl', url.toString());
    project.provide('pgliteDump', null);
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const conn = openPglite(null);
  await migrateDatabase(conn.db, 'pglite');
  const client = (conn.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await conn.close();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  const path = join(dir, 'migrated.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseUrl', null);
  project.provide('pgliteDump', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
