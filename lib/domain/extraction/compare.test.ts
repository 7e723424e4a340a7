import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExtractions, comparisonKey, suggestConsensus } from './compare';
import { canStartExtraction, studyExtractionStatus } from './status';
import { median, summariseExtractions, type FinalExtraction } from './summary';
import { buildCharacteristicsTable, characteristicsCsv, csvCell } from './table';
import type { ExtractionField } from './types';

const fields: ExtractionField[] = [
  { id: 'n', label: 'Sample size', type: 'number', unit: 'participants', required: true },
  { id: 'pop', label: 'Population', type: 'short_text', required: false },
  { id: 'tech', label: 'Technology', type: 'multiple_choice', required: false, options: [{ id: 'app', label: 'App' }, { id: 'web', label: 'Web' }] },
  { id: 'country', label: 'Country', type: 'country', allowMultiple: true, required: false },
  { id: 'guided', label: 'Guided', type: 'yes_no_unclear', required: false },
  { id: 'notes', label: 'Notes', type: 'long_text', required: false },
];

describe('[EXTRACTION] comparing two extractors', () => {
  it('marks each field agree, differ, missing or empty, with normalisation', () => {
    const a = { n: '12', pop: '  Adult   patients ', tech: ['web', 'app'], country: ['GB'], guided: 'yes' };
    const b = { n: 12.0, pop: 'adult patients', tech: ['app', 'web'], country: ['FR'], notes: null };
    const result = compareExtractions(fields, [a, b]);
    expect(result.fields.map((f) => [f.fieldId, f.status])).toEqual([
      ['n', 'agree'],
      ['pop', 'agree'],
      ['tech', 'agree'],
      ['country', 'differ'],
      ['guided', 'missing'],
      ['notes', 'empty'],
    ]);
    expect(result.counts).toEqual({ agree: 3, differ: 1, missing: 1, empty: 1 });
    expect(result.agreement).toBeCloseTo(3 / 5);
  });

  it('treats "12" and "12.0" as one number and different numbers as different', () => {
    expect(comparisonKey(fields[0], '12')).toBe(comparisonKey(fields[0], '12.0'));
    expect(comparisonKey(fields[0], 12)).not.toBe(comparisonKey(fields[0], 12.5));
    expect(comparisonKey(fields[0], '')).toBeNull();
  });

  it('is symmetric and agrees with itself (property)', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 50 }).map(String), fc.integer({ min: 0, max: 50 }));
    fc.assert(
      fc.property(value, value, (x, y) => {
        const ab = compareExtractions([fields[0]], [{ n: x }, { n: y }]).fields[0].status;
        const ba = compareExtractions([fields[0]], [{ n: y }, { n: x }]).fields[0].status;
        expect(ab).toBe(ba);
        expect(['agree', 'empty']).toContain(compareExtractions([fields[0]], [{ n: x }, { n: x }]).fields[0].status);
      }),
    );
  });

  it('suggests the agreed values as the starting consensus', () => {
    expect(suggestConsensus(fields, [{ n: 12, country: ['GB'], pop: 'A' }, { n: '12.0', country: ['FR'], pop: 'a' }])).toEqual({ n: 12, pop: 'A' });
    expect(suggestConsensus(fields, [{ n: 3, guided: 'no' }])).toEqual({ n: 3, guided: 'no' });
  });

  it('has no agreement figure when nothing was answered', () => {
    expect(compareExtractions(fields, [{}, {}]).agreement).toBeNull();
  });
});

describe('[EXTRACTION] study status', () => {
  const a = { extractorId: 'a', isComplete: true };
  const b = { extractorId: 'b', isComplete: false };
  it('follows the extractions and the consensus', () => {
    expect(studyExtractionStatus([], 2, false)).toBe('not_started');
    expect(studyExtractionStatus([a, b], 2, false)).toBe('in_progress');
    expect(studyExtractionStatus([a], 1, false)).toBe('ready_for_consensus');
    expect(studyExtractionStatus([a, { ...b, isComplete: true }], 2, false)).toBe('ready_for_consensus');
    expect(studyExtractionStatus([b], 2, true)).toBe('finalised');
  });
  it('lets a third person in only when a slot is free', () => {
    expect(canStartExtraction([a, b], 'c', 2, false)).toBe(false);
    expect(canStartExtraction([a, b], 'b', 2, false)).toBe(true);
    expect(canStartExtraction([a], 'c', 2, false)).toBe(true);
    expect(canStartExtraction([a], 'c', 1, false)).toBe(false);
    expect(canStartExtraction([], 'c', 2, true)).toBe(false);
  });
});

