import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs, MAX_BLOCK_SIZE, NEIGHBOUR_WINDOW } from './blocking';
import { ConstrainedUnionFind } from './cluster';
import { findDuplicates } from './find-duplicates';
import { prepareRecord } from './prepare';
import type { DedupRecord } from './types';

function record(id: string, changes: Partial<DedupRecord> = {}): DedupRecord {
  return {
    id,
    title: 'Intrapleural streptokinase for pleural infection: a controlled trial',
    authors: ['Maskell, N. A.', 'Davies, C. W.', 'Nunn, A. J.'],
    year: 2005,
    journal: 'New England Journal of Medicine',
    volume: '352',
    issue: '9',
    pages: '865-874',
    doi: null,
    pmid: null,
    ...changes,
  };
}

const other = (id: string) =>
  record(id, { title: 'Talc pleurodesis in malignant effusion', authors: ['Dresler, C. M.'], year: 2005, volume: '127', pages: '909-915', journal: 'Chest' });

describe('candidatePairs (blocking)', () => {
  it('pairs records sharing a title, a first author and year, or volume and first page', () => {
    const records = [
      record('a'),
      record('b', { title: 'Intrapleural streptokinase for pleural infection: a controlled trial.' }),
      record('c', { title: 'U.K. trial of streptokinase', authors: ['Maskell, N.'] }),
      record('d', { title: 'Something else', authors: ['Other, A.'], year: 1999, volume: '352', pages: '865' }),
      other('e'),
    ].map((r, i) => prepareRecord(r, i, false));
    const pairs = candidatePairs(records).map(([i, j]) => `${records[i].id}${records[j].id}`);
    expect(pairs).toEqual(expect.arrayContaining(['ab', 'ac', 'ad']));
    expect(pairs.some((p) => p.includes('e'))).toBe(false);
  });

  it('does not pair two records that are both already in the project', () => {
    const records = [prepareRecord(record('a'), 0, true), prepareRecord(record('b'), 1, true), prepareRecord(record('c'), 2, false)];
    const pairs = candidatePairs(records);
    expect(pairs).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('keeps the number of pairs linear when a key is shared by very many records', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      prepareRecord(record(`r${i}`, { title: `Distinct study number ${i} of pleural disease`, pages: null, volume: null }), i, false),
    );
    // All share first author and year, a block far above MAX_BLOCK_SIZE.
    expect(many.length).toBeGreaterThan(MAX_BLOCK_SIZE);
    expect(candidatePairs(many).length).toBeLessThanOrEqual(many.length * NEIGHBOUR_WINDOW * 3);
  });
});

describe('ConstrainedUnionFind', () => {
  it('refuses a union that would join a forbidden pair, directly or through others', () => {
    const uf = new ConstrainedUnionFind([false, false, false, false]);
    uf.forbid(0, 2);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 2)).toBe(false);
    expect(uf.union(2, 3)).toBe(true);
    expect(uf.union(0, 3)).toBe(false);
    expect(uf.groups().map((g) => g.sort())).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('never groups two existing records', () => {
    const uf = new ConstrainedUnionFind([true, false, true]);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 2)).toBe(false);
  });
});

