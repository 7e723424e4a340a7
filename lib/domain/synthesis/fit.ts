/**
 * Framework fit: how well one framework holds the coded material, so that a
 * team can compare candidate frameworks on the same codes (the seed review
 * tested seven before choosing Cochrane x Furst).
 */
import { ancestorChains, type FrameworkMatrix, type MatrixCodeInput, type MatrixCodingInput, type MatrixMappingInput } from './matrix';

export type FrameworkFit = {
  /** Distinct quotes with at least one coding. */
  codedQuotes: number;
  /** Of those, quotes with a coding whose code (or an ancestor) is mapped into this framework. */
  mappedQuotes: number;
  /** mappedQuotes / codedQuotes, or null when nothing is coded. */
  shareMapped: number | null;
  /** Codes used in codings, and how many of them reach the framework. */
  codesUsed: number;
  codesMapped: number;
  cells: number;
  emptyCells: number;
  /** Cells resting on a single study: fragile findings. */
  singleStudyCells: number;
  /** Studies in the matrix / studies with any coding. */
  studiesCovered: number;
  studiesCoded: number;
};

export function computeFrameworkFit(
  matrix: FrameworkMatrix,
  codes: readonly MatrixCodeInput[],
  mappings: readonly MatrixMappingInput[],
  codings: readonly MatrixCodingInput[],
  validCell: (m: MatrixMappingInput) => boolean = () => true,
): FrameworkFit {
  const mappedCodes = new Set(mappings.filter(validCell).map((m) => m.codeId));
  const chains = ancestorChains(codes);
  const reaches = (codeId: string) => (chains.get(codeId) ?? [codeId]).some((id) => mappedCodes.has(id));
  const coded = new Set<string>();
  const mapped = new Set<string>();
  const codesUsed = new Set<string>();
  const studiesCoded = new Set<string>();
  for (const c of codings) {
    coded.add(c.quoteId);
    codesUsed.add(c.codeId);
    studiesCoded.add(c.studyId);
    if (reaches(c.codeId)) mapped.add(c.quoteId);
  }
  const allCells = matrix.domains.flatMap((d) => d.rows.flatMap((r) => r.cells));
  return {
    codedQuotes: coded.size,
    mappedQuotes: mapped.size,
    shareMapped: coded.size ? mapped.size / coded.size : null,
    codesUsed: codesUsed.size,
    codesMapped: [...codesUsed].filter(reaches).length,
    cells: allCells.length,
    emptyCells: allCells.filter((c) => c.studies === 0).length,
    singleStudyCells: allCells.filter((c) => c.studies === 1).length,
    studiesCovered: matrix.studies,
    studiesCoded: studiesCoded.size,
  };
}
