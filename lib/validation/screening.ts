import { z } from 'zod';
import { ZScreeningOrder } from './ranking';

export const STAGES = ['title_abstract', 'full_text'] as const;
export const ZStage = z.enum(STAGES, { error: 'stage must be "title_abstract" or "full_text".' });
export const ZDecision = z.enum(['include', 'exclude', 'maybe'], { error: 'decision must be "include", "exclude" or "maybe".' });
export const ZFinalDecision = z.enum(['include', 'exclude'], { error: 'decision must be "include" or "exclude".' });

const ZNote = z.string().trim().max(5000, 'Keep notes under 5,000 characters.');
/** An exclusion reason by its id or by its label (case-insensitive). */
const ZReason = z.string().trim().min(1).max(200);

export const ZVote = z.object({
  referenceId: z.uuid('referenceId must be a reference id.'),
  stage: ZStage,
  decision: ZDecision,
  reason: ZReason.nullish(),
  note: ZNote.nullish(),
});
export type TVote = z.infer<typeof ZVote>;

export const ZUndoVote = z.object({ referenceId: z.uuid(), stage: ZStage });

export const ZResolution = z.object({
  referenceId: z.uuid('referenceId must be a reference id.'),
  stage: ZStage,
  decision: ZFinalDecision,
  reason: ZReason.nullish(),
  note: ZNote.nullish(),
});
export type TResolution = z.infer<typeof ZResolution>;

export const ZStageQuery = z.object({ stage: ZStage });

const ZTerms = z
  .string()
  .max(10_000)
  .transform((s) =>
    s
      .split(/[\n,;]+/)
      .map((t) => t.trim())
      .filter(Boolean)
      .slice(0, 200),
  );

/** The screening settings form (FormData strings, hence coercion). */
export const ZScreeningSettingsForm = z.object({
  titleAbstractReviewers: z.coerce.number().int().min(1, 'At least 1 reviewer.').max(3, 'At most 3 reviewers.'),
  fullTextReviewers: z.coerce.number().int().min(1, 'At least 1 reviewer.').max(3, 'At most 3 reviewers.'),
  blindScreening: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  includeTerms: ZTerms,
  excludeTerms: ZTerms,
  criteria: z.string().trim().max(20_000).default(''),
  /** Left out: the stage keeps its current order. */
  titleAbstractOrder: ZScreeningOrder.optional(),
  fullTextOrder: ZScreeningOrder.optional(),
  /** A checkbox: absent means off. */
  showPredictedRelevance: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});

export const ZExclusionReasonLabel = z.object({ label: z.string().trim().min(2, 'Name the reason.').max(200) });
