/**
 * Give a test file its own database: a copy of the migrated PGlite, or a
 * connection to the run's PostgreSQL database. Call in `beforeAll`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDb, getDb, getDbKind, openPglite, openPostgres, setConnection, type Db } from '@/db/client';

export function setupTestDatabase(): { db: () => Db; kind: () => 'pglite' | 'postgres' } {
  beforeAll(async () => {
    const url = inject('databaseUrl');
    if (url) {
      setConnection(openPostgres(url));
    } else {
      const dump = inject('pgliteDump');
      if (!dump) throw new Error('The integration global setup did not run.');
      setConnection(openPglite(null, { loadDataDir: new Blob([readFileSync(dump)]) }));
    }
    await getDb().execute('select 1');
  });
  afterAll(async () => {
    await closeDb();
  });
  return { db: getDb, kind: getDbKind };
}
