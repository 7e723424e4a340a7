import { describe, expect, it } from 'vitest';
import { computeFrameworkMatrix } from './matrix';
import { matrixCountsTable, matrixStatementsTable } from './matrix-tables';

const matrix = computeFrameworkMatrix(
  {
    domains: [{ id: 'D', key: 'd', label: 'Professional', themes: [{ id: 'T1', label: 'Relationships' }, { id: 'T2', label: 'Trust' }] }],
    levels: [{ id: 'N', key: 'nano', label: 'Nano' }, { id: 'M', key: 'micro', label: 'Micro' }],
  },
  [{ id: 'c', parentId: null, name: 'Rapport', polarity: 'barrier' }],
  [{ codeId: 'c', domainId: 'D', themeId: 'T1', levelId: 'M' }],
  [{ quoteId: 'q1', studyId: 's1', codeId: 'c' }, { quoteId: 'q2', studyId: 's2', codeId: 'c' }],
);

describe('[SYNTHESIS] matrix export tables', () => {
  it('lays out counts per level with barriers and facilitators, and the row summary', () => {
    const t = matrixCountsTable(matrix);
    expect(t.columns.map((c) => c.header)).toEqual(['Domain', 'Domain n', 'Theme', 'Theme n', 'Nano: studies', 'Nano: barriers', 'Nano: facilitators', 'Micro: studies', 'Micro: barriers', 'Micro: facilitators', 'Row']);
    expect(t.rows).toEqual([
      ['Professional', 2, 'Relationships', 2, 0, 0, 0, 2, 2, 0, 'Relationships (n = 2; micro = 2)'],
      ['Professional', 2, 'Trust', 0, 0, 0, 0, 0, 0, 0, 'Trust (n = 0)'],
    ]);
  });

  it('lists cells with studies or a statement, with the statement', () => {
    const t = matrixStatementsTable(matrix, [
      { domainId: 'D', themeId: 'T1', levelId: 'M', summary: 'Rapport suffers.', recommendation: 'Train.' },
      { domainId: 'D', themeId: 'T2', levelId: 'N', summary: 'No study yet, but a note.', recommendation: '' },
    ]);
    expect(t.rows).toEqual([
      ['Professional', 'Relationships', 'Micro', 2, 2, 0, 'Rapport suffers.', 'Train.'],
      ['Professional', 'Trust', 'Nano', 0, 0, 0, 'No study yet, but a note.', ''],
    ]);
  });
});
