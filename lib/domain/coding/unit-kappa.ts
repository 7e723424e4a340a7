/**
 * Kappa per code over text units: for each code, each unit (sentence or line)
 * of each double-coded document is rated "present" by a coder when one of
 * their quotes carrying that code touches the unit, else "absent"; Cohen's
 * kappa of the two coders over all those units (Cohen 1960, via
 * lib/domain/agreement). Units, never characters: a quote a few characters
 * longer than the other coder's still agrees on its sentence.
 */
import { kappaFromTable } from '../agreement/cohen';
import type { KappaStatistic } from '../agreement/types';
import { textUnits, unitsCovered, type TextUnit, type UnitKind } from './text-units';

export type CodedSpan = { start: number; end: number; codeIds: readonly string[] };
export type DoubleCodedDocument = { studyId: string; text: string; spansA: readonly CodedSpan[]; spansB: readonly CodedSpan[] };
export type UnitCounts = { units: number; both: number; onlyA: number; onlyB: number; neither: number };
export type CodeKappa = { codeId: string; kappa: KappaStatistic; percent: number | null } & UnitCounts;

/** For each code, the set of unit indexes a coder's spans mark with it. */
export function unitsByCode(units: readonly TextUnit[], spans: readonly CodedSpan[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const span of spans) {
    const covered = unitsCovered(units, span.start, span.end);
    for (const codeId of span.codeIds) {
      const set = out.get(codeId) ?? new Set<number>();
      for (const u of covered) set.add(u);
      out.set(codeId, set);
    }
  }
  return out;
}

/**
 * Kappa per code over the units of every document, for the codes either coder
 * used (plus `codeIds` if given, so an unused code shows as not computed).
 */
export function kappaPerCode(documents: readonly DoubleCodedDocument[], kind: UnitKind, codeIds: readonly string[] = []): CodeKappa[] {
  const prepared = documents.map((d) => {
    const units = textUnits(d.text, kind);
    return { count: units.length, a: unitsByCode(units, d.spansA), b: unitsByCode(units, d.spansB) };
  });
  const all = new Set<string>(codeIds);
  for (const p of prepared) for (const id of [...p.a.keys(), ...p.b.keys()]) all.add(id);
  return [...all].sort().map((codeId) => {
    const counts: UnitCounts = { units: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const p of prepared) {
      const a = p.a.get(codeId);
      const b = p.b.get(codeId);
      for (let u = 0; u < p.count; u += 1) {
        const inA = a?.has(u) ?? false;
        const inB = b?.has(u) ?? false;
        counts.units += 1;
        if (inA && inB) counts.both += 1;
        else if (inA) counts.onlyA += 1;
        else if (inB) counts.onlyB += 1;
        else counts.neither += 1;
      }
    }
    // Rows coder A, columns coder B, in the order absent, present (as cohensKappa
    // with categories ['absent', 'present'] would tabulate them).
    const kappa = kappaFromTable([
      [counts.neither, counts.onlyB],
      [counts.onlyA, counts.both],
    ]);
    const percent = counts.units === 0 ? null : (counts.both + counts.neither) / counts.units;
    return { codeId, kappa, percent, ...counts };
  });
}
