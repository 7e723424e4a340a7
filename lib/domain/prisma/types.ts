/**
 * Plain-data types for PRISMA 2020 counting. The server fills a
 * {@link PrismaSnapshot} from SQL counts (one number per box, one row per
 * source and per exclusion reason); everything after that is pure.
 */

/** Where records came from: the left-hand (databases and registers) or right-hand (other methods) column. */
export type PrismaSourceKind = 'database' | 'register' | 'other';

/** The three "other methods" boxes of the PRISMA 2020 template. */
export type PrismaOtherMethod = 'website' | 'organisation' | 'citation_searching';

/** One search source (an imported file or a searched database) and the records it yielded. */
export type PrismaSource =
  | { kind: 'database' | 'register'; name: string; recordsIdentified: number }
  | { kind: 'other'; method: PrismaOtherMethod; name: string; recordsIdentified: number };

/** Reports excluded for one reason; `reason` is the reason's display name. */
export type PrismaReasonCount = { reason: string; count: number };

/** The full-text part of one column of the diagram. */
export type PrismaReportFlow = {
  reportsSought: number;
  reportsNotRetrieved: number;
  reportsAssessed: number;
  /** One entry per reason, in the project's reason order. */
  reportsExcluded: readonly PrismaReasonCount[];
};

/**
 * Everything PRISMA 2020 counts, as the server reads it from the database.
 * Each number is a count query of its own (not derived from the others), so
 * that {@link checkPrismaArithmetic} can catch data that does not add up.
 */
export type PrismaSnapshot = {
  /** Per source; sources with the same kind and name are added together. */
  sources: readonly PrismaSource[];
  /** Records removed as duplicates before screening (databases and registers). */
  duplicatesRemoved: number;
  /** Records marked ineligible by automation tools before screening. */
  removedByAutomation?: number;
  /** Records removed before screening for other reasons. */
  removedForOtherReasons?: number;
  titleAbstract: { recordsScreened: number; recordsExcluded: number };
  /** Full-text flow of records from databases and registers. */
  fullText: PrismaReportFlow;
  /** New studies included and the reports (references) of them. */
  included: { studies: number; reports: number };
  /** For an updated review: what the previous version included. */
  previous?: { studies: number; reports: number };
  /** Full-text flow of records found by other methods (websites, organisations, citation searching). */
  otherMethods?: PrismaReportFlow;
  /** PRISMA2020 R package extension (not in the PRISMA 2020 template). */
  metaAnalysis?: { studies: number; reports: number };
};

/**
 * The counts of a PRISMA 2020 flow diagram, keyed by the `data` field names of
 * the PRISMA2020 R package's CSV template, in the template's row order. The
 * template's title rows (data = NA) and its three phase-label rows
 * (identification, screening, included) carry no count and are not keys.
 * List fields use the template's format: 'Name, n; Name, n' ('' when empty).
 * Fields that do not apply (no previous review, no other methods) are 0.
 */
export type PrismaCounts = {
  previous_studies: number;
  previous_reports: number;
  database_results: number;
  database_specific_results: string;
  register_results: number;
  register_specific_results: string;
  website_results: number;
  organisation_results: number;
  citations_results: number;
  duplicates: number;
  excluded_automatic: number;
  excluded_other: number;
  records_screened: number;
  records_excluded: number;
  dbr_sought_reports: number;
  dbr_notretrieved_reports: number;
  other_sought_reports: number;
  other_notretrieved_reports: number;
  dbr_assessed: number;
  dbr_excluded: string;
  other_assessed: number;
  other_excluded: string;
  new_studies: number;
  new_reports: number;
  total_studies: number;
  total_reports: number;
  total_studies_ma: number;
  total_reports_ma: number;
};

/** A PRISMA count field name. */
export type PrismaCountField = keyof PrismaCounts;

/** The count fields, in the template's row order. */
export const PRISMA_COUNT_FIELDS: readonly PrismaCountField[] = [
  'previous_studies',
  'previous_reports',
  'database_results',
  'database_specific_results',
  'register_results',
  'register_specific_results',
  'website_results',
  'organisation_results',
  'citations_results',
  'duplicates',
  'excluded_automatic',
  'excluded_other',
  'records_screened',
  'records_excluded',
  'dbr_sought_reports',
  'dbr_notretrieved_reports',
  'other_sought_reports',
  'other_notretrieved_reports',
  'dbr_assessed',
  'dbr_excluded',
  'other_assessed',
  'other_excluded',
  'new_studies',
  'new_reports',
  'total_studies',
  'total_reports',
  'total_studies_ma',
  'total_reports_ma',
];

/** The list-valued fields ('Name, n; Name, n'). */
export const PRISMA_LIST_FIELDS = [
  'database_specific_results',
  'register_specific_results',
  'dbr_excluded',
  'other_excluded',
] as const satisfies readonly PrismaCountField[];

/** One arithmetic check between boxes of the diagram. */
export type PrismaCheck = {
  id: string;
  description: string;
  /** '=' for box equations, '>=' for "reports of included studies >= studies". */
  relation: '=' | '>=';
  left: number;
  right: number;
  holds: boolean;
};
