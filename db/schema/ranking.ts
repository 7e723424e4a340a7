import { index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StoppingEstimate } from '@/lib/domain/ranking';
import { projects } from './projects';
import { references } from './references';
import { bytea, stage } from './screening';

/** How a ranking ordered the records: a trained model, the highlight terms, or (neither possible) the seeded random order. */
export const rankingMethod = pgEnum('ranking_method', ['model', 'highlight', 'random']);

/** Where the rank job found the title/abstract features, and how long each step took (milliseconds). */
export type RankingTimings = {
  featureSource: 'memory' | 'database' | 'built';
  features: number;
  labels: number;
  train: number;
  write: number;
  estimate: number | null;
};

/**
 * Each record's newest predicted relevance at title/abstract (0-1: the share
 * of the project's records the model ranks below it), used by the queue at
 * both stages. A table of its own rather than columns of screening_states:
 * those rows are the locks that serialise votes, and rewriting 10,000 of them
 * after every ranking would make votes wait. Null when the ranking had no
 * basis for an order (no model yet and no highlight term matched). Its
 * migration sets fillfactor 50, so those rewrites are HOT updates.
 */
export const referenceRelevance = pgTable(
  'reference_relevance',
  {
    referenceId: uuid()
      .primaryKey()
      .references(() => references.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    relevance: real(),
    rankedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reference_relevance_project_idx').on(t.projectId)],
);

/** One retraining: what it learned from and how long it took, with the stopping estimate at that moment. */
export const rankingRuns = pgTable(
  'ranking_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    stage: stage().notNull(),
    method: rankingMethod().notNull(),
    /** The classifier (e.g. 'nb+lr') when method is 'model'. */
    model: text(),
    records: integer().notNull(),
    /** Labelled records the model was trained on (see lib/domain/ranking/labels.ts). */
    includes: integer().notNull(),
    excludes: integer().notNull(),
    /** When the labels it learned from were read: of two overlapping runs, the one with newer labels wins. */
    labelledAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    timings: jsonb().$type<RankingTimings>().notNull(),
    /** Callaghan & Mueller-Hansen estimate over the screened sequence; null when it was not recomputed. */
    estimate: jsonb().$type<StoppingEstimate>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ranking_runs_project_stage_created_idx').on(t.projectId, t.stage, t.createdAt)],
);

/**
 * The project's title/abstract TF-IDF features, serialised, so a rank job
 * need not rebuild them (seconds at 10,000 records). Valid only for the
 * record set whose key it carries; a new import or a merge changes the key
 * and the next rank job rebuilds them.
 */
export const rankingFeatures = pgTable('ranking_features', {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  recordSetKey: text().notNull(),
  recordCount: integer().notNull(),
  content: bytea().notNull(),
  buildMs: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ReferenceRelevance = typeof referenceRelevance.$inferSelect;
export type RankingRun = typeof rankingRuns.$inferSelect;
export type NewRankingRun = typeof rankingRuns.$inferInsert;
export type RankingFeaturesRow = typeof rankingFeatures.$inferSelect;
