import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { computePrismaCounts } from './counts';
import { PRISMA_CSV_COLUMNS, PRISMA_CSV_DATA_FIELDS, prismaCsv } from './csv';
import { consistentSnapshot, emptySnapshot } from './test-fixtures';
import { PRISMA_COUNT_FIELDS } from './types';
import type { PrismaCounts } from './types';

type CsvRow = Record<(typeof PRISMA_CSV_COLUMNS)[number], string>;
const parseCsv = (text: string) => parse(text, { columns: true }) as CsvRow[];

describe.skipIf(!hasSharedData)('prismaCsv against the shared PRISMA2020 template', () => {
  const templateText = readFileSync(sharedDataPath('prisma', 'PRISMA2020_PRISMA.csv'), 'utf8');
  const template = parseCsv(templateText);

  it('has the template header and the same data fields in the same order', () => {
    const produced = prismaCsv(computePrismaCounts(consistentSnapshot()));
    expect(produced.split('\r\n')[0]).toBe(templateText.split(/\r?\n/)[0]);
    expect(parseCsv(produced).map((row) => row.data)).toEqual(template.map((row) => row.data));
    expect(PRISMA_CSV_DATA_FIELDS).toEqual(template.map((row) => row.data));
  });

  it('keeps every template column but n unchanged, row by row', () => {
    const produced = parseCsv(prismaCsv(computePrismaCounts(consistentSnapshot())));
    produced.forEach((row, index) => {
      const { n: _ignored, ...rest } = row;
      const { n: _templateN, ...templateRest } = template[index];
      expect(rest).toEqual(templateRest);
    });
  });

  it('given the template’s own n values, reproduces the template byte for byte (bar the final line break)', () => {
    const templateN = Object.fromEntries(template.map((row) => [row.data, row.n]));
    const counts = Object.fromEntries(
      PRISMA_COUNT_FIELDS.map((field) => [field, /^\d+$/.test(templateN[field]) ? Number(templateN[field]) : templateN[field]]),
    ) as PrismaCounts;
    expect(prismaCsv(counts)).toBe(`${templateText}\r\n`);
  });
});

describe('prismaCsv', () => {
  it('puts our numbers in n and leaves title and phase rows at 0', () => {
    const counts = computePrismaCounts(consistentSnapshot());
    const rows = parseCsv(prismaCsv(counts));
    const n = Object.fromEntries(rows.filter((row) => row.data !== 'NA').map((row) => [row.data, row.n]));
    for (const field of PRISMA_COUNT_FIELDS) expect(n[field]).toBe(String(counts[field]));
    expect(n.database_specific_results).toBe('MEDLINE, 800; Embase, 500');
    expect(n.identification).toBe('0');
    expect(rows.filter((row) => row.data === 'NA').every((row) => row.n === '0')).toBe(true);
  });

  it('quotes list cells and ends lines with CRLF', () => {
    const csv = prismaCsv(computePrismaCounts(consistentSnapshot()));
    expect(csv).toContain(',"Wrong population, 40; Wrong study design, 30; Not in English, 15"\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(PRISMA_CSV_DATA_FIELDS.length + 2);
  });

  it('zero everything: empty lists are empty cells', () => {
    const rows = parseCsv(prismaCsv(computePrismaCounts(emptySnapshot())));
    expect(rows.find((row) => row.data === 'dbr_excluded')?.n).toBe('');
    expect(rows.find((row) => row.data === 'records_screened')?.n).toBe('0');
  });

  it('escapes quotes and defuses spreadsheet formulas in names', () => {
    const snapshot = emptySnapshot();
    snapshot.sources = [{ kind: 'database', name: '=HYPERLINK("http://x")', recordsIdentified: 1 }];
    const csv = prismaCsv(computePrismaCounts(snapshot));
    expect(csv).toContain(',"\'=HYPERLINK(""http://x""), 1"\r\n');
    expect(parseCsv(csv).find((row) => row.data === 'database_specific_results')?.n).toBe('\'=HYPERLINK("http://x"), 1');
  });
});
