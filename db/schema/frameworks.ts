import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projects } from './projects';

/**
 * A synthesis framework: domains (rows, each with its themes) by levels
 * (columns). Presets (e.g. Cochrane x Furst, from shared data) are copied into
 * the project when chosen, so a lead may then edit them like a custom one;
 * `presetKey` remembers where a copy came from. A project may hold several
 * frameworks, to compare how well each fits the same codes.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    presetKey: text(),
    name: text().notNull(),
    source: text().notNull().default(''),
    description: text().notNull().default(''),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('frameworks_project_name_uq').on(t.projectId, sql`lower(${t.name})`)],
);

/** A framework's rows: implementation domains (e.g. "Professional and interpersonal"). */
export const frameworkDomains = pgTable(
  'framework_domains',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    description: text().notNull().default(''),
    position: integer().notNull(),
  },
  (t) => [
    uniqueIndex('framework_domains_framework_key_uq').on(t.frameworkId, t.key),
    index('framework_domains_project_idx').on(t.projectId),
  ],
);

/** A framework's columns: levels (e.g. nano, micro, meso, macro). */
export const frameworkLevels = pgTable(
  'framework_levels',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    description: text().notNull().default(''),
    position: integer().notNull(),
  },
  (t) => [
    uniqueIndex('framework_levels_framework_key_uq').on(t.frameworkId, t.key),
    index('framework_levels_project_idx').on(t.projectId),
  ],
);

/** A theme within a domain: one row of the matrix (e.g. "Relationships" under "Professional and interpersonal"). */
export const frameworkThemes = pgTable(
  'framework_themes',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    domainId: uuid()
      .notNull()
      .references(() => frameworkDomains.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    description: text().notNull().default(''),
    position: integer().notNull(),
  },
  (t) => [
    uniqueIndex('framework_themes_domain_label_uq').on(t.domainId, sql`lower(${t.label})`),
    index('framework_themes_framework_idx').on(t.frameworkId),
    index('framework_themes_project_idx').on(t.projectId),
  ],
);

export type Framework = typeof frameworks.$inferSelect;
export type FrameworkDomain = typeof frameworkDomains.$inferSelect;
export type FrameworkLevel = typeof frameworkLevels.$inferSelect;
export type FrameworkTheme = typeof frameworkThemes.$inferSelect;
