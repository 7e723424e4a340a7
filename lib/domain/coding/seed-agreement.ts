/**
 * The seed measure of coding agreement used by the review that shaped Tandem:
 * in each double-coded study, the codes applied by both coders over the codes
 * applied by either (e.g. 95 of 106 = 90%), per study and pooled overall.
 */

export type StudyCodeSets = { studyId: string; codesA: readonly string[]; codesB: readonly string[] };
export type SeedMeasure = { both: number; either: number; onlyA: number; onlyB: number; proportion: number | null };
export type StudySeedMeasure = SeedMeasure & { studyId: string; bothCodes: string[]; onlyACodes: string[]; onlyBCodes: string[] };
export type SeedReport = { studies: StudySeedMeasure[]; overall: SeedMeasure };

function measure(both: number, onlyA: number, onlyB: number): SeedMeasure {
  const either = both + onlyA + onlyB;
  return { both, either, onlyA, onlyB, proportion: either === 0 ? null : both / either };
}

/** both / either for one study: |A ∩ B| / |A ∪ B| over distinct codes (null when neither coded). */
export function studySeedMeasure(study: StudyCodeSets): StudySeedMeasure {
  const a = new Set(study.codesA);
  const b = new Set(study.codesB);
  const bothCodes = [...a].filter((c) => b.has(c)).sort();
  const onlyACodes = [...a].filter((c) => !b.has(c)).sort();
  const onlyBCodes = [...b].filter((c) => !a.has(c)).sort();
  return { studyId: study.studyId, bothCodes, onlyACodes, onlyBCodes, ...measure(bothCodes.length, onlyACodes.length, onlyBCodes.length) };
}

/**
 * Per study, and overall as the pooled ratio sum(both) / sum(either) (a study
 * with many codes weighs more than one with few, as when the review counted
 * "95 of 106 codes").
 */
export function seedAgreement(studies: readonly StudyCodeSets[]): SeedReport {
  const per = studies.map(studySeedMeasure);
  const sum = (k: 'both' | 'onlyA' | 'onlyB') => per.reduce((s, x) => s + x[k], 0);
  return { studies: per, overall: measure(sum('both'), sum('onlyA'), sum('onlyB')) };
}
