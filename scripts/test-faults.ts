/**
 * npm run test:faults: two faults on a real PostgreSQL (a scratch database,
 * created and dropped), each asserted, with timings.
 *
 * 1. SIGKILL mid-import: a 50,000-record RIS file is uploaded through the
 *    import API; once its job is running and has read part of the file, the
 *    app server is killed with SIGKILL. Nothing of the import may exist, the
 *    job must not stay "running" (its lease expires and it shows as waiting),
 *    and a restarted server must finish it exactly once, with the counts of a
 *    clean import of the same file.
 * 2. PostgreSQL restarted during voting: reviewers vote through the API while
 *    the local PostgreSQL server is restarted (pg_ctlcluster ... restart).
 *    During the outage the API answers 503 JSON promptly (no hang); clients
 *    retry; afterwards every acknowledged vote is stored once, none doubled,
 *    and the server works again without a restart.
 *
 * `--only import` or `--only restart` runs one of them. FAULT_RECORDS (50,000)
 * sets the file's size, FAULT_KILL_AT (0.3) the share read before the kill,
 * FAULT_VOTES (200) the votes per reviewer; FAULT_CLEAN_IMPORT=0 skips the
 * clean reference import.
 * Restarting PostgreSQL disturbs anything else using that server: CI runs
 * steps one after another, so it is safe there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, setConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createScratchDatabase, ensureBuilt } from './lib/bench-server';

import { importFault } from './faults/import-fault';
import { restartFault } from './faults/restart-fault';
import { only, LEASE_SECONDS, failures, checks, secs, now, waitFor } from './faults/support';

async function main(): Promise<number> {
  const started = now();
  ensureBuilt();
  const scratch = await createScratchDatabase();
  // The scratch database's own connection reconnects after the restart like the app's does.
  const conn = openPostgres(scratch.url);
  setConnection(conn);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-faults-'));
  process.env.JOB_LEASE_SECONDS = String(LEASE_SECONDS);
  try {
    await migrateDatabase(conn.db, 'postgres');
    if (only !== 'restart') {
      const t = now();
      await importFault(conn, scratch.url, dir);
      console.log(`  [1] took ${secs(now() - t)}`);
    }
    if (only !== 'import') {
      const t = now();
      await restartFault(conn, scratch.url);
      console.log(`  [2] took ${secs(now() - t)}`);
    }
  } catch (error) {
    failures.push(String(error));
    console.error(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await conn.close();
    await waitFor('PostgreSQL to accept connections', 30_000, async () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0);
    await scratch.drop();
  }
  console.log(`\nfaults: ${checks - failures.length} passed, ${failures.length} failed, in ${secs(now() - started)}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
