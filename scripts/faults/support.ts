/** What the fault scripts share: settings, checks, waiting, stopping servers, raw queries, an API client. */
import { type ChildProcess } from 'node:child_process';
import { type SQL } from 'drizzle-orm';
import { type Connection } from '@/db/client';
import { stopServer, waitFor } from '../lib/bench-server';

export const only = (() => {
  const at = process.argv.indexOf('--only');
  return at > 0 ? process.argv[at + 1] : undefined;
})();
export const RECORDS = Number(process.env.FAULT_RECORDS ?? 50_000);
export const CLEAN_IMPORT = process.env.FAULT_CLEAN_IMPORT !== '0';
export const LEASE_SECONDS = Number(process.env.FAULT_LEASE_SECONDS ?? 5);
/** Kill once the job reports this share of the file read (progress shows once a second, at each heartbeat). */
export const KILL_AT = Number(process.env.FAULT_KILL_AT ?? 0.3);
export const PORT = Number(process.env.FAULT_PORT ?? 3340);
export const REVIEWERS = 6;
export const VOTES_EACH = Number(process.env.FAULT_VOTES ?? 200);

export const failures: string[] = [];
export let checks = 0;
export function check(ok: boolean, message: string): void {
  checks += 1;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

export { waitFor };
export const killHard = (server: ChildProcess) => stopServer(server, { hard: true });
export const stop = (server: ChildProcess | null) => stopServer(server);

/** Rows of a raw query (the scripts' connection is postgres.js, which answers an array). */
export async function query<T>(conn: Connection, statement: SQL): Promise<T[]> {
  return (await conn.db.execute(statement)) as unknown as T[];
}

export type Api = (path: string, init?: RequestInit) => Promise<Response>;
export function apiClient(port: () => number, token: string): Api {
  return (path, init = {}) =>
    fetch(`http://127.0.0.1:${port()}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}
