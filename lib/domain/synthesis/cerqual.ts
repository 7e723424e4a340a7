/**
 * GRADE-CERQual (Lewin et al., Implementation Science 2018;13(Suppl 1):2):
 * confidence in each review finding from four components, each judged for its
 * level of concern, and an overall judgement that starts at "high" and is
 * lowered by the concerns. The overall level is a judgement, not a sum: the
 * helper below only flags an overall level that the concerns do not explain.
 */
export const CERQUAL_COMPONENTS = [
  { key: 'methodological_limitations', label: 'Methodological limitations', question: 'The extent to which there are concerns about the design or conduct of the primary studies that contributed evidence to the finding.' },
  { key: 'coherence', label: 'Coherence', question: 'An assessment of how clear and cogent the fit is between the data from the primary studies and the review finding that synthesises that data.' },
  { key: 'adequacy', label: 'Adequacy of data', question: 'An overall determination of the degree of richness and quantity of data supporting the finding.' },
  { key: 'relevance', label: 'Relevance', question: 'The extent to which the body of evidence from the primary studies supporting the finding is applicable to the context specified in the review question.' },
] as const;

export type CerqualComponentKey = (typeof CERQUAL_COMPONENTS)[number]['key'];

export const CERQUAL_CONCERNS = ['no_or_very_minor', 'minor', 'moderate', 'serious'] as const;
export type CerqualConcern = (typeof CERQUAL_CONCERNS)[number];
export const CERQUAL_CONCERN_LABELS: Record<CerqualConcern, string> = {
  no_or_very_minor: 'No or very minor concerns',
  minor: 'Minor concerns',
  moderate: 'Moderate concerns',
  serious: 'Serious concerns',
};

export const CERQUAL_LEVELS = ['high', 'moderate', 'low', 'very_low'] as const;
export type CerqualLevel = (typeof CERQUAL_LEVELS)[number];
export const CERQUAL_LEVEL_LABELS: Record<CerqualLevel, string> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence',
  very_low: 'Very low confidence',
};

export type CerqualComponents = Record<CerqualComponentKey, { concern: CerqualConcern; explanation: string }>;

export type CerqualAssessmentInput = {
  finding: string;
  studies: string[];
  components: CerqualComponents;
  overall: CerqualLevel;
  overallExplanation: string;
};

/**
 * A conventional starting point, not a rule: start at high and go down one
 * level for each component with moderate concerns and two for serious ones
 * (minor concerns alone rarely lower confidence).
 */
export function suggestedCerqualLevel(components: CerqualComponents): CerqualLevel {
  let steps = 0;
  for (const { key } of CERQUAL_COMPONENTS) {
    const concern = components[key].concern;
    if (concern === 'moderate') steps += 1;
    if (concern === 'serious') steps += 2;
  }
  return CERQUAL_LEVELS[Math.min(steps, CERQUAL_LEVELS.length - 1)];
}

/**
 * Problems an editor would send back: a component with concerns but no
 * explanation, an overall level without one, or "high" despite serious concerns.
 */
export function cerqualWarnings(a: CerqualAssessmentInput): string[] {
  const warnings: string[] = [];
  for (const { key, label } of CERQUAL_COMPONENTS) {
    const c = a.components[key];
    if (c.concern !== 'no_or_very_minor' && !c.explanation.trim()) warnings.push(`${label}: explain the ${CERQUAL_CONCERN_LABELS[c.concern].toLowerCase()}.`);
  }
  if (!a.overallExplanation.trim()) warnings.push('Explain the overall assessment (the CERQual Summary of Qualitative Findings table shows it).');
  const serious = CERQUAL_COMPONENTS.filter(({ key }) => a.components[key].concern === 'serious');
  if (a.overall === 'high' && serious.length) warnings.push(`High confidence despite serious concerns about ${serious.map((s) => s.label.toLowerCase()).join(', ')}.`);
  return warnings;
}

/** One row of the Summary of Qualitative Findings (SoQF) table. */
export type SoqfRow = { finding: string; studies: string; confidence: string; explanation: string };

/** The SoQF row as CERQual's template lays it out: finding, contributing studies, confidence, explanation. */
export function soqfRow(a: CerqualAssessmentInput): SoqfRow {
  const concerns = CERQUAL_COMPONENTS.map(({ key, label }) => {
    const c = a.components[key];
    const text = `${label}: ${CERQUAL_CONCERN_LABELS[c.concern].toLowerCase()}`;
    return c.explanation.trim() ? `${text} (${c.explanation.trim()})` : text;
  });
  return {
    finding: a.finding,
    studies: a.studies.length ? `${a.studies.length} ${a.studies.length === 1 ? 'study' : 'studies'}: ${a.studies.join('; ')}` : 'No study linked',
    confidence: CERQUAL_LEVEL_LABELS[a.overall],
    explanation: [a.overallExplanation.trim(), concerns.join('. ')].filter(Boolean).join(' '),
  };
}
