import { sumPrismaList } from './counts';
import type { PrismaCheck, PrismaCounts } from './types';

function equal(id: string, description: string, left: number, right: number): PrismaCheck {
  return { id, description, relation: '=', left, right, holds: left === right };
}

function atLeast(id: string, description: string, left: number, right: number): PrismaCheck {
  return { id, description, relation: '>=', left, right, holds: left >= right };
}

/**
 * The arithmetic between the boxes of a PRISMA 2020 flow diagram, as listed
 * under "conventional consistency checks" in shared/data/prisma/
 * prisma2020_flow_boxes.json (PRISMA does not mandate them, but a diagram
 * that fails one will be queried by reviewers and editors), plus the sums
 * that tie per-source lists and updated-review totals to their boxes. Each
 * check says what it compares; `left` is the value computed from the boxes
 * upstream, `right` the box it should equal. Every check is always returned,
 * so a report can show the ones that hold as well as the ones that fail.
 *
 * Reports of included studies are compared with assessed minus excluded
 * reports from both columns, because "Reports of included studies" is the
 * shared box that both columns flow into.
 */
export function checkPrismaArithmetic(counts: PrismaCounts): PrismaCheck[] {
  const dbrExcluded = sumPrismaList(counts.dbr_excluded);
  const otherExcluded = sumPrismaList(counts.other_excluded);
  return [
    equal(
      'database_specific_results',
      'Records identified per database add up to records identified from databases',
      sumPrismaList(counts.database_specific_results),
      counts.database_results,
    ),
    equal(
      'register_specific_results',
      'Records identified per register add up to records identified from registers',
      sumPrismaList(counts.register_specific_results),
      counts.register_results,
    ),
    equal(
      'records_screened',
      'Records identified (databases + registers) - duplicates - marked ineligible by automation - removed for other reasons = records screened',
      counts.database_results + counts.register_results - counts.duplicates - counts.excluded_automatic - counts.excluded_other,
      counts.records_screened,
    ),
    equal(
      'dbr_sought_reports',
      'Records screened - records excluded = reports sought for retrieval',
      counts.records_screened - counts.records_excluded,
      counts.dbr_sought_reports,
    ),
    equal(
      'dbr_assessed',
      'Reports sought for retrieval - reports not retrieved = reports assessed for eligibility (databases and registers)',
      counts.dbr_sought_reports - counts.dbr_notretrieved_reports,
      counts.dbr_assessed,
    ),
    equal(
      'other_assessed',
      'Reports sought for retrieval - reports not retrieved = reports assessed for eligibility (other methods)',
      counts.other_sought_reports - counts.other_notretrieved_reports,
      counts.other_assessed,
    ),
    equal(
      'new_reports',
      'Reports assessed - reports excluded (all reasons), over both columns = reports of included studies',
      counts.dbr_assessed - dbrExcluded + counts.other_assessed - otherExcluded,
      counts.new_reports,
    ),
    atLeast(
      'new_reports_vs_studies',
      'Reports of new included studies >= new studies included (one study may have several reports)',
      counts.new_reports,
      counts.new_studies,
    ),
    equal(
      'total_studies',
      'Studies included in the previous version + new studies = total studies included',
      counts.previous_studies + counts.new_studies,
      counts.total_studies,
    ),
    equal(
      'total_reports',
      'Reports of studies in the previous version + reports of new studies = reports of total included studies',
      counts.previous_reports + counts.new_reports,
      counts.total_reports,
    ),
    atLeast(
      'total_reports_vs_studies',
      'Reports of total included studies >= total studies included',
      counts.total_reports,
      counts.total_studies,
    ),
  ];
}
