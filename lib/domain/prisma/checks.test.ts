import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { checkPrismaArithmetic } from './checks';
import { computePrismaCounts } from './counts';
import { consistentSnapshot, emptySnapshot } from './test-fixtures';
import type { PrismaCheck, PrismaSnapshot } from './types';

const failing = (checks: PrismaCheck[]) => checks.filter((check) => !check.holds).map((check) => check.id);
const byId = (checks: PrismaCheck[], id: string) => checks.find((check) => check.id === id);

const ALL_CHECK_IDS = [
  'database_specific_results',
  'register_specific_results',
  'records_screened',
  'dbr_sought_reports',
  'dbr_assessed',
  'other_assessed',
  'new_reports',
  'new_reports_vs_studies',
  'total_studies',
  'total_reports',
  'total_reports_vs_studies',
];

describe('checkPrismaArithmetic', () => {
  it('returns every check, each with a description, in a fixed order', () => {
    const checks = checkPrismaArithmetic(computePrismaCounts(consistentSnapshot()));
    expect(checks.map((check) => check.id)).toEqual(ALL_CHECK_IDS);
    for (const check of checks) expect(check.description.length).toBeGreaterThan(10);
  });

  it('all checks hold for consistent data', () => {
    const checks = checkPrismaArithmetic(computePrismaCounts(consistentSnapshot()));
    expect(failing(checks)).toEqual([]);
    expect(byId(checks, 'records_screened')).toMatchObject({ left: 1000, right: 1000, relation: '=' });
    // (115 - 85) + (13 - 8) = 35 reports of included studies
    expect(byId(checks, 'new_reports')).toMatchObject({ left: 35, right: 35 });
  });

  it('all checks hold when everything is zero', () => {
    expect(failing(checkPrismaArithmetic(computePrismaCounts(emptySnapshot())))).toEqual([]);
  });

  it.each<[string, (snapshot: PrismaSnapshot) => void, string[]]>([
    ['more duplicates removed', (s) => void (s.duplicatesRemoved = 301), ['records_screened']],
    ['a screened record not excluded nor sought', (s) => void (s.titleAbstract.recordsExcluded = 879), ['dbr_sought_reports']],
    ['a report neither assessed nor not retrieved', (s) => void (s.fullText.reportsNotRetrieved = 4), ['dbr_assessed']],
    ['other methods not adding up', (s) => void (s.otherMethods = { ...s.otherMethods!, reportsAssessed: 14 }), ['other_assessed', 'new_reports']],
    ['an excluded report missing from the reasons', (s) => void (s.fullText.reportsExcluded = s.fullText.reportsExcluded.slice(1)), ['new_reports']],
    ['more studies than reports', (s) => void (s.included = { studies: 36, reports: 35 }), ['new_reports_vs_studies', 'total_reports_vs_studies']],
  ])('catches %s', (_label, mutate, expected) => {
    const snapshot = consistentSnapshot();
    mutate(snapshot);
    expect(failing(checkPrismaArithmetic(computePrismaCounts(snapshot)))).toEqual(expected);
  });

  it('checks per-source lists and updated-review totals on counts from elsewhere (e.g. an imported CSV)', () => {
    const counts = {
      ...computePrismaCounts(consistentSnapshot()),
      database_specific_results: 'MEDLINE, 800; Embase, 499',
      register_specific_results: 'ClinicalTrials.gov, 1,040',
      total_studies: 31,
      total_reports: 34,
    };
    const checks = checkPrismaArithmetic(counts);
    expect(failing(checks)).toEqual(['database_specific_results', 'register_specific_results', 'total_studies', 'total_reports']);
    expect(byId(checks, 'database_specific_results')).toMatchObject({ left: 1299, right: 1300, holds: false });
  });

  it('a ">=" check holds on equality and above', () => {
    const counts = computePrismaCounts({ ...emptySnapshot(), included: { studies: 2, reports: 3 } });
    expect(byId(checkPrismaArithmetic(counts), 'new_reports_vs_studies')).toMatchObject({ relation: '>=', left: 3, right: 2, holds: true });
  });
});

type SeedCounts = { prisma: { identified: number; screened_after_dedup: number; included: number } };

describe.skipIf(!hasSharedData)('golden: the seed review (BMC Health Services Research 2024, PMID 38408938)', () => {
  const seed = JSON.parse(readFileSync(sharedDataPath('frameworks', 'seed-review-reported-counts.json'), 'utf8')) as SeedCounts;
  const { identified, screened_after_dedup: screened, included } = seed.prisma;

  // The paper reports three numbers. Duplicates removed is their difference;
  // the per-database split and the full-text boxes are not in the shared data,
  // and one report per included study is assumed.
  const reported: PrismaSnapshot = {
    sources: [{ kind: 'database', name: 'Six databases (split not reported)', recordsIdentified: identified }],
    duplicatesRemoved: identified - screened,
    titleAbstract: { recordsScreened: screened, recordsExcluded: 0 },
    fullText: { reportsSought: 0, reportsNotRetrieved: 0, reportsAssessed: 0, reportsExcluded: [] },
    included: { studies: included, reports: included },
  };

  it('has the published totals', () => {
    expect([identified, screened, included]).toEqual([12525, 6963, 81]);
  });

  it('derives the identification and included fields', () => {
    expect(computePrismaCounts(reported)).toMatchObject({
      database_results: 12525,
      database_specific_results: 'Six databases (split not reported), 12525',
      register_results: 0,
      duplicates: 5562,
      records_screened: 6963,
      new_studies: 81,
      total_studies: 81,
    });
  });

  it('identification adds up; only the checks needing unreported full-text numbers fail', () => {
    const checks = checkPrismaArithmetic(computePrismaCounts(reported));
    expect(byId(checks, 'records_screened')).toMatchObject({ left: 6963, right: 6963, holds: true });
    expect(failing(checks)).toEqual(['dbr_sought_reports', 'new_reports']);
    expect(byId(checks, 'dbr_sought_reports')).toMatchObject({ left: 6963, right: 0 });
    expect(byId(checks, 'new_reports')).toMatchObject({ left: 0, right: 81 });
  });

  it('completed with illustrative (not published) full-text numbers, every check holds', () => {
    const completed: PrismaSnapshot = {
      ...reported,
      titleAbstract: { recordsScreened: screened, recordsExcluded: 6700 },
      fullText: {
        reportsSought: 263,
        reportsNotRetrieved: 7,
        reportsAssessed: 256,
        reportsExcluded: [
          { reason: 'Wrong population', count: 60 },
          { reason: 'Wrong phenomenon of interest', count: 70 },
          { reason: 'Wrong study design', count: 45 },
        ],
      },
    };
    const checks = checkPrismaArithmetic(computePrismaCounts(completed));
    expect(failing(checks)).toEqual([]);
    expect(byId(checks, 'new_reports')).toMatchObject({ left: 81, right: 81 });
  });
});