describe('[EXTRACTION] summary counts', () => {
  const v1Tech: ExtractionField = { id: 'tech', label: 'Technology', type: 'multiple_choice', required: false, options: [{ id: 'app', label: 'Smartphone app' }, { id: 'vr', label: 'VR' }] };
  const finals: FinalExtraction[] = [
    { fields, values: { n: 10, tech: ['app'], country: ['GB', 'AU'], guided: 'yes' } },
    { fields, values: { n: 30, tech: ['app', 'web'], country: ['GB'] } },
    { fields, values: { n: 21, country: ['NZ'], guided: 'yes' } },
    { fields: [fields[0], v1Tech], values: { n: 5, tech: ['vr', 'app'] } },
  ];
  const summary = summariseExtractions(fields, finals);

  it('counts categories, a multi-country study under each country, most frequent first', () => {
    const country = summary.find((s) => s.fieldId === 'country');
    expect(country).toEqual({
      kind: 'categories',
      fieldId: 'country',
      label: 'Country',
      answered: 3,
      notReported: 1,
      categories: [
        { key: 'GB', label: 'United Kingdom', count: 2 },
        { key: 'AU', label: 'Australia', count: 1 },
        { key: 'NZ', label: 'New Zealand', count: 1 },
      ],
    });
    expect(summary.find((s) => s.fieldId === 'guided')).toMatchObject({ categories: [{ key: 'yes', label: 'Yes', count: 2 }], notReported: 2 });
  });

  it('labels an option by the current version, or by the old version when it was removed', () => {
    expect(summary.find((s) => s.fieldId === 'tech')).toMatchObject({
      answered: 3,
      categories: [
        { key: 'app', label: 'App', count: 3 },
        { key: 'vr', label: 'VR', count: 1 },
        { key: 'web', label: 'Web', count: 1 },
      ],
    });
  });

  it('gives numbers as median, range and total, and skips text fields', () => {
    expect(summary.find((s) => s.fieldId === 'n')).toEqual({
      kind: 'number',
      fieldId: 'n',
      label: 'Sample size',
      unit: 'participants',
      answered: 4,
      notReported: 0,
      median: 15.5,
      min: 5,
      max: 30,
      total: 66,
    });
    expect(summary.map((s) => s.fieldId)).toEqual(['n', 'tech', 'country', 'guided']);
    expect(median([3, 1, 2])).toBe(2);
    const year: ExtractionField = { id: 'year', label: 'Year', type: 'number', required: false };
    expect(summariseExtractions([year], [{ fields: [year], values: { year: 2020 } }, { fields: [year], values: { year: 2022 } }])[0]).toMatchObject({ median: 2021, total: null });
    expect(median([])).toBeNull();
  });
});

describe('[EXTRACTION] the characteristics table', () => {
  const renamed: ExtractionField[] = fields.map((f) => (f.id === 'tech' ? { ...f, label: 'Technology type', options: [{ id: 'app', label: 'Mobile app' }, { id: 'web', label: 'Website' }] } : f));
  const table = buildCharacteristicsTable(renamed, [
    { studyId: 's2', label: 'Young 2021', title: 'B, "quoted"', fields: renamed, values: { n: 8, tech: ['web'] } },
    { studyId: 's1', label: 'Adams et al. 2019', title: 'A study', fields, values: { n: 12, tech: ['app'], country: ['GB'], notes: '=SUM(A1)' } },
  ]);

  it('has one row per study, sorted by label, each cell with its own version’s labels', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['Study', 'Title', 'Sample size (participants)', 'Population', 'Technology type', 'Country', 'Guided', 'Notes']);
    expect(table.rows).toEqual([
      { studyId: 's1', cells: ['Adams et al. 2019', 'A study', '12 participants', '', 'App', 'United Kingdom', '', '=SUM(A1)'] },
      { studyId: 's2', cells: ['Young 2021', 'B, "quoted"', '8 participants', '', 'Website', '', '', ''] },
    ]);
  });

  it('writes CSV with quoting and defused formulas', () => {
    const csv = characteristicsCsv(table);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Study,Title,Sample size (participants),Population,Technology type,Country,Guided,Notes');
    expect(lines[1]).toBe("Adams et al. 2019,A study,12 participants,,App,United Kingdom,,'=SUM(A1)");
    expect(lines[2]).toBe('Young 2021,"B, ""quoted""",8 participants,,Website,,,');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('defuses formulas that start with a minus and a digit; only a whole plain number is left alone', () => {
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('-1+HYPERLINK("http://evil","x")')).toBe(`"'-1+HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('-1e3')).toBe("'-1e3");
    expect(csvCell('-0.5')).toBe('-0.5');
    expect(csvCell('42')).toBe('42');
    expect(csvCell('+12')).toBe("'+12");
  });
});
