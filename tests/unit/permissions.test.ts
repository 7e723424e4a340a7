import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLES, type Permission } from '@/lib/domain/access/permissions';

describe('permissions table', () => {
  it('lets only owners manage members and delete the project', () => {
    expect(ROLES.filter((r) => can(r, 'members.manage'))).toEqual(['owner']);
    expect(ROLES.filter((r) => can(r, 'project.delete'))).toEqual(['owner']);
  });

  it('lets leads resolve conflicts but not reviewers or viewers', () => {
    expect(ROLES.filter((r) => can(r, 'conflicts.resolve'))).toEqual(['owner', 'lead']);
  });

  it('lets the team vote but never a viewer', () => {
    expect(can('reviewer', 'screening.vote')).toBe(true);
    expect(can('lead', 'screening.vote')).toBe(true);
    expect(can('viewer', 'screening.vote')).toBe(false);
  });

  it('gives viewers only read permissions', () => {
    const viewer = permissionsOf('viewer');
    expect(viewer.length).toBeGreaterThan(0);
    for (const p of viewer) expect(p).toMatch(/\.read$/);
  });

  it('grants nothing without a role', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
    }
  });

  it('is monotone: an owner can do all a lead can, a lead all a reviewer can, a reviewer all a viewer can', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      if (can('viewer', p)) expect(can('reviewer', p)).toBe(true);
      if (can('reviewer', p)) expect(can('lead', p)).toBe(true);
      if (can('lead', p)) expect(can('owner', p)).toBe(true);
    }
  });
});
