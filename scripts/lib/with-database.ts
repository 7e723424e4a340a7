import { loadLocalEnv } from './local-env';

/**
 * Run a CLI command against the app's database (DATABASE_URL, or PGlite in
 * PGLITE_DIR), migrated first, and always closed after: scripts that open
 * PGlite hang until it is closed. AppErrors become a message and exit code 1.
 */
export async function withDatabase(run: () => Promise<number>): Promise<number> {
  loadLocalEnv();
  const { getDb, getDbKind, closeDb } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  try {
    await migrateDatabase(getDb(), getDbKind());
    return await run();
  } catch (error) {
    const { isAppError } = await import('@/lib/server/errors/app-error');
    if (isAppError(error)) {
      console.error(error.message);
      for (const [field, messages] of Object.entries(error.fields ?? {})) console.error(`  ${field}: ${messages.join(' ')}`);
      return 1;
    }
    throw error;
  } finally {
    await closeDb();
  }
}
