/**
 * Benchmark helpers: a scratch PostgreSQL database, a production server on
 * it, and latency percentiles. Only loopback addresses are used.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { isBuildStale } from './build-freshness';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, empty PostgreSQL database on the server of `adminUrl`, and how to drop it. */
export async function createScratchDatabase(adminUrl = ADMIN_URL): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `tandem_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function ensureBuilt(): void {
  const stale = isBuildStale(process.cwd());
  if (!stale) return;
  console.error(`Building (${stale})...`);
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}

export async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(24).toString('hex'), NEXT_TELEMETRY_DISABLED: '1' },
  });
  try {
    await waitFor(`the server on port ${port} to start`, 60_000, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 250);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return server;
}

/** Polls `probe` until it gives a truthy value (a throw counts as not yet); fails after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Stops a server and waits for it to exit: SIGTERM (SIGKILL if it is still
 * there after 5 s), or straight away SIGKILL with `hard`.
 */
export function stopServer(server: ChildProcess | null | undefined, { hard = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
    const timer = hard ? undefined : setTimeout(() => server.kill('SIGKILL'), 5000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill(hard ? 'SIGKILL' : 'SIGTERM');
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(samples: number[]): { n: number; p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}
