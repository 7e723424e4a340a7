import { resolve } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Db, DbKind } from './client';

/** The committed drizzle-kit migrations, relative to the project root. */
export const migrationsFolder = resolve(process.cwd(), 'db/migrations');

/** Apply every pending migration (the same files serve PGlite and PostgreSQL). */
export async function migrateDatabase(db: Db, kind: DbKind): Promise<void> {
  if (kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  else await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
}
