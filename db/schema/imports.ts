import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projects } from './projects';
import { references } from './references';
import { bytea } from './screening';

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'succeeded', 'failed']);

/**
 * Long work (imports, de-duplication, re-ranking) as rows in PostgreSQL: any
 * app server or worker claims a queued job with FOR UPDATE SKIP LOCKED, and a
 * job whose lease expired (its worker died) is claimed again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    status: jobStatus().notNull().default('queued'),
    payload: jsonb().notNull().default({}),
    progressDone: integer().notNull().default(0),
    progressTotal: integer(),
    progressMessage: text(),
    result: jsonb(),
    error: text(),
    attempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.createdAt),
    index('jobs_project_idx').on(t.projectId, t.createdAt),
  ],
);

/** An uploaded file, stored in the database in chunks so neither the upload nor the job holds it whole. */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    byteSize: bigint({ mode: 'number' }).notNull().default(0),
    chunkCount: integer().notNull().default(0),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('uploads_project_idx').on(t.projectId)],
);

export const uploadChunks = pgTable(
  'upload_chunks',
  {
    uploadId: uuid()
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (t) => [uniqueIndex('upload_chunks_upload_seq_uq').on(t.uploadId, t.seq)],
);

export const duplicatePairStatus = pgEnum('duplicate_pair_status', ['pending', 'merged', 'not_duplicate']);

/** A candidate duplicate pair (a < b); "not duplicate" is remembered so it is never merged. */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    referenceAId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    referenceBId: uuid()
      .notNull()
      .references(() => references.id, { onDelete: 'cascade' }),
    score: real().notNull(),
    reasons: text().array().notNull().default(sql`'{}'::text[]`),
    status: duplicatePairStatus().notNull().default('pending'),
    /** True when merged by the certain-duplicate threshold rather than by a person. */
    isAutomatic: boolean().notNull().default(false),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duplicate_pairs_pair_uq').on(t.projectId, t.referenceAId, t.referenceBId),
    index('duplicate_pairs_project_status_idx').on(t.projectId, t.status, t.score),
    index('duplicate_pairs_a_idx').on(t.referenceAId),
    index('duplicate_pairs_b_idx').on(t.referenceBId),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type DuplicatePair = typeof duplicatePairs.$inferSelect;
