/**
 * The full-text exclusion reasons a new project starts with, in display order.
 * A lead can rename, reorder or add to them; these cover the reasons reported
 * most often in qualitative evidence syntheses (population, phenomenon of
 * interest, setting, design) plus the practical ones PRISMA asks to be counted.
 */
export const DEFAULT_EXCLUSION_REASONS = [
  'Wrong population',
  'Wrong phenomenon of interest',
  'Wrong setting',
  'Wrong study design',
  'Not primary research',
  'Not peer reviewed',
  'Not in English',
  'Full text not available',
] as const;

/** One of the default exclusion reasons. */
export type DefaultExclusionReason = (typeof DEFAULT_EXCLUSION_REASONS)[number];
