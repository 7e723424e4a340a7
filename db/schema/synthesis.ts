import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { frameworkDomains, frameworkLevels, frameworks, frameworkThemes } from './frameworks';
import { projects } from './projects';
import { studies } from './screening';

/**
 * A lead's reading of one matrix cell (a theme, or a domain without themes, at
 * a level): the summary statement and the policy recommendation of the seed
 * review's Table 1.
 */
export const frameworkCellStatements = pgTable(
  'framework_cell_statements',
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
    themeId: uuid().references(() => frameworkThemes.id, { onDelete: 'cascade' }),
    levelId: uuid()
      .notNull()
      .references(() => frameworkLevels.id, { onDelete: 'cascade' }),
    summary: text().notNull().default(''),
    recommendation: text().notNull().default(''),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('framework_cell_statements_cell_uq').on(
      t.domainId,
      t.levelId,
      sql`coalesce(${t.themeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('framework_cell_statements_framework_idx').on(t.frameworkId),
    index('framework_cell_statements_project_idx').on(t.projectId),
    index('framework_cell_statements_theme_idx').on(t.themeId),
    index('framework_cell_statements_level_idx').on(t.levelId),
    index('framework_cell_statements_updated_by_idx').on(t.updatedBy),
  ],
);

export type ChecklistQuestion = { key: string; text: string };

/** A critical-appraisal checklist: the JBI preset copied into the project, or a lead's own. */
export const appraisalChecklists = pgTable(
  'appraisal_checklists',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    presetKey: text(),
    name: text().notNull(),
    source: text().notNull().default(''),
    questions: jsonb().$type<ChecklistQuestion[]>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appraisal_checklists_project_name_uq').on(t.projectId, sql`lower(${t.name})`),
    index('appraisal_checklists_created_by_idx').on(t.createdBy),
  ],
);

export const appraisalKind = pgEnum('appraisal_kind', ['independent', 'consensus']);
export const appraisalVerdict = pgEnum('appraisal_verdict', ['include', 'exclude', 'seek_further_info']);

export type AppraisalAnswerValue = 'yes' | 'no' | 'unclear' | 'not_applicable';
export type AppraisalAnswers = Record<string, { answer: AppraisalAnswerValue; comment?: string }>;

/**
 * One appraisal of one study on one checklist: an appraiser's own
 * (`independent`, one per appraiser) or the team's agreed one (`consensus`,
 * one per study and checklist, written by a lead).
 */
export const appraisals = pgTable(
  'appraisals',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    checklistId: uuid()
      .notNull()
      .references(() => appraisalChecklists.id, { onDelete: 'cascade' }),
    kind: appraisalKind().notNull(),
    appraiserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: jsonb().$type<AppraisalAnswers>().notNull(),
    verdict: appraisalVerdict(),
    comment: text().notNull().default(''),
    isComplete: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appraisals_independent_uq')
      .on(t.studyId, t.checklistId, t.appraiserId)
      .where(sql`${t.kind} = 'independent'`),
    uniqueIndex('appraisals_consensus_uq').on(t.studyId, t.checklistId).where(sql`${t.kind} = 'consensus'`),
    index('appraisals_project_idx').on(t.projectId),
    index('appraisals_checklist_idx').on(t.checklistId),
    index('appraisals_appraiser_idx').on(t.appraiserId),
  ],
);

export type CerqualComponentKey = 'methodological_limitations' | 'coherence' | 'adequacy' | 'relevance';
export type CerqualConcern = 'no_or_very_minor' | 'minor' | 'moderate' | 'serious';
export type CerqualComponents = Record<CerqualComponentKey, { concern: CerqualConcern; explanation: string }>;

export const cerqualConfidence = pgEnum('cerqual_confidence', ['high', 'moderate', 'low', 'very_low']);

/**
 * A GRADE-CERQual assessment of one review finding: a framework theme, a cell
 * statement, or a finding written out by the lead. It outlives its theme or
 * statement: the link is cut (set null) and the finding text stays.
 */
export const cerqualAssessments = pgTable(
  'cerqual_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    // Deleting the theme or statement (or its framework) keeps the assessment as a free-text finding.
    themeId: uuid().references(() => frameworkThemes.id, { onDelete: 'set null' }),
    cellStatementId: uuid().references(() => frameworkCellStatements.id, { onDelete: 'set null' }),
    /** Always the finding's own text (written at creation), so it still reads once its theme or statement is gone. */
    finding: text().notNull(),
    components: jsonb().$type<CerqualComponents>().notNull(),
    overall: cerqualConfidence().notNull(),
    overallExplanation: text().notNull().default(''),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cerqual_assessments_theme_uq').on(t.themeId).where(sql`${t.themeId} is not null`),
    uniqueIndex('cerqual_assessments_statement_uq').on(t.cellStatementId).where(sql`${t.cellStatementId} is not null`),
    index('cerqual_assessments_project_idx').on(t.projectId),
    index('cerqual_assessments_updated_by_idx').on(t.updatedBy),
  ],
);

/**
 * The studies a lead names as contributing to a finding (none named: the
 * theme's or cell's studies in the matrix). A table, not a JSON list, so that
 * every link is a foreign key (a project copy re-points it).
 */
export const cerqualAssessmentStudies = pgTable(
  'cerqual_assessment_studies',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    assessmentId: uuid()
      .notNull()
      .references(() => cerqualAssessments.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('cerqual_assessment_studies_uq').on(t.assessmentId, t.studyId),
    index('cerqual_assessment_studies_study_idx').on(t.studyId),
    index('cerqual_assessment_studies_project_idx').on(t.projectId),
  ],
);

export type FrameworkCellStatement = typeof frameworkCellStatements.$inferSelect;
export type AppraisalChecklist = typeof appraisalChecklists.$inferSelect;
export type Appraisal = typeof appraisals.$inferSelect;
export type CerqualAssessment = typeof cerqualAssessments.$inferSelect;
