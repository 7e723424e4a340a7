/**
 * The framework matrix: themes (grouped by domain) as rows, levels as columns,
 * each cell the number of distinct studies with at least one coding whose code,
 * or an ancestor of it in the codebook, is mapped to that cell.
 */
import { ancestorChains, effectivePolarities } from '../coding/code-tree';

/** The code-tree walks live in lib/domain/coding/code-tree; re-exported for the synthesis and export callers. */
export { ancestorChains, effectivePolarities };

export type Polarity = 'barrier' | 'facilitator' | 'neutral';

export type MatrixFrameworkInput = {
  domains: { id: string; key: string; label: string; themes: { id: string; label: string }[] }[];
  levels: { id: string; key: string; label: string }[];
};

export type MatrixCodeInput = { id: string; parentId: string | null; name: string; polarity: Polarity | null };
export type MatrixMappingInput = { codeId: string; domainId: string; themeId: string | null; levelId: string };
export type MatrixCodingInput = { quoteId: string; studyId: string; codeId: string };

export type MatrixCell = {
  levelId: string;
  /** Distinct studies in the cell. */
  studies: number;
  /** Distinct studies with a coding in the cell whose (inherited) polarity is barrier; likewise facilitator and neutral. */
  barrier: number;
  facilitator: number;
  neutral: number;
  /** Distinct quotes behind the cell. */
  quotes: number;
  studyIds: string[];
  quoteIds: string[];
};

export type MatrixRow = {
  domainId: string;
  /** null: the domain as a whole (a domain without themes, or codes mapped to the domain and not a theme). */
  themeId: string | null;
  label: string;
  /** Distinct studies over the row's cells. */
  n: number;
  cells: MatrixCell[];
  /** The row as the seed review writes it: "Relationships (n = 44; nano = 36, micro = 44)". */
  summary: string;
};

export type MatrixDomain = { id: string; key: string; label: string; n: number; rows: MatrixRow[] };

export type FrameworkMatrix = {
  levels: { id: string; key: string; label: string }[];
  domains: MatrixDomain[];
  /** Distinct studies anywhere in the matrix. */
  studies: number;
};

/** "Relationships (n = 44; nano = 36, micro = 44)": levels with no study are left out, as in the paper. */
export function formatRowSummary(label: string, n: number, cells: { key: string; studies: number }[]): string {
  const parts = cells.filter((c) => c.studies > 0).map((c) => `${c.key} = ${c.studies}`);
  return parts.length ? `${label} (n = ${n}; ${parts.join(', ')})` : `${label} (n = ${n})`;
}

const rowKey = (domainId: string, themeId: string | null) => `${domainId}|${themeId ?? ''}`;

type CellAccumulator = { studies: Set<string>; barrier: Set<string>; facilitator: Set<string>; neutral: Set<string>; quotes: Set<string> };

/**
 * Compute the matrix. Mappings to ids outside the framework (another
 * framework's, or deleted) are ignored; a coding counts once per cell however
 * many of its ancestors map there.
 */
export function computeFrameworkMatrix(
  framework: MatrixFrameworkInput,
  codes: readonly MatrixCodeInput[],
  mappings: readonly MatrixMappingInput[],
  codings: readonly MatrixCodingInput[],
): FrameworkMatrix {
  const levelIds = new Set(framework.levels.map((l) => l.id));
  const themeDomain = new Map<string, string>();
  for (const d of framework.domains) for (const t of d.themes) themeDomain.set(t.id, d.id);
  const domainIds = new Set(framework.domains.map((d) => d.id));

  // code id -> the cells it is mapped to directly
  const direct = new Map<string, { row: string; levelId: string }[]>();
  const domainOnlyRows = new Set<string>();
  for (const m of mappings) {
    if (!levelIds.has(m.levelId) || !domainIds.has(m.domainId)) continue;
    if (m.themeId !== null && themeDomain.get(m.themeId) !== m.domainId) continue;
    const row = rowKey(m.domainId, m.themeId);
    if (m.themeId === null) domainOnlyRows.add(m.domainId);
    const list = direct.get(m.codeId) ?? [];
    list.push({ row, levelId: m.levelId });
    direct.set(m.codeId, list);
  }
  const chains = ancestorChains(codes);
  const polarity = effectivePolarities(codes);

  const cells = new Map<string, CellAccumulator>();
  const cellOf = (row: string, levelId: string) => {
    const key = `${row}#${levelId}`;
    let acc = cells.get(key);
    if (!acc) {
      acc = { studies: new Set(), barrier: new Set(), facilitator: new Set(), neutral: new Set(), quotes: new Set() };
      cells.set(key, acc);
    }
    return acc;
  };
  for (const coding of codings) {
    const chain = chains.get(coding.codeId) ?? [coding.codeId];
    const targets = new Set<string>();
    for (const codeId of chain) for (const t of direct.get(codeId) ?? []) targets.add(`${t.row}#${t.levelId}`);
    const p = polarity.get(coding.codeId) ?? null;
    for (const target of targets) {
      const [row, levelId] = target.split('#');
      const acc = cellOf(row, levelId);
      acc.studies.add(coding.studyId);
      acc.quotes.add(coding.quoteId);
      if (p) acc[p].add(coding.studyId);
    }
  }

  const allStudies = new Set<string>();
  const domains: MatrixDomain[] = framework.domains.map((d) => {
    const rowSpecs: { themeId: string | null; label: string }[] = d.themes.map((t) => ({ themeId: t.id, label: t.label }));
    if (d.themes.length === 0 || domainOnlyRows.has(d.id)) {
      rowSpecs.push({ themeId: null, label: d.themes.length === 0 ? d.label : `${d.label} (whole domain)` });
    }
    const domainStudies = new Set<string>();
    const rows: MatrixRow[] = rowSpecs.map(({ themeId, label }) => {
      const row = rowKey(d.id, themeId);
      const rowStudies = new Set<string>();
      const rowCells: MatrixCell[] = framework.levels.map((level) => {
        const acc = cells.get(`${row}#${level.id}`);
        for (const s of acc?.studies ?? []) {
          rowStudies.add(s);
          domainStudies.add(s);
          allStudies.add(s);
        }
        return {
          levelId: level.id,
          studies: acc?.studies.size ?? 0,
          barrier: acc?.barrier.size ?? 0,
          facilitator: acc?.facilitator.size ?? 0,
          neutral: acc?.neutral.size ?? 0,
          quotes: acc?.quotes.size ?? 0,
          studyIds: [...(acc?.studies ?? [])].sort(),
          quoteIds: [...(acc?.quotes ?? [])].sort(),
        };
      });
      const summary = formatRowSummary(
        label,
        rowStudies.size,
        rowCells.map((c, i) => ({ key: framework.levels[i].key, studies: c.studies })),
      );
      return { domainId: d.id, themeId, label, n: rowStudies.size, cells: rowCells, summary };
    });
    return { id: d.id, key: d.key, label: d.label, n: domainStudies.size, rows };
  });
  return { levels: framework.levels.map((l) => ({ ...l })), domains, studies: allStudies.size };
}
