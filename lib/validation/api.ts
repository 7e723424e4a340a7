/**
 * Response shapes of /api/v1, as zod schemas: the OpenAPI document is
 * generated from these and from the request schemas beside them.
 */
import { z } from 'zod';
import { ZRole } from './projects';

export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export const ZUserOut = z.object({ id: z.uuid(), email: z.string(), name: z.string(), createdAt: z.iso.datetime() });

export const ZProjectListItemOut = z.object({
  id: z.uuid(),
  title: z.string(),
  role: ZRole,
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const ZProjectOut = z.object({
  id: z.uuid(),
  title: z.string(),
  question: z.string(),
  criteria: z.string(),
  role: ZRole,
  settings: z.object({
    reviewersRequired: z.object({ title_abstract: z.number().int(), full_text: z.number().int() }),
    blindScreening: z.boolean(),
    highlightTerms: z.object({ include: z.array(z.string()), exclude: z.array(z.string()) }),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZMemberOut = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  joinedAt: z.iso.datetime(),
});

export const ZInvitationOut = z.object({ id: z.uuid(), email: z.string(), role: ZRole, invitedAt: z.iso.datetime() });

export const ZMemberListOut = z.object({ members: z.array(ZMemberOut), invitations: z.array(ZInvitationOut) });

export const ZAddMemberOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), member: ZMemberOut }),
  z.object({ kind: z.literal('invitation'), invitation: ZInvitationOut }),
]);
