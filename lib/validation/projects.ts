import { z } from 'zod';
import { ROLES } from '@/lib/domain/access/permissions';
import { ZEmail } from './accounts';

export const ZRole = z.enum(ROLES);

export const ZProjectSettings = z.object({
  reviewersRequired: z.object({
    title_abstract: z.coerce.number().int().min(1).max(3),
    full_text: z.coerce.number().int().min(1).max(3),
  }),
  blindScreening: z.boolean(),
  highlightTerms: z.object({
    include: z.array(z.string().trim().min(1).max(100)).max(200),
    exclude: z.array(z.string().trim().min(1).max(100)).max(200),
  }),
});
export type TProjectSettings = z.infer<typeof ZProjectSettings>;

export const DEFAULT_PROJECT_SETTINGS: TProjectSettings = {
  reviewersRequired: { title_abstract: 2, full_text: 2 },
  blindScreening: true,
  highlightTerms: { include: [], exclude: [] },
};

export const ZCreateProject = z.object({
  title: z.string().trim().min(3, 'Give the review a title of at least 3 characters.').max(300),
  question: z.string().trim().max(5000).default(''),
  criteria: z.string().trim().max(20000).default(''),
});
export type TCreateProject = z.infer<typeof ZCreateProject>;

export const ZAddMember = z.object({
  email: ZEmail,
  role: ZRole,
});
export type TAddMember = z.infer<typeof ZAddMember>;

export const ZChangeRole = z.object({ role: ZRole });
export type TChangeRole = z.infer<typeof ZChangeRole>;

export const ZUuid = z.uuid('Not a valid id.');
