import 'server-only';
import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { ZCreateApiToken } from '@/lib/validation/accounts';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { parseInput } from '@/lib/server/errors/parse-input';
import { hashToken, newTokenSecret } from './token-secret';

export type CreatedApiToken = { id: string; name: string; prefix: string; token: string; createdAt: string };

/** Create a personal API token for the acting user. The secret is returned once, never stored. */
export async function createApiToken(actor: Actor, raw: unknown): Promise<CreatedApiToken> {
  const input = parseInput(ZCreateApiToken, raw);
  const token = newTokenSecret();
  const prefix = token.slice(0, 10);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: input.name, tokenHash: hashToken(token), prefix })
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'api-token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix },
    });
    return { id: row.id, name: row.name, prefix, token, createdAt: row.createdAt.toISOString() };
  });
}
