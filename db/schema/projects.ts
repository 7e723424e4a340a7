import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const projectRole = pgEnum('project_role', ['owner', 'lead', 'reviewer', 'viewer']);

/** The order of a stage's queue: by predicted relevance (priority screening) or a random order seeded per project. */
export type ScreeningOrder = 'relevance' | 'random';

/**
 * Project settings live in one JSON column, validated by zod (lib/validation/projects.ts).
 * `screeningOrder` and `showPredictedRelevance` came later: rows written before
 * lack them, so read settings through loadProjectSettings, which fills in the
 * defaults (lib/validation/ranking.ts).
 */
export type ProjectSettings = {
  reviewersRequired: { title_abstract: number; full_text: number };
  blindScreening: boolean;
  highlightTerms: { include: string[]; exclude: string[] };
  screeningOrder?: { title_abstract: ScreeningOrder; full_text: ScreeningOrder };
  showPredictedRelevance?: boolean;
  /** Extractors per included study (1 or 2; default 2): read through extractorsPerStudyOf (lib/validation/extraction.ts). */
  extractorsPerStudy?: 1 | 2;
};

/** Settings as read, every later addition filled in with its default. */
export type ResolvedProjectSettings = ProjectSettings & Required<Pick<ProjectSettings, 'screeningOrder' | 'showPredictedRelevance'>>;

export const projects = pgTable(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    question: text().notNull().default(''),
    criteria: text().notNull().default(''),
    settings: jsonb().$type<ProjectSettings>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_created_by_idx').on(t.createdBy)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: projectRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_project_user_uq').on(t.projectId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** An invitation for an email with no account yet; accepted when that email signs up. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: projectRole().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_project_email_uq').on(t.projectId, sql`lower(${t.email})`),
    index('invitations_email_idx').on(sql`lower(${t.email})`),
  ],
);

export type Project = typeof projects.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
