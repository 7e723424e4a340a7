/**
 * `npm start`: everything a new user needs, in order. Generate AUTH_SECRET into
 * .env.local when unset; build when .next is missing or older than the sources;
 * open the database (PGlite in ./.data, or DATABASE_URL), migrate, seed the demo
 * review on first run; then serve with one Next.js process on PORT (default 3000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { loadLocalEnv, ensureAuthSecret } from './lib/local-env';
import { isBuildStale } from './lib/build-freshness';

async function main(): Promise<void> {
  loadLocalEnv();
  ensureAuthSecret();
  // Imported after the environment is complete: env() parses once.
  const { env } = await import('../lib/env');
  const { getDb, getDbKind, describeDb, closeDb } = await import('../db/client');
  const { migrateDatabase } = await import('../db/migrate');
  const { seedDemoIfEmpty, hasDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../db/seed/demo');
  const { PORT } = env();

  const stale = isBuildStale(process.cwd());
  if (stale) {
    console.log(`Building Tandem (${stale})...`);
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const db = getDb();
  console.log(`Database: ${describeDb()}`);
  await migrateDatabase(db, getDbKind());
  const seeded = await seedDemoIfEmpty(db);
  const demoPresent = seeded || (await hasDemoAccounts(db));
  await closeDb();

  const url = `http://localhost:${PORT}`;
  console.log(`\nTandem is starting on ${url}`);
  if (demoPresent) {
    console.log(`${seeded ? 'A demo review was created' : 'The demo review is there'}: "Digital mental health: barriers and facilitators".`);
    console.log(`Sign in at ${url}/sign-in with any of these (password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
  }
  console.log(`Or create your own account at ${url}/sign-up.\n`);

  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
