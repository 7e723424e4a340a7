/**
 * Who may do what in a project: one table of data, checked by one helper
 * (`can`), on the server in every use-case and in the UI only to hide buttons.
 */
export const ROLES = ['owner', 'lead', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const everyone = ['owner', 'lead', 'reviewer', 'viewer'] as const;
const team = ['owner', 'lead', 'reviewer'] as const;
const leads = ['owner', 'lead'] as const;
const owners = ['owner'] as const;

export const PERMISSIONS = {
  'project.read': everyone,
  'project.update': leads,
  'project.delete': owners,
  /** The whole project as one file: every member's votes whatever the blinding, and every full text. */
  'project.export': owners,
  'members.read': everyone,
  'members.manage': owners,
  'audit.read': leads,
  'references.read': everyone,
  'references.import': leads,
  'duplicates.resolve': leads,
  'screening.vote': team,
  'screening.read-all-votes': leads,
  'conflicts.resolve': leads,
  'fulltext.upload': team,
  'extraction.edit': team,
  'extraction.manage-forms': leads,
  'extraction.finalise': leads,
  'coding.apply': team,
  'codebook.manage': leads,
  'appraisal.edit': team,
  'appraisal.finalise': leads,
  'appraisal.manage-checklists': leads,
  'synthesis.edit': leads,
  'exports.read': everyone,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when `role` grants `permission`. A missing role (not a member) grants nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission a role grants, for the UI and the API's `me` answer. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  lead: 'Lead',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'A lead who also manages members and can delete the project.',
  lead: 'Sets criteria and forms, resolves conflicts, imports references.',
  reviewer: 'Screens, extracts, codes and appraises.',
  viewer: 'Reads everything, changes nothing.',
};
