import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { computePrismaCounts, formatPrismaList, parsePrismaList, sanitizePrismaListName, sumPrismaList } from './counts';
import { consistentSnapshot, emptySnapshot } from './test-fixtures';
import { PRISMA_COUNT_FIELDS, PRISMA_LIST_FIELDS } from './types';

describe.skipIf(!hasSharedData)('count fields against the PRISMA2020 CSV template', () => {
  const rows = parse(readFileSync(sharedDataPath('prisma', 'PRISMA2020_PRISMA.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  // Title rows have data = NA; the three phase-label rows name a box but hold no count.
  const phaseLabels = new Set(['identification', 'screening', 'included']);
  const templateFields = rows.map((row) => row.data).filter((field) => field !== 'NA' && !phaseLabels.has(field));

  it('computePrismaCounts returns exactly the template fields, in the template order', () => {
    expect(Object.keys(computePrismaCounts(consistentSnapshot()))).toEqual(templateFields);
    expect(Object.keys(computePrismaCounts(emptySnapshot()))).toEqual(templateFields);
    expect(PRISMA_COUNT_FIELDS).toEqual(templateFields);
  });

  it('list fields are exactly the template rows whose n is a "Name, xxx; ..." list', () => {
    const listRows = rows.filter((row) => row.n.includes(',')).map((row) => row.data);
    expect([...PRISMA_LIST_FIELDS]).toEqual(listRows);
  });
});

describe('computePrismaCounts', () => {
  it('sums sources per kind and merges equal names, keeping first-seen order', () => {
    const counts = computePrismaCounts(consistentSnapshot());
    expect(counts.database_results).toBe(1300);
    expect(counts.database_specific_results).toBe('MEDLINE, 800; Embase, 500');
    expect(counts.register_results).toBe(40);
    expect(counts.register_specific_results).toBe('ClinicalTrials.gov, 40');
    expect(counts.citations_results).toBe(12);
    expect(counts.website_results).toBe(3);
    expect(counts.organisation_results).toBe(0);
  });

  it('takes every other box as counted', () => {
    expect(computePrismaCounts(consistentSnapshot())).toMatchObject({
      duplicates: 300,
      excluded_automatic: 20,
      excluded_other: 20,
      records_screened: 1000,
      records_excluded: 880,
      dbr_sought_reports: 120,
      dbr_notretrieved_reports: 5,
      dbr_assessed: 115,
      dbr_excluded: 'Wrong population, 40; Wrong study design, 30; Not in English, 15',
      other_sought_reports: 15,
      other_notretrieved_reports: 2,
      other_assessed: 13,
      other_excluded: 'Wrong setting, 8',
      new_studies: 30,
      new_reports: 35,
      previous_studies: 0,
      previous_reports: 0,
      total_studies: 30,
      total_reports: 35,
      total_studies_ma: 0,
      total_reports_ma: 0,
    });
  });

  it('adds the previous version for an updated review', () => {
    const counts = computePrismaCounts({ ...consistentSnapshot(), previous: { studies: 12, reports: 15 } });
    expect(counts).toMatchObject({ previous_studies: 12, previous_reports: 15, total_studies: 42, total_reports: 50 });
  });

  it('carries meta-analysis counts when given', () => {
    const counts = computePrismaCounts({ ...consistentSnapshot(), metaAnalysis: { studies: 9, reports: 10 } });
    expect(counts).toMatchObject({ total_studies_ma: 9, total_reports_ma: 10 });
  });

  it('zero everything: all numbers 0 and all lists empty', () => {
    const counts = computePrismaCounts(emptySnapshot());
    for (const field of PRISMA_COUNT_FIELDS) {
      expect(counts[field]).toBe((PRISMA_LIST_FIELDS as readonly string[]).includes(field) ? '' : 0);
    }
  });

  it('no exclusion reasons gives an empty list', () => {
    expect(computePrismaCounts(emptySnapshot()).dbr_excluded).toBe('');
  });

  it('merges reasons whose names become equal once made list-safe', () => {
    const snapshot = consistentSnapshot();
    snapshot.fullText = {
      ...snapshot.fullText,
      reportsExcluded: [
        { reason: 'Wrong population; adults', count: 2 },
        { reason: 'Wrong population, adults', count: 3 },
      ],
    };
    expect(computePrismaCounts(snapshot).dbr_excluded).toBe('Wrong population / adults, 5');
  });

  it.each([
    [{ duplicatesRemoved: -1 }, /duplicatesRemoved/],
    [{ duplicatesRemoved: 1.5 }, /duplicatesRemoved/],
    [{ titleAbstract: { recordsScreened: Number.NaN, recordsExcluded: 0 } }, /titleAbstract\.recordsScreened/],
    [{ sources: [{ kind: 'database' as const, name: 'Scopus', recordsIdentified: -3 }] }, /sources\[0\] \(Scopus\)/],
    [{ included: { studies: 1, reports: -1 } }, /included\.reports/],
  ])('refuses a bad count and names the field (%o)', (patch, message) => {
    expect(() => computePrismaCounts({ ...emptySnapshot(), ...patch })).toThrow(message);
    expect(() => computePrismaCounts({ ...emptySnapshot(), ...patch })).toThrow(RangeError);
  });

  it('refuses a bad reason count, naming the reason', () => {
    const snapshot = emptySnapshot();
    snapshot.fullText = { ...snapshot.fullText, reportsExcluded: [{ reason: 'Not in English', count: -2 }] };
    expect(() => computePrismaCounts(snapshot)).toThrow(/fullText\.reportsExcluded\[0\] \(Not in English\)/);
  });
});

describe('PRISMA list format', () => {
  it('formats and parses the template format', () => {
    expect(formatPrismaList([{ name: 'Medline', count: 12525 }, { name: 'PsycINFO', count: 3 }])).toBe('Medline, 12525; PsycINFO, 3');
    expect(parsePrismaList('Medline, 12525; PsycINFO, 3')).toEqual([
      { name: 'Medline', count: 12525 },
      { name: 'PsycINFO', count: 3 },
    ]);
    expect(formatPrismaList([])).toBe('');
    expect(parsePrismaList('')).toEqual([]);
    expect(parsePrismaList('  ')).toEqual([]);
  });

  it('parses like the R package: thousands separators, no space after ;, placeholders', () => {
    expect(parsePrismaList('Medline, 12,525;Embase,7')).toEqual([
      { name: 'Medline', count: 12525 },
      { name: 'Embase', count: 7 },
    ]);
    expect(parsePrismaList('Reason1, xxx; Reason2, xxx')).toEqual([
      { name: 'Reason1', count: 0 },
      { name: 'Reason2', count: 0 },
    ]);
    expect(sumPrismaList('a, 1; b, 2; c, 3')).toBe(6);
  });

  it('makes names list-safe', () => {
    expect(sanitizePrismaListName('Wrong population; children, adolescents')).toBe('Wrong population / children / adolescents');
    expect(sanitizePrismaListName(' Line\nbreak\t ')).toBe('Line break');
    expect(sanitizePrismaListName(' ; ')).toBe('/');
    expect(sanitizePrismaListName('   ')).toBe('Unnamed');
  });

  it('property: parse(format(entries)) gives back the list-safe names and counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ maxLength: 20 }), count: fc.nat({ max: 1_000_000 }) }), { maxLength: 8 }),
        (entries) => {
          const parsed = parsePrismaList(formatPrismaList(entries));
          expect(parsed).toEqual(entries.map((entry) => ({ name: sanitizePrismaListName(entry.name), count: entry.count })));
        },
      ),
    );
  });
});
