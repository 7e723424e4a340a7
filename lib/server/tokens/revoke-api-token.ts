import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';

/** Revoke one of the acting user's tokens; it stops working at once. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  if (!ZUuid.safeParse(tokenId).success) throw new AppError('NOT_FOUND', 'Token not found.');
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) throw new AppError('NOT_FOUND', 'Token not found or already revoked.');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'api-token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: { name: row.name },
    });
  });
}
