import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { cleanForSimulation, simulate } from './simulate';
import type { SimulationRecord } from './types';

function readScreeningCsv(name: string): SimulationRecord[] {
  const rows: Record<string, string>[] = parse(readFileSync(sharedDataPath('screening', name), 'utf8'), {
    columns: true,
    bom: true,
  });
  return rows.map((row) => ({
    title: row.title,
    abstract: row.abstract,
    label: row.label_included === '1' ? 1 : 0,
    duplicateOf: row.duplicate_record_id || null,
  }));
}

describe('cleanForSimulation', () => {
  it('drops records without abstract, marked duplicates and repeated title+abstract', () => {
    const cleaned = cleanForSimulation<SimulationRecord>([
      { title: 'A', abstract: 'Text one.', label: 1 },
      { title: 'B', abstract: '  ', label: 0 },
      { title: 'a', abstract: 'Text  one', label: 1 },
      { title: 'C', abstract: 'Other.', label: 0, duplicateOf: '7' },
      { title: 'D', abstract: 'Kept.', label: 0, duplicateOf: '' },
    ]);
    expect(cleaned.records.map((r) => r.title)).toEqual(['A', 'D']);
    expect(cleaned.withoutAbstract).toBe(1);
    expect(cleaned.duplicates).toBe(2);
  });
});

describe('simulate (synthetic)', () => {
  it('finds well-separated includes first and reports perfect-ish metrics', () => {
    const records: SimulationRecord[] = Array.from({ length: 60 }, (_, i) => ({
      title: i < 6 ? `nudge physician reminder ${i}` : `soil bacteria crop ${i}`,
      abstract: i < 6 ? 'Nudges and reminders for physician prescribing.' : 'Rainfall and nitrogen in soil crops.',
      label: i < 6 ? 1 : 0,
    }));
    const result = simulate(records, { seed: 4, model: 'nb', clean: false });
    expect(result.records).toBe(60);
    expect(result.included).toBe(6);
    // After the 2 priors the 5 other includes come first: all found after 5 of 58.
    expect(result.sequence.slice(2, 7)).toEqual([1, 1, 1, 1, 1]);
    expect(result.wss100).toBeCloseTo((100 * 53) / 58, 6);
    expect(result.rrf10).toBe(100);
  });

  it('is deterministic for a seed', () => {
    const records: SimulationRecord[] = Array.from({ length: 30 }, (_, i) => ({
      title: `record ${i % 7} topic ${i % 3}`,
      abstract: `words ${i % 5} more ${i % 4}`,
      label: i % 5 === 0 ? 1 : 0,
    }));
    expect(simulate(records, { seed: 2, model: 'nb', clean: false }).sequence).toEqual(
      simulate(records, { seed: 2, model: 'nb', clean: false }).sequence,
    );
  });
});

describe.skipIf(!hasSharedData)('simulate on shared data', () => {
  it('reproduces the cleaned sizes of the ASReview study files (Nudging 1,839/100, ACE 2,214/40)', () => {
    const nudging = cleanForSimulation(readScreeningCsv('Nagtegaal_2019.csv'));
    expect(nudging.records.length).toBe(1839);
    expect(nudging.records.filter((r) => r.label === 1).length).toBe(100);
    expect(nudging.withoutAbstract).toBe(169);
    expect(nudging.duplicates).toBe(11);
    const ace = cleanForSimulation(readScreeningCsv('Cohen_2006_ACEInhibitors.csv'));
    expect(ace.records.length).toBe(2214);
    expect(ace.records.filter((r) => r.label === 1).length).toBe(40);
  });

  it('saves most of the work on Donners 2021 (250 records, 14 includes) with the default model', () => {
    const result = simulate(readScreeningCsv('Donners_2021.csv'), { seed: 1 });
    expect(result.records).toBe(250);
    expect(result.included).toBe(14);
    expect(result.wss95).toBeGreaterThan(60);
    expect(result.rrf10).toBeGreaterThan(50);
  });
});
