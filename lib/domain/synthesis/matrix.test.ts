import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFrameworkFit } from './fit';
import {
  computeFrameworkMatrix,
  effectivePolarities,
  formatRowSummary,
  type MatrixCodeInput,
  type MatrixCodingInput,
  type MatrixFrameworkInput,
  type MatrixMappingInput,
} from './matrix';

const framework: MatrixFrameworkInput = {
  domains: [
    { id: 'D1', key: 'professional', label: 'Professional and interpersonal', themes: [{ id: 'T1', label: 'Relationships' }, { id: 'T2', label: 'Trust' }] },
    { id: 'D2', key: 'empty', label: 'A domain without themes', themes: [] },
  ],
  levels: [
    { id: 'L1', key: 'nano', label: 'Nano' },
    { id: 'L2', key: 'micro', label: 'Micro' },
  ],
};

// parent (barrier) > child (no polarity) > grandchild (facilitator); other (neutral)
const codes: MatrixCodeInput[] = [
  { id: 'parent', parentId: null, name: 'Therapeutic alliance', polarity: 'barrier' },
  { id: 'child', parentId: 'parent', name: 'Loss of rapport online', polarity: null },
  { id: 'grandchild', parentId: 'child', name: 'Video helps rapport', polarity: 'facilitator' },
  { id: 'other', parentId: null, name: 'Trust in apps', polarity: 'neutral' },
  { id: 'loose', parentId: null, name: 'Unmapped', polarity: null },
];

