import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
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
import { frameworkDomains, frameworkLevels, frameworks, frameworkThemes } from './frameworks';
import { projects } from './projects';
import { studies } from './screening';

export const codeKind = pgEnum('code_kind', ['code', 'descriptive_theme', 'analytical_theme']);
export const codePolarity = pgEnum('code_polarity', ['barrier', 'facilitator', 'neutral']);
export const documentSource = pgEnum('document_source', ['pdf', 'upload', 'paste', 'abstract']);

/**
 * The codebook: a tree of codes and themes. Siblings have distinct names
 * (case-insensitive); a code with quotes cannot be deleted, only merged into
 * another (which moves its codings), so no quote is ever lost silently.
 */
export const codes = pgTable(
  'codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => codes.id, { onDelete: 'restrict' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    kind: codeKind().notNull().default('code'),
    polarity: codePolarity(),
    color: text().notNull(),
    position: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('codes_sibling_name_uq').on(
      t.projectId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
    index('codes_project_parent_idx').on(t.projectId, t.parentId, t.position),
    index('codes_parent_idx').on(t.parentId),
  ],
);

/**
 * Where a code (and, through the tree, the codes under it) sits in a
 * framework: a domain (optionally one of its themes) at a level. A code may sit
 * in several cells and in several frameworks (framework fit compares them).
 */
export const codeFrameworkCells = pgTable(
  'code_framework_cells',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    codeId: uuid()
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('code_framework_cells_uq').on(
      t.codeId,
      t.domainId,
      t.levelId,
      sql`coalesce(${t.themeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('code_framework_cells_framework_idx').on(t.frameworkId),
    index('code_framework_cells_project_idx').on(t.projectId),
    index('code_framework_cells_domain_idx').on(t.domainId),
    index('code_framework_cells_theme_idx').on(t.themeId),
    index('code_framework_cells_level_idx').on(t.levelId),
  ],
);

/**
 * A study's text for coding, versioned: extracted from its PDF, uploaded or
 * pasted, or its abstract when nothing else exists. Quotes point at a version
 * by character offsets, so a version's text never changes once it has quotes
 * (`frozenAt`); a new text is a new version.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    source: documentSource().notNull(),
    fileName: text(),
    text: text().notNull(),
    textHash: text().notNull(),
    frozenAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_study_version_uq').on(t.studyId, t.version),
    index('documents_project_idx').on(t.projectId),
  ],
);

/**
 * A span of a document marked by one coder, with a memo. The codes applied to
 * it are its codings. `flaggedReason` is set when a newer document version
 * could not re-anchor the span.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
    coderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    start: integer().notNull(),
    end: integer().notNull(),
    text: text().notNull(),
    memo: text(),
    flaggedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('quotes_span_ck', sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
    index('quotes_document_idx').on(t.documentId, t.start),
    index('quotes_study_coder_idx').on(t.studyId, t.coderId),
    index('quotes_project_idx').on(t.projectId),
    index('quotes_coder_idx').on(t.coderId),
  ],
);

/** One code applied to one quote, by the quote's coder. */
export const codings = pgTable(
  'codings',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    quoteId: uuid()
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    codeId: uuid()
      .notNull()
      .references(() => codes.id, { onDelete: 'restrict' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    coderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('codings_quote_code_uq').on(t.quoteId, t.codeId),
    index('codings_code_idx').on(t.codeId),
    index('codings_project_study_idx').on(t.projectId, t.studyId, t.coderId),
    index('codings_coder_idx').on(t.coderId),
  ],
);

/**
 * A study chosen for double coding: two coders code it independently. Until a
 * lead compares (`comparedAt`), neither coder sees the other's quotes on it
 * (enforced by every read of quotes); afterwards both see all.
 */
export const doubleCodingAssignments = pgTable(
  'double_coding_assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    firstCoderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secondCoderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    comparedAt: timestamp({ withTimezone: true }),
    comparedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('double_coding_study_uq').on(t.studyId),
    check('double_coding_two_coders_ck', sql`${t.firstCoderId} <> ${t.secondCoderId}`),
    index('double_coding_project_idx').on(t.projectId),
    index('double_coding_first_idx').on(t.firstCoderId),
    index('double_coding_second_idx').on(t.secondCoderId),
    index('double_coding_assigned_by_idx').on(t.assignedBy),
    index('double_coding_compared_by_idx').on(t.comparedBy),
  ],
);

/** Where a user stopped reading a study's document (the line at the top of the view). */
export const codingReadingPositions = pgTable(
  'coding_reading_positions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: uuid()
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    line: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coding_reading_positions_user_study_uq').on(t.userId, t.studyId),
    index('coding_reading_positions_study_idx').on(t.studyId),
    index('coding_reading_positions_project_idx').on(t.projectId),
  ],
);

export type Code = typeof codes.$inferSelect;
export type CodeFrameworkCell = typeof codeFrameworkCells.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type Coding = typeof codings.$inferSelect;
export type DoubleCodingAssignment = typeof doubleCodingAssignments.$inferSelect;
