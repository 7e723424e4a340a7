import 'server-only';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { env } from '@/lib/env';
import { ZSignIn } from '@/lib/validation/accounts';
import { decoyPasswordHash, verifyPassword } from '@/lib/server/auth/password';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { UserDto } from './user-dto';

/**
 * Check an email and password. Failed attempts are counted in the database per
 * email and per address, so the limit holds across app servers; past the limit
 * every attempt is refused until the window has passed.
 */
export async function verifyCredentials(raw: unknown, address: string): Promise<UserDto> {
  const input = parseInput(ZSignIn, raw);
  const db = getDb();
  const { SIGN_IN_MAX_ATTEMPTS, SIGN_IN_WINDOW_MINUTES } = env();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);

  const failures = async (column: typeof signInAttempts.email | typeof signInAttempts.address, key: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(column, key), eq(signInAttempts.succeeded, false), gte(signInAttempts.attemptedAt, since)));
    return row?.n ?? 0;
  };
  // The address limit is wider: a lab behind one NAT address signs in together.
  if (
    (await failures(signInAttempts.email, input.email)) >= SIGN_IN_MAX_ATTEMPTS ||
    (await failures(signInAttempts.address, address)) >= SIGN_IN_MAX_ATTEMPTS * 5
  ) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-in attempts. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`,
    );
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, input.email));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  await db.insert(signInAttempts).values({ email: input.email, address, succeeded: Boolean(user && ok) });
  if (!user || !ok) throw new AppError('UNAUTHORIZED', 'That email and password do not match an account.');
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() };
}
