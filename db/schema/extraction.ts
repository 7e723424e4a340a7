import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { AnswerSet, ExtractionField } from '../../lib/domain/extraction/types';
import { users } from './auth';
import { projects } from './projects';
import { studies } from './screening';

export const extractionStatus = pgEnum('extraction_status', ['in_progress', 'complete']);
export const consensusStatus = pgEnum('extraction_consensus_status', ['draft', 'final']);

/** A project's extraction form (one per project); its fields live in versions. */
export const extractionForms = pgTable(
  'extraction_forms',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('extraction_forms_project_uq').on(t.projectId), index('extraction_forms_created_by_idx').on(t.createdBy)],
);

/**
 * A published version of a form: its fields, frozen. Answers record the
 * version they were given against, so a later version never changes what an
 * old answer meant.
 */
export const extractionFormVersions = pgTable(
  'extraction_form_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    formId: uuid()
      .notNull()
      .references(() => extractionForms.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    fields: jsonb().$type<ExtractionField[]>().notNull(),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('extraction_form_versions_form_version_uq').on(t.formId, t.version),
    index('extraction_form_versions_project_idx').on(t.projectId),
    index('extraction_form_versions_published_by_idx').on(t.publishedBy),
    check('extraction_form_versions_version_positive', sql`${t.version} > 0`),
  ],
);

/** One extractor's answers for one study: a person extracts a study once, and changes their answers. */
export const extractions = pgTable(
  'extractions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    extractorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    formVersionId: uuid()
      .notNull()
      .references(() => extractionFormVersions.id, { onDelete: 'restrict' }),
    values: jsonb().$type<AnswerSet>().notNull(),
    status: extractionStatus().notNull().default('in_progress'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('extractions_study_extractor_uq').on(t.studyId, t.extractorId),
    index('extractions_project_extractor_idx').on(t.projectId, t.extractorId),
    index('extractions_extractor_idx').on(t.extractorId),
    index('extractions_form_version_idx').on(t.formVersionId),
  ],
);

/**
 * The consensus extraction of a study: the values a lead settled on. `final`
 * once finalised (the characteristics table reads only these); back to `draft`
 * when a lead reopens it.
 */
export const extractionConsensus = pgTable(
  'extraction_consensus',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    formVersionId: uuid()
      .notNull()
      .references(() => extractionFormVersions.id, { onDelete: 'restrict' }),
    values: jsonb().$type<AnswerSet>().notNull(),
    status: consensusStatus().notNull().default('draft'),
    finalisedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    finalisedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('extraction_consensus_study_uq').on(t.studyId),
    index('extraction_consensus_project_status_idx').on(t.projectId, t.status),
    index('extraction_consensus_form_version_idx').on(t.formVersionId),
    index('extraction_consensus_finalised_by_idx').on(t.finalisedBy),
  ],
);

export type ExtractionForm = typeof extractionForms.$inferSelect;
export type ExtractionFormVersionRow = typeof extractionFormVersions.$inferSelect;
export type Extraction = typeof extractions.$inferSelect;
export type ExtractionConsensusRow = typeof extractionConsensus.$inferSelect;
