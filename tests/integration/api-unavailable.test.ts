import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, users } from '@/db/schema';
import { createUser } from '@/db/seed/factories';
import { apiRoute } from '@/lib/server/api/api-route';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();

async function call(handler: Parameters<typeof apiRoute>[0], options?: Parameters<typeof apiRoute>[1]) {
  const user = await createUser(db());
  const { token } = await createApiToken({ userId: user.id, via: 'cli' }, { name: 't' });
  const request = new Request('http://localhost/api/v1/x', { headers: { authorization: `Bearer ${token}` } });
  return apiRoute(handler, options)(request, { params: Promise.resolve({}) });
}

describe('[API] the database going away', () => {
  it('answers 503 with Retry-After when the database is unreachable, not 500', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    // As drizzle wraps a driver error: the cause says what happened.
    const wrapped = Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }) });
    for (const error of [refused, wrapped]) {
      const res = await call(async () => {
        throw error;
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect((await res.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/Try again/) });
    }
    expect(isDatabaseUnavailable(new Error('a bug'))).toBe(false);
    const bug = await call(async () => {
      throw new TypeError('a bug');
    });
    expect(bug.status).toBe(500);
  });

  it('answers 503 when a request passes its deadline (a query that never settles), and streaming routes can opt out', async () => {
    const started = performance.now();
    const res = await call(() => new Promise(() => {}), { deadlineMs: 200 });
    expect(res.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5_000);
    const slow = await call(() => new Promise((resolve) => setTimeout(() => resolve({ body: { ok: true } }), 300)), { deadlineMs: null });
    expect(slow.status).toBe(200);
  });
});

describe('[API] constraints the database enforced when requests raced', () => {
  it('answers a unique or foreign-key violation 409 and a malformed value 422, with a message, never 500', async () => {
    const existing = await createUser(db());
    const cases: [() => Promise<unknown>, number][] = [
      // The same email twice: the unique index answers, as when two sign-ups race.
      [() => db().insert(users).values({ email: existing.email, name: 'Twin', passwordHash: 'x' }), 409],
      // A membership of a project that does not exist: the foreign key answers, as when it was deleted meanwhile.
      [() => db().insert(memberships).values({ projectId: randomUUID(), userId: existing.id, role: 'viewer' }), 409],
      // Not a uuid: PostgreSQL cannot read it.
      [() => db().execute(sql`select ${'not-a-uuid'}::uuid`), 422],
    ];
    for (const [run, status] of cases) {
      const res = await call(async () => {
        await run();
        return { body: null };
      });
      expect(res.status).toBe(status);
      expect((await res.json()).error.message).toMatch(/\w/);
    }
  });
});