describe('[SYNTHESIS] matrix', () => {
  it('inherits polarity from the nearest ancestor that has one', () => {
    const p = effectivePolarities(codes);
    expect(p.get('child')).toBe('barrier');
    expect(p.get('grandchild')).toBe('facilitator');
    expect(p.get('loose')).toBeNull();
    // A cycle does not hang.
    expect(effectivePolarities([{ id: 'a', parentId: 'b', name: 'a', polarity: null }, { id: 'b', parentId: 'a', name: 'b', polarity: null }]).get('a')).toBeNull();
  });

  it('counts distinct studies per cell through ancestor mappings, split by polarity, with row and domain n', () => {
    const mappings: MatrixMappingInput[] = [
      { codeId: 'parent', domainId: 'D1', themeId: 'T1', levelId: 'L1' },
      { codeId: 'grandchild', domainId: 'D1', themeId: 'T1', levelId: 'L2' },
      { codeId: 'other', domainId: 'D1', themeId: 'T2', levelId: 'L2' },
      { codeId: 'other', domainId: 'D2', themeId: null, levelId: 'L1' },
      // foreign ids are ignored
      { codeId: 'other', domainId: 'DX', themeId: null, levelId: 'L1' },
      { codeId: 'other', domainId: 'D1', themeId: 'T1', levelId: 'LX' },
    ];
    const codings: MatrixCodingInput[] = [
      { quoteId: 'q1', studyId: 's1', codeId: 'child' },
      { quoteId: 'q2', studyId: 's1', codeId: 'grandchild' },
      { quoteId: 'q3', studyId: 's2', codeId: 'grandchild' },
      { quoteId: 'q3', studyId: 's2', codeId: 'parent' },
      { quoteId: 'q4', studyId: 's3', codeId: 'other' },
      { quoteId: 'q5', studyId: 's4', codeId: 'loose' },
    ];
    const m = computeFrameworkMatrix(framework, codes, mappings, codings);
    const [relationships, trust] = m.domains[0].rows;
    // nano: parent's subtree = child (s1), grandchild (s1, s2), parent (s2)
    expect(relationships.cells[0]).toMatchObject({ studies: 2, barrier: 2, facilitator: 2, neutral: 0, quotes: 3, studyIds: ['s1', 's2'] });
    // micro: only the grandchild's subtree
    expect(relationships.cells[1]).toMatchObject({ studies: 2, barrier: 0, facilitator: 2, quotes: 2 });
    expect(relationships.n).toBe(2);
    expect(relationships.summary).toBe('Relationships (n = 2; nano = 2, micro = 2)');
    expect(trust.summary).toBe('Trust (n = 1; micro = 1)');
    expect(trust.cells[1]).toMatchObject({ studies: 1, neutral: 1, barrier: 0, facilitator: 0 });
    expect(m.domains[0].n).toBe(3);
    expect(m.domains[1].rows).toHaveLength(1);
    expect(m.domains[1].rows[0]).toMatchObject({ themeId: null, label: 'A domain without themes', n: 1 });
    expect(m.studies).toBe(3);

    const fit = computeFrameworkFit(m, codes, mappings, codings);
    expect(fit).toMatchObject({ codedQuotes: 5, mappedQuotes: 4, codesUsed: 5, codesMapped: 4, cells: 6, emptyCells: 2, singleStudyCells: 2, studiesCovered: 3, studiesCoded: 4 });
    expect(fit.shareMapped).toBeCloseTo(0.8);
  });

  it('formats rows like the seed review and leaves empty levels out', () => {
    expect(formatRowSummary('Relationships', 44, [{ key: 'nano', studies: 36 }, { key: 'micro', studies: 44 }, { key: 'meso', studies: 0 }])).toBe(
      'Relationships (n = 44; nano = 36, micro = 44)',
    );
    expect(formatRowSummary('Power', 0, [{ key: 'nano', studies: 0 }])).toBe('Power (n = 0)');
  });

  it('adds a whole-domain row when codes are mapped to a domain that has themes', () => {
    const m = computeFrameworkMatrix(framework, codes, [{ codeId: 'other', domainId: 'D1', themeId: null, levelId: 'L1' }], [{ quoteId: 'q', studyId: 's', codeId: 'other' }]);
    expect(m.domains[0].rows.map((r) => r.label)).toEqual(['Relationships', 'Trust', 'Professional and interpersonal (whole domain)']);
    expect(m.domains[0].n).toBe(1);
  });

  it('holds its invariants for any codings: max cell <= row n <= sum of cells; row n <= domain n; split <= studies', () => {
    const ids = ['parent', 'child', 'grandchild', 'other', 'loose'];
    const mappings: MatrixMappingInput[] = [
      { codeId: 'parent', domainId: 'D1', themeId: 'T1', levelId: 'L1' },
      { codeId: 'child', domainId: 'D1', themeId: 'T1', levelId: 'L2' },
      { codeId: 'other', domainId: 'D1', themeId: 'T2', levelId: 'L1' },
      { codeId: 'grandchild', domainId: 'D1', themeId: 'T2', levelId: 'L2' },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ quote: fc.integer({ min: 0, max: 20 }), study: fc.integer({ min: 0, max: 6 }), code: fc.constantFrom(...ids) }), { maxLength: 40 }),
        (raw) => {
          const codings = raw.map((r) => ({ quoteId: `q${r.quote}`, studyId: `s${r.study}`, codeId: r.code }));
          const m = computeFrameworkMatrix(framework, codes, mappings, codings);
          for (const d of m.domains) {
            for (const row of d.rows) {
              const counts = row.cells.map((c) => c.studies);
              expect(row.n).toBeGreaterThanOrEqual(Math.max(0, ...counts));
              expect(row.n).toBeLessThanOrEqual(counts.reduce((a, b) => a + b, 0));
              expect(d.n).toBeGreaterThanOrEqual(row.n);
              for (const c of row.cells) {
                expect(c.barrier).toBeLessThanOrEqual(c.studies);
                expect(c.facilitator).toBeLessThanOrEqual(c.studies);
                expect(c.studyIds).toHaveLength(c.studies);
              }
            }
          }
          // Every study counted in a cell has a coding of a code in that cell's subtree.
          const direct = new Set(codings.map((c) => c.studyId));
          expect(m.studies).toBeLessThanOrEqual(direct.size);
        },
      ),
    );
  });
});
