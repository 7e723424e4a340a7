import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { AppError } from '@/lib/server/errors/app-error';
import { hashToken, TOKEN_PREFIX } from './token-secret';

/** Resolve a bearer token to its owner. A token carries exactly its owner's rights. */
export async function authenticateApiToken(secret: string): Promise<Actor> {
  if (!secret.startsWith(TOKEN_PREFIX)) throw new AppError('UNAUTHORIZED', 'Invalid API token.');
  const db = getDb();
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)));
  if (!row) throw new AppError('UNAUTHORIZED', 'Invalid or revoked API token.');
  // Touch at most once a minute: a busy client should not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { userId: row.userId, via: 'token' };
}