describe('findDuplicates', () => {
  it('merges certain duplicates and returns the most complete record first', () => {
    const result = findDuplicates([record('a', { pages: null }), other('x'), record('b', { doi: '10.1056/NEJMoa042473' }), record('c')]);
    expect(result.groups).toEqual([['b', 'a', 'c']]);
    expect(result.queued).toEqual([]);
  });

  it('keeps the earliest record when completeness ties', () => {
    expect(findDuplicates([record('z'), record('y')]).groups).toEqual([['z', 'y']]);
  });

  it('queues probable duplicates with a score and reasons', () => {
    const result = findDuplicates([record('a'), record('b', { pages: '901-910' })]);
    expect(result.groups).toEqual([]);
    expect(result.queued).toHaveLength(1);
    expect(result.queued[0]).toMatchObject({ a: 'a', b: 'b' });
    expect(result.queued[0].reasons).toContain('pages differ');
  });

  it('never merges or queues a pair marked "not duplicates", nor joins it through a third record', () => {
    const records = [record('a'), record('b'), record('c')];
    const result = findDuplicates(records, { notDuplicatePairs: [['a', 'c']] });
    for (const group of result.groups) expect(group.includes('a') && group.includes('c')).toBe(false);
    expect(result.groups).toHaveLength(1);
    expect(result.queued.some((q) => (q.a === 'a' && q.b === 'c') || (q.a === 'c' && q.b === 'a'))).toBe(false);
    // b is certainly a copy of a (or of c), so "a is not c" settles the remaining pair too.
    expect(result.queued).toEqual([]);
  });

  it('does not group two records with conflicting fields through a third that matches both', () => {
    const result = findDuplicates([record('a', { volume: '352' }), record('b', { volume: null }), record('c', { volume: '353' })]);
    for (const group of result.groups) expect(group.includes('a') && group.includes('c')).toBe(false);
    expect(result.groups).toHaveLength(1);
    expect(result.queued).toHaveLength(1);
  });

  it('checks new records against existing ones but not existing ones against each other', () => {
    const existing = [record('old1'), other('old2'), record('old3')];
    const result = findDuplicates([record('new1'), other('new2')], { existing });
    const grouped = result.groups.flat();
    expect(result.groups.every((g) => g.filter((id) => id.startsWith('old')).length <= 1)).toBe(true);
    expect(grouped).toEqual(expect.arrayContaining(['new1', 'new2', 'old2']));
    expect(result.groups.find((g) => g.includes('new2'))).toEqual(['old2', 'new2']);
  });

  it('accepts other thresholds', () => {
    const strict = findDuplicates([record('a'), record('b', { pages: null })], { thresholds: { certain: 0.99 } });
    expect(strict.groups).toEqual([]);
    expect(strict.queued).toHaveLength(1);
  });

  it('rejects duplicate ids', () => {
    expect(() => findDuplicates([record('a'), record('a')])).toThrow(/Duplicate record id/);
  });
});

// Small worlds of a few works, each written in up to three variants, so that pairs and groups are frequent.
const variant = fc.record({
  work: fc.integer({ min: 0, max: 4 }),
  titleCase: fc.boolean(),
  dropPages: fc.boolean(),
  year: fc.integer({ min: 0, max: 2 }),
});

function worldRecords(variants: { work: number; titleCase: boolean; dropPages: boolean; year: number }[]): DedupRecord[] {
  return variants.map((v, i) =>
    record(`r${i}`, {
      title: `${v.titleCase ? 'EFFECT' : 'Effect'} of treatment ${['alpha', 'beta', 'gamma', 'delta', 'epsilon'][v.work]} on pleural outcomes in adults`,
      year: 2000 + v.year,
      pages: v.dropPages ? null : `${100 + v.work * 10}-${105 + v.work * 10}`,
    }),
  );
}

const canonical = (groups: string[][]) => groups.map((g) => [...g].sort().join(',')).sort();

describe('findDuplicates properties', () => {
  it('finds the same groups whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(variant, { minLength: 2, maxLength: 12 }), fc.integer(), (variants, seed) => {
        const records = worldRecords(variants);
        const shuffled = [...records].sort((x, y) => ((x.id.length * 31 + seed) % 7) - ((y.id.length * 17 + seed) % 5) || (x.id < y.id ? 1 : -1));
        expect(canonical(findDuplicates(shuffled).groups)).toEqual(canonical(findDuplicates(records).groups));
      }),
      { numRuns: 200 },
    );
  });

  it('never puts a forbidden pair in one group or in the queue', () => {
    fc.assert(
      fc.property(
        fc.array(variant, { minLength: 2, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 6 }),
        (variants, forbiddenIndices) => {
          const records = worldRecords(variants);
          const forbidden = forbiddenIndices
            .filter(([i, j]) => i < records.length && j < records.length && i !== j)
            .map(([i, j]): [string, string] => [records[i].id, records[j].id]);
          const result = findDuplicates(records, { notDuplicatePairs: forbidden });
          for (const [a, b] of forbidden) {
            expect(result.groups.some((g) => g.includes(a) && g.includes(b))).toBe(false);
            expect(result.queued.some((q) => (q.a === a && q.b === b) || (q.a === b && q.b === a))).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts every record in at most one group and never queues a pair inside a group', () => {
    fc.assert(
      fc.property(fc.array(variant, { minLength: 2, maxLength: 12 }), (variants) => {
        const result = findDuplicates(worldRecords(variants));
        const ids = result.groups.flat();
        expect(new Set(ids).size).toBe(ids.length);
        const groupOf = new Map(result.groups.flatMap((g, i) => g.map((id) => [id, i] as const)));
        for (const q of result.queued) expect(groupOf.get(q.a) === undefined || groupOf.get(q.a) !== groupOf.get(q.b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
