import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projects } from './projects';
import { references } from './references';

export const stage = pgEnum('screening_stage', ['title_abstract', 'full_text']);
export const decision = pgEnum('screening_decision', ['include', 'exclude', 'maybe']);
export const finalDecision = pgEnum('final_decision', ['include', 'exclude']);
export const recordState = pgEnum('record_state', [
  'awaiting',
  'included',
  'excluded',
  'conflict',
  'resolved_included',
  'resolved_excluded',
]);

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The project's ordered list of full-text exclusion reasons. */
export const exclusionReasons = pgTable(
  'exclusion_reasons',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exclusion_reasons_project_label_uq').on(t.projectId, sql`lower(${t.label})`),
    index('exclusion_reasons_project_idx').on(t.projectId, t.position),
  ],
);

/** One vote per reference, stage and reviewer: a reviewer changes their vote, never adds a second. */
export const votes = pgTable(
  'votes',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    stage: stage().notNull(),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: decision().notNull(),
    reasonId: uuid().references(() => exclusionReasons.id, { onDelete: 'restrict' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('votes_reference_stage_reviewer_uq').on(t.referenceId, t.stage, t.reviewerId),
    index('votes_project_stage_reviewer_idx').on(t.projectId, t.stage, t.reviewerId),
    index('votes_reason_idx').on(t.reasonId),
    index('votes_reviewer_idx').on(t.reviewerId),
  ],
);

/** A lead's decision on a conflict (or an override); it wins over the votes. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    stage: stage().notNull(),
    decision: finalDecision().notNull(),
    reasonId: uuid().references(() => exclusionReasons.id, { onDelete: 'restrict' }),
    note: text(),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resolutions_reference_stage_uq').on(t.referenceId, t.stage),
    index('resolutions_project_stage_idx').on(t.projectId, t.stage),
    index('resolutions_reason_idx').on(t.reasonId),
    index('resolutions_resolved_by_idx').on(t.resolvedBy),
  ],
);

/**
 * A reference's derived state at a stage, kept beside its votes so queues and
 * counts are one indexed query. Written only by the use-cases that write votes
 * and resolutions, in the same transaction, from lib/domain/screening's one
 * function; the row is also the lock that serialises votes on one reference.
 */
export const screeningStates = pgTable(
  'screening_states',
  {
    referenceId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    stage: stage().notNull(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    state: recordState().notNull().default('awaiting'),
    voteCount: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('screening_states_reference_stage_uq').on(t.referenceId, t.stage),
    index('screening_states_project_stage_state_idx').on(t.projectId, t.stage, t.state),
  ],
);

/** A report's full text: the PDF (in the database, so any app server can serve it) and its text. */
export const fullTexts = pgTable(
  'full_texts',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    fileName: text(),
    contentType: text(),
    byteSize: integer(),
    content: bytea(),
    extractedText: text(),
    pageCount: integer(),
    notRetrievable: boolean().notNull().default(false),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('full_texts_reference_uq').on(t.referenceId),
    index('full_texts_project_idx').on(t.projectId),
  ],
);

/** An included study: a reference included at the end of full-text screening. */
export const studies = pgTable(
  'studies',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('studies_reference_uq').on(t.referenceId), index('studies_project_idx').on(t.projectId)],
);

export type Vote = typeof votes.$inferSelect;
export type Resolution = typeof resolutions.$inferSelect;
export type ExclusionReason = typeof exclusionReasons.$inferSelect;
export type ScreeningStateRow = typeof screeningStates.$inferSelect;
export type FullText = typeof fullTexts.$inferSelect;
export type Study = typeof studies.$inferSelect;
