import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projects } from './projects';

/** One imported file's origin: PRISMA counts "records identified from" per source. */
export const sources = pgTable(
  'sources',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    databaseName: text().notNull(),
    fileName: text().notNull(),
    format: text().notNull(),
    searchedOn: date(),
    searchString: text(),
    recordCount: integer().notNull().default(0),
    importedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sources_project_idx').on(t.projectId)],
);

export const references = pgTable(
  'references',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    title: text(),
    abstract: text(),
    authors: text().array().notNull().default([]),
    year: integer(),
    journal: text(),
    volume: text(),
    issue: text(),
    pages: text(),
    doi: text(),
    pmid: text(),
    keywords: text().array().notNull().default([]),
    url: text(),
    type: text(),
    language: text(),
    raw: jsonb(),
    /** Set when de-duplication removed this record in favour of another; kept so it can be restored. */
    duplicateOfId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('references_project_idx').on(t.projectId),
    index('references_source_idx').on(t.sourceId),
    index('references_duplicate_of_idx').on(t.duplicateOfId),
    index('references_project_doi_idx').on(t.projectId, t.doi),
    index('references_project_pmid_idx').on(t.projectId, t.pmid),
    // The dashboard's "records after de-duplication": an index-only count instead of reading every row.
    index('references_project_kept_idx').on(t.projectId).where(sql`${t.duplicateOfId} is null`),
  ],
);

export type Source = typeof sources.$inferSelect;
export type Reference = typeof references.$inferSelect;
export type NewReference = typeof references.$inferInsert;
