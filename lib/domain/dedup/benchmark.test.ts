/**
 * The three de-duplication benchmark sets of Rathbone et al. (2015), as
 * distributed by bib-dedupe (shared data, dedup/). Floors are bib-dedupe's
 * published true positives; no automatic merge may be wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../../../tests/support/shared-data';
import { parseBenchmarkGroups, parseBenchmarkRecords } from './benchmark-csv';
import { evaluateDedup } from './evaluate';
import { findDuplicates } from './find-duplicates';

const SETS = [
  { name: 'respiratory', records: 1988, trueDuplicates: 436, bibDedupe: 408 },
  { name: 'cytology_screening', records: 1856, trueDuplicates: 772, bibDedupe: 766 },
  { name: 'haematology', records: 1415, trueDuplicates: 135, bibDedupe: 120 },
] as const;

describe.skipIf(!hasSharedData)('de-duplication benchmark sets', () => {
  for (const set of SETS) {
    it(`${set.name}: no wrong automatic merge, recall at least bib-dedupe's ${set.bibDedupe}`, () => {
      const records = parseBenchmarkRecords(readFileSync(sharedDataPath('dedup', set.name, 'records_pre_merged.csv'), 'utf8'));
      const truth = parseBenchmarkGroups(readFileSync(sharedDataPath('dedup', set.name, 'merged_record_ids.csv'), 'utf8'));
      expect(records).toHaveLength(set.records);
      const evaluation = evaluateDedup(truth, findDuplicates(records));
      expect(evaluation.trueDuplicates).toBe(set.trueDuplicates);
      expect(evaluation.auto.falsePairs).toBe(0);
      expect(evaluation.auto.falsePositives).toBe(0);
      expect(evaluation.combined.truePositives).toBeGreaterThanOrEqual(set.bibDedupe);
      // The queue is for a person: it must stay a small fraction of the records.
      expect(evaluation.queued.pairs).toBeLessThan(set.records * 0.03);
    });
  }
});

describe('evaluateDedup', () => {
  it('counts removed records the way bib-dedupe does', () => {
    const truth = [
      ['a', 'b', 'c'],
      ['d', 'e'],
    ];
    const result = {
      groups: [
        ['a', 'b', 'x'],
        ['d', 'e'],
      ],
      queued: [
        { a: 'c', b: 'a', score: 0.6, reasons: [] },
        { a: 'y', b: 'z', score: 0.5, reasons: [] },
      ],
    };
    const evaluation = evaluateDedup(truth, result);
    expect(evaluation.trueDuplicates).toBe(3);
    expect(evaluation.auto).toEqual({ truePositives: 2, falsePositives: 1, falsePairs: 2 });
    expect(evaluation.queued).toEqual({ pairs: 2, truePairs: 1, falsePairs: 1, extraTruePositives: 1 });
    expect(evaluation.combined).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 0 });
    expect(evaluation.combined.precision).toBeCloseTo(0.75);
  });
});
