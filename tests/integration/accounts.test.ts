import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, memberships, users } from '@/db/schema';
import { createUser, seedProject } from '@/db/seed/factories';
import { signUp } from '@/lib/server/accounts/sign-up';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import { addMember } from '@/lib/server/members/add-member';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const unique = () => `person-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe('[ACCOUNTS] sign up and sign in', () => {
  it('stores an argon2id hash, never the password, and records an audit event', async () => {
    const email = unique();
    const user = await signUp({ name: 'Ada', email, password: 'correct horse 9' });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row.passwordHash).not.toContain('correct horse');
    expect(user).not.toHaveProperty('passwordHash');
    const events = await db().select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toContain('user.sign-up');
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const email = unique();
    await signUp({ name: 'Ada', email, password: 'correct horse 9' });
    await expect(signUp({ name: 'Ada', email: email.toUpperCase(), password: 'correct horse 9' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('names every invalid field', async () => {
    await expect(signUp({ name: '', email: 'not-an-email', password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { name: expect.any(Array), email: expect.any(Array), password: expect.any(Array) },
    });
  });

  it('accepts pending invitations on sign-up', async () => {
    const { project, owner } = await seedProject(db());
    const email = unique();
    const invited = await addMember({ userId: owner.id, via: 'session' }, project.id, { email, role: 'reviewer' });
    expect(invited.kind).toBe('invitation');
    const user = await signUp({ name: 'New', email, password: 'correct horse 9' });
    expect(user.joinedProjects).toBe(1);
    const [m] = await db().select().from(memberships).where(eq(memberships.userId, user.id));
    expect(m).toMatchObject({ projectId: project.id, role: 'reviewer' });
  });

  it('verifies the password and refuses a wrong one with one message for unknown emails too', async () => {
    const user = await createUser(db(), { password: 'right password 1' });
    await expect(verifyCredentials({ email: user.email, password: 'right password 1' }, 'test-a')).resolves.toMatchObject({
      id: user.id,
    });
    const wrong = verifyCredentials({ email: user.email, password: 'wrong password 1' }, 'test-a');
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const unknown = verifyCredentials({ email: unique(), password: 'whatever 1' }, 'test-a');
    await expect(unknown).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: (await wrong.catch((e) => e)).message });
  });

  it('rate-limits failed attempts per email in the database, even with the right password', async () => {
    const user = await createUser(db(), { password: 'right password 1' });
    for (let i = 0; i < 10; i++) {
      await expect(verifyCredentials({ email: user.email, password: `nope ${i}` }, `addr-${i}`)).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    await expect(verifyCredentials({ email: user.email, password: 'right password 1' }, 'addr-x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});
