/**
 * The matrix as export tables (the same cells in CSV, XLSX and DOCX): counts
 * per theme and level split into barriers and facilitators, and the lead's
 * statements per cell (the seed review's Table 1).
 */
import type { ExportTable } from '../exporters/tables';
import { firstBy } from '../group-by';
import type { FrameworkMatrix } from './matrix';

export type StatementInput = { domainId: string; themeId: string | null; levelId: string; summary: string; recommendation: string };

export function matrixCountsTable(matrix: FrameworkMatrix): ExportTable {
  return {
    title: 'Matrix',
    note: 'Distinct studies per theme and level (barriers / facilitators by the codes\u2019 polarity); n = distinct studies over the row.',
    columns: [
      { header: 'Domain', width: 30 },
      { header: 'Domain n' },
      { header: 'Theme', width: 36 },
      { header: 'Theme n' },
      ...matrix.levels.flatMap((l) => [{ header: `${l.label}: studies` }, { header: `${l.label}: barriers` }, { header: `${l.label}: facilitators` }]),
      { header: 'Row', width: 60 },
    ],
    rows: matrix.domains.flatMap((d) =>
      d.rows.map((r) => [d.label, d.n, r.label, r.n, ...r.cells.flatMap((c) => [c.studies, c.barrier, c.facilitator]), r.summary]),
    ),
  };
}

/** One cell's key (domain, theme or none, level), for finding its statement. */
export function statementKey(domainId: string, themeId: string | null, levelId: string): string {
  return JSON.stringify([domainId, themeId, levelId]);
}

export function matrixStatementsTable(matrix: FrameworkMatrix, statements: readonly StatementInput[]): ExportTable {
  const levelLabel = new Map(matrix.levels.map((l) => [l.id, l.label]));
  const statementOf = firstBy(statements, (x) => statementKey(x.domainId, x.themeId, x.levelId));
  const rows: ExportTable['rows'] = [];
  for (const d of matrix.domains) {
    for (const r of d.rows) {
      for (const c of r.cells) {
        const s = statementOf.get(statementKey(d.id, r.themeId, c.levelId));
        if (!s && c.studies === 0) continue;
        rows.push([d.label, r.label, levelLabel.get(c.levelId) ?? '', c.studies, c.barrier, c.facilitator, s?.summary ?? '', s?.recommendation ?? '']);
      }
    }
  }
  return {
    title: 'Statements',
    note: 'Per cell with studies or a statement: the summary statement and the policy recommendation.',
    columns: [
      { header: 'Domain', width: 30 },
      { header: 'Theme', width: 36 },
      { header: 'Level', width: 24 },
      { header: 'Studies' },
      { header: 'Barriers' },
      { header: 'Facilitators' },
      { header: 'Summary statement', width: 60 },
      { header: 'Policy recommendation', width: 60 },
    ],
    rows,
  };
}
