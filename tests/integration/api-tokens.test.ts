import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens } from '@/db/schema';
import { createUser } from '@/db/seed/factories';
import { authenticateApiToken } from '@/lib/server/tokens/authenticate-api-token';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { listApiTokens } from '@/lib/server/tokens/list-api-tokens';
import { revokeApiToken } from '@/lib/server/tokens/revoke-api-token';
import { hashToken } from '@/lib/server/tokens/token-secret';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();

describe('[TOKENS] personal API tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates its owner', async () => {
    const user = await createUser(db());
    const created = await createApiToken({ userId: user.id, via: 'session' }, { name: 'script' });
    expect(created.token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await listApiTokens({ userId: user.id, via: 'session' })).not.toContainEqual(
      expect.objectContaining({ token: expect.anything() }),
    );
    await expect(authenticateApiToken(created.token)).resolves.toEqual({ userId: user.id, via: 'token' });
  });

  it('stops working once revoked, and only its owner can revoke it', async () => {
    const user = await createUser(db());
    const other = await createUser(db());
    const created = await createApiToken({ userId: user.id, via: 'session' }, { name: 'script' });
    await expect(revokeApiToken({ userId: other.id, via: 'session' }, created.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await revokeApiToken({ userId: user.id, via: 'session' }, created.id);
    await expect(authenticateApiToken(created.token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses made-up tokens', async () => {
    await expect(authenticateApiToken('tdm_made-up')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(authenticateApiToken('something-else')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
