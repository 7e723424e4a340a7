import { defuseFormula, quoteCsvField } from '@/lib/domain/exporters/csv';
import { PRISMA_COUNT_FIELDS } from './types';
import type { PrismaCountField, PrismaCounts } from './types';

/**
 * The rows of the PRISMA2020 R package's CSV template (inst/extdata/PRISMA.csv,
 * a copy of which is in shared/data/prisma/), without the `n` column:
 * data, node, box, description, boxtext, tooltips, url. Reproduced so that an
 * export from Tandem loads straight into PRISMA2020::PRISMA_data() or the
 * PRISMA2020 Shiny app. Template: Copyright 2026 Neal R Haddaway, MIT licence
 * (permission notice in shared/data/prisma/PRISMA2020_LICENSE.md).
 */
const TEMPLATE_ROWS: readonly (readonly [string, string, string, string, string, string, string])[] = [
  ['NA', 'node4', 'prevstud', 'Grey title box; Previous studies', 'Previous studies', 'Grey title box; Previous studies', 'prevstud.html'],
  ['previous_studies', 'node5', 'box1', 'Studies included in previous version of review', 'Studies included in previous version of review', 'Studies included in previous version of review', 'previous_studies.html'],
  ['previous_reports', 'NA', 'box1', 'Reports of studies included in previous version of review', 'Reports of studies included in previous version of review', 'NA', 'previous_reports.html'],
  ['NA', 'node6', 'newstud', 'Yellow title box; Identification of new studies via databases and registers', 'Identification of new studies via databases and registers', 'Yellow title box; Identification of new studies via databases and registers', 'newstud.html'],
  ['database_results', 'node7', 'box2', 'Records identified from: Databases', 'Databases', 'Records identified from: Databases and Registers', 'database_results.html'],
  ['database_specific_results', 'NA', 'box2', 'Records identified from: specific databases', 'Specific Databases', 'NA', 'database_results.html'],
  ['register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA'],
  ['register_specific_results', 'NA', 'box2', 'Records identified from: specific registers', 'Specific Registers', 'NA', 'database_results.html'],
  ['NA', 'node16', 'othstud', 'Grey title box; Identification of new studies via other methods', 'Identification of new studies via other methods', 'Grey title box; Identification of new studies via other methods', 'othstud.html'],
  ['website_results', 'node17', 'box11', 'Records identified from: Websites', 'Websites', 'Records identified from: Websites, Organisations and Citation Searching', 'website_results.html'],
  ['organisation_results', '', 'box11', 'Records identified from: Organisations', 'Organisations', 'NA', 'NA'],
  ['citations_results', 'NA', 'box11', 'Records identified from: Citation searching', 'Citation searching', 'NA', 'NA'],
  ['duplicates', 'node8', 'box3', 'Duplicate records', 'Duplicate records', 'Duplicate records', 'duplicates.html'],
  ['excluded_automatic', 'NA', 'box3', 'Records marked as ineligible by automation tools', 'Records marked as ineligible by automation tools', 'NA', 'NA'],
  ['excluded_other', 'NA', 'box3', 'Records removed for other reasons', 'Records removed for other reasons', 'NA', 'NA'],
  ['records_screened', 'node9', 'box4', 'Records screened (databases and registers)', 'Records screened', 'Records screened (databases and registers)', 'records_screened.html'],
  ['records_excluded', 'node10', 'box5', 'Records excluded (databases and registers)', 'Records excluded', 'Records excluded (databases and registers)', 'records_excluded.html'],
  ['dbr_sought_reports', 'node11', 'box6', 'Reports sought for retrieval (databases and registers)', 'Reports sought for retrieval', 'Reports sought for retrieval (databases and registers)', 'dbr_sought_reports.html'],
  ['dbr_notretrieved_reports', 'node12', 'box7', 'Reports not retrieved (databases and registers)', 'Reports not retrieved', 'Reports not retrieved (databases and registers)', 'dbr_notretrieved_reports.html'],
  ['other_sought_reports', 'node18', 'box12', 'Reports sought for retrieval (other)', 'Reports sought for retrieval', 'Reports sought for retrieval (other)', 'other_sought_reports.html'],
  ['other_notretrieved_reports', 'node19', 'box13', 'Reports not retrieved (other)', 'Reports not retrieved', 'Reports not retrieved (other)', 'other_notretrieved_reports.html'],
  ['dbr_assessed', 'node13', 'box8', 'Reports assessed for eligibility (databases and registers)', 'Reports assessed for eligibility', 'Reports assessed for eligibility (databases and registers)', 'dbr_assessed.html'],
  ['dbr_excluded', 'node14', 'box9', 'Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]', 'Reports excluded', 'Reports excluded (databases and registers)', 'dbrexcludedrecords.html'],
  ['other_assessed', 'node20', 'box14', 'Reports assessed for eligibility (other)', 'Reports assessed for eligibility', 'Reports assessed for eligibility (other)', 'other_assessed.html'],
  ['other_excluded', 'node21', 'box15', 'Reports excluded (other): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]', 'Reports excluded', 'Reports excluded (other)', 'other_excluded.html'],
  ['new_studies', 'node15', 'box10', 'New studies included in review', 'New studies included in review', 'New studies included in review', 'new_studies.html'],
  ['new_reports', 'NA', 'box10', 'Reports of new included studies', 'Reports of new included studies', 'NA', 'NA'],
  ['total_studies', 'node22', 'box16', 'Total studies included in review', 'Total studies included in review', 'Total studies included in review', 'total_studies.html'],
  ['total_reports', 'NA', 'box16', 'Reports of total included studies', 'Reports of total included studies', 'NA', 'NA'],
  ['identification', 'node1', 'identification', 'Blue identification box', 'Identification', 'Blue identification box', 'identification.html'],
  ['screening', 'node2', 'screening', 'Blue screening box', 'Screening', 'Blue screening box', 'screening.html'],
  ['included', 'node3', 'included', 'Blue included box', 'Included', 'Blue included box', 'included.html'],
  ['total_studies_ma', 'node23', 'box17', 'Total studies included in meta-analysis', 'Total studies included in meta-analysis', 'Total studies included in meta-analysis', 'total_studies_meta_analysis.html'],
  ['total_reports_ma', 'NA', 'box17', 'Reports of total included studies in meta-analysis', 'Reports of total included studies in meta-analysis', 'NA', 'NA'],
];

/** The template's column names. */
export const PRISMA_CSV_COLUMNS = ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'] as const;

/** The template's `data` column, row by row ('NA' for title rows), for tests and importers. */
export const PRISMA_CSV_DATA_FIELDS: readonly string[] = TEMPLATE_ROWS.map((row) => row[0]);

const COUNT_FIELDS = new Set<string>(PRISMA_COUNT_FIELDS);

function isCountField(field: string): field is PrismaCountField {
  return COUNT_FIELDS.has(field);
}


/**
 * Writes counts as a CSV in the PRISMA2020 template's layout: the same
 * columns and rows in the same order, with our numbers in `n`. Title and
 * phase-label rows keep the template's 0. Lines end in CRLF, as in the template.
 */
export function prismaCsv(counts: PrismaCounts): string {
  const lines = [PRISMA_CSV_COLUMNS.join(',')];
  for (const row of TEMPLATE_ROWS) {
    const field = row[0];
    const n = isCountField(field) ? counts[field] : 0;
    // A reason or database name starting with =, +, -, @ would run as a formula in a spreadsheet.
    const cell = typeof n === 'number' ? String(n) : defuseFormula(n);
    // Quoted only where RFC 4180 requires it, which is exactly how the template is written.
    lines.push([...row, cell].map(quoteCsvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
