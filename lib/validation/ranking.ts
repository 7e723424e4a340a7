/** Priority screening: settings, their defaults, and the shapes the screening and progress pages receive. */
import { z } from 'zod';

export const SCREENING_ORDERS = ['relevance', 'random'] as const;
export type TScreeningOrder = (typeof SCREENING_ORDERS)[number];
export const ZScreeningOrder = z.enum(SCREENING_ORDERS, { error: 'order must be "relevance" or "random".' });

export const SCREENING_ORDER_LABELS: Record<TScreeningOrder, string> = {
  relevance: 'Most relevant first (priority screening)',
  random: 'Random order (the same for every reviewer)',
};

/**
 * Title/abstract: most relevant first, the point of priority screening.
 * Full text: random, since every report is read in full anyway.
 */
export const DEFAULT_SCREENING_ORDER: { title_abstract: TScreeningOrder; full_text: TScreeningOrder } = {
  title_abstract: 'relevance',
  full_text: 'random',
};

/** Off by default: a number beside the record may anchor a reviewer's judgement. */
export const DEFAULT_SHOW_PREDICTED_RELEVANCE = false;

type RankingSettingsInput = {
  screeningOrder?: { title_abstract?: TScreeningOrder; full_text?: TScreeningOrder };
  showPredictedRelevance?: boolean;
};

/** Fills in the ranking settings that rows written before they existed lack. */
export function withRankingDefaults<T extends RankingSettingsInput>(
  settings: T,
): Omit<T, 'screeningOrder' | 'showPredictedRelevance'> & {
  screeningOrder: { title_abstract: TScreeningOrder; full_text: TScreeningOrder };
  showPredictedRelevance: boolean;
} {
  return {
    ...settings,
    screeningOrder: {
      title_abstract: settings.screeningOrder?.title_abstract ?? DEFAULT_SCREENING_ORDER.title_abstract,
      full_text: settings.screeningOrder?.full_text ?? DEFAULT_SCREENING_ORDER.full_text,
    },
    showPredictedRelevance: settings.showPredictedRelevance ?? DEFAULT_SHOW_PREDICTED_RELEVANCE,
  };
}

/** A record's predicted relevance as a reviewer may see it (only when the leads switched it on). */
export const ZPredictedRelevance = z.object({
  value: z.number().min(0).max(1).describe('Share of the review’s records ranked below this one (0-1)'),
  trainedOn: z.number().int().describe('Screened records the model learned from'),
  rankedAt: z.iso.datetime(),
});
export type TPredictedRelevance = z.infer<typeof ZPredictedRelevance>;

const ZRankingMethod = z.enum(['model', 'highlight', 'random']);

/** The stopping estimate as stored (lib/domain/ranking's StoppingEstimate). */
export const ZStoppingEstimateOut = z.object({
  method: z.string(),
  screened: z.number().int(),
  totalRecords: z.number().int(),
  includesFound: z.number().int(),
  recallTarget: z.number(),
  confidence: z.number(),
  pValue: z.number(),
  isTargetSupported: z.boolean(),
  relevantRemainingUpperBound: z.number().int(),
  recallLowerBound: z.number(),
  relevantRemainingEstimate: z.number(),
  window: z.number().int(),
  consecutiveExcludes: z.number().int(),
});

/** The screening progress page: everything a lead needs to judge how much is left. */
export const ZRankingProgressOut = z.object({
  stage: z.enum(['title_abstract', 'full_text']),
  order: ZScreeningOrder,
  counts: z.object({ total: z.number().int(), screened: z.number().int(), awaiting: z.number().int(), conflicts: z.number().int() }),
  /**
   * Null for a reviewer while blind screening is on: the curve and the
   * estimate move when a co-reviewer's vote settles a record.
   */
  detail: z
    .object({
      includesFound: z.number().int(),
      consecutiveExcludes: z.number().int(),
      curve: z.array(z.object({ screened: z.number().int(), found: z.number().int() })),
      estimate: ZStoppingEstimateOut.nullable(),
      estimateAsOf: z.iso.datetime().nullable(),
      latestRun: z
        .object({
          method: ZRankingMethod,
          model: z.string().nullable(),
          includes: z.number().int(),
          excludes: z.number().int(),
          durationMs: z.number().int(),
          createdAt: z.iso.datetime(),
        })
        .nullable(),
    })
    .nullable(),
});
export type TRankingProgress = z.infer<typeof ZRankingProgressOut>;
export type TRecallPoint = { screened: number; found: number };
