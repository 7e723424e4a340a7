import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, memberships } from '@/db/schema';
import { createUser, seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { addMember } from '@/lib/server/members/add-member';
import { changeMemberRole } from '@/lib/server/members/change-member-role';
import { listMembers } from '@/lib/server/members/list-members';
import { removeMember } from '@/lib/server/members/remove-member';
import { createProject } from '@/lib/server/projects/create-project';
import { getProject } from '@/lib/server/projects/get-project';
import { listMyProjects } from '@/lib/server/projects/list-my-projects';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

describe('[PROJECTS] create and list', () => {
  it('makes the creator the owner and writes an audit event', async () => {
    const user = await createUser(db());
    const project = await createProject(as(user), { title: 'Digital mental health', question: 'What helps?' });
    expect(project.role).toBe('owner');
    expect(project.settings.reviewersRequired).toEqual({ title_abstract: 2, full_text: 2 });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.projectId, project.id));
    expect(events.map((e) => e.action)).toEqual(['project.create']);
    expect(events[0].actorId).toBe(user.id);
  });

  it('lists only my projects', async () => {
    const me = await createUser(db());
    const other = await createUser(db());
    const mine = await createProject(as(me), { title: 'Mine' });
    await createProject(as(other), { title: 'Not mine' });
    expect((await listMyProjects(as(me))).map((p) => p.id)).toEqual([mine.id]);
  });

  it('hides a project from a non-member as not found', async () => {
    const { project } = await seedProject(db());
    const stranger = await createUser(db());
    await expect(getProject(as(stranger), project.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProject(as(stranger), 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects a too-short title with a field message', async () => {
    const user = await createUser(db());
    await expect(createProject(as(user), { title: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { title: [expect.stringContaining('at least 3')] },
    });
  });
});

describe('[MEMBERS] roles and the last owner', () => {
  it('adds an existing user at once and invites an unknown email', async () => {
    const { project, owner } = await seedProject(db());
    const colleague = await createUser(db());
    const added = await addMember(as(owner), project.id, { email: colleague.email.toUpperCase(), role: 'lead' });
    expect(added).toMatchObject({ kind: 'member', member: { userId: colleague.id, role: 'lead' } });
    const invited = await addMember(as(owner), project.id, { email: 'nobody-yet@example.test', role: 'viewer' });
    expect(invited).toMatchObject({ kind: 'invitation', invitation: { email: 'nobody-yet@example.test', role: 'viewer' } });
    const list = await listMembers(as(colleague), project.id);
    expect(list.members.map((m) => m.userId).sort()).toEqual([owner.id, colleague.id].sort());
    expect(list.invitations).toHaveLength(1);
    await expect(addMember(as(owner), project.id, { email: colleague.email, role: 'viewer' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets only owners manage members', async () => {
    const { project, members } = await seedProject(db(), { leads: 1, reviewers: 1, viewers: 1 });
    const outsider = await createUser(db());
    for (const role of ['lead', 'reviewer', 'viewer'] as const) {
      await expect(
        addMember(as(members[role][0]), project.id, { email: outsider.email, role: 'viewer' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        changeMemberRole(as(members[role][0]), project.id, members.viewer[0].id, { role: 'lead' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('never demotes or removes the last owner, and allows it once another owner exists', async () => {
    const { project, owner, members } = await seedProject(db(), { leads: 1 });
    await expect(changeMemberRole(as(owner), project.id, owner.id, { role: 'lead' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(removeMember(as(owner), project.id, owner.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await changeMemberRole(as(owner), project.id, members.lead[0].id, { role: 'owner' });
    await changeMemberRole(as(owner), project.id, owner.id, { role: 'lead' });
    const rows = await db().select().from(memberships).where(eq(memberships.projectId, project.id));
    expect(rows.filter((r) => r.role === 'owner').map((r) => r.userId)).toEqual([members.lead[0].id]);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, project.id), eq(auditEvents.action, 'member.change-role')))
      // Without an order PostgreSQL may return the two rows either way round.
      .orderBy(asc(auditEvents.at), asc(auditEvents.id));
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ role: 'lead' }, { role: 'owner' }],
      [{ role: 'owner' }, { role: 'lead' }],
    ]);
  });

  it('keeps an owner when two owners demote each other at the same moment', async () => {
    const { project, owner, members } = await seedProject(db(), { leads: 1 });
    const second = members.lead[0];
    await changeMemberRole(as(owner), project.id, second.id, { role: 'owner' });
    const results = await Promise.allSettled([
      changeMemberRole(as(owner), project.id, second.id, { role: 'viewer' }),
      changeMemberRole(as(second), project.id, owner.id, { role: 'viewer' }),
    ]);
    const rows = await db().select().from(memberships).where(eq(memberships.projectId, project.id));
    expect(rows.filter((r) => r.role === 'owner')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
  });

  it('scopes member changes by project: a member id from another project is not found', async () => {
    const a = await seedProject(db());
    const b = await seedProject(db(), { reviewers: 1 });
    await expect(
      changeMemberRole(as(a.owner), a.project.id, b.members.reviewer[0].id, { role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(as(a.owner), a.project.id, b.members.reviewer[0].id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
