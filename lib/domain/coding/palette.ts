/** Shared constants for codes: the colour palette a new code draws from, and the labels of kinds and polarities. */

export const CODE_KINDS = ['code', 'descriptive_theme', 'analytical_theme'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
export const CODE_POLARITIES = ['barrier', 'facilitator', 'neutral'] as const;
export type CodePolarity = (typeof CODE_POLARITIES)[number];

export const CODE_KIND_LABELS: Record<CodeKind, string> = {
  code: 'Code',
  descriptive_theme: 'Descriptive theme',
  analytical_theme: 'Analytical theme',
};
export const POLARITY_LABELS: Record<CodePolarity, string> = { barrier: 'Barrier', facilitator: 'Facilitator', neutral: 'Neutral' };

/** Distinct, readable highlight colours (Okabe-Ito-like, colour-blind safe first). */
export const CODE_COLORS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#7f7f7f', '#a6761d', '#66a61e'] as const;

/** The colour for the n-th code of a project: cycles through the palette. */
export function colorForIndex(n: number): string {
  return CODE_COLORS[((n % CODE_COLORS.length) + CODE_COLORS.length) % CODE_COLORS.length];
}

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
