import { z } from 'zod';
import { CODE_KINDS, CODE_POLARITIES, HEX_COLOR } from '@/lib/domain/coding/palette';

const ZId = (what: string) => z.uuid(`${what} must be an id.`);
export const ZCodeKind = z.enum(CODE_KINDS, { error: 'kind must be "code", "descriptive_theme" or "analytical_theme".' });
export const ZPolarity = z.enum(CODE_POLARITIES, { error: 'polarity must be "barrier", "facilitator" or "neutral".' });
const ZCodeName = z.string().trim().min(1, 'Give the code a name.').max(200, 'Keep code names under 200 characters.');
const ZDescription = z.string().trim().max(5000, 'Keep descriptions under 5,000 characters.');
const ZColor = z.string().regex(HEX_COLOR, 'color must be a hex colour such as #e69f00.');
const ZMemo = z.string().trim().max(10_000, 'Keep memos under 10,000 characters.');
const ZOffset = (what: string) => z.coerce.number({ error: `${what} must be a number.` }).int(`${what} must be a whole number.`).min(0, `${what} must be 0 or more.`);

export const ZCreateCode = z.object({
  name: ZCodeName,
  description: ZDescription.optional(),
  kind: ZCodeKind.optional(),
  polarity: ZPolarity.nullish(),
  color: ZColor.optional(),
  parentId: ZId('parentId').nullish(),
});
export type TCreateCode = z.infer<typeof ZCreateCode>;

export const ZUpdateCode = z
  .object({
    name: ZCodeName.optional(),
    description: ZDescription.optional(),
    kind: ZCodeKind.optional(),
    polarity: ZPolarity.nullable().optional(),
    color: ZColor.optional(),
    parentId: ZId('parentId').nullable().optional(),
    position: z.coerce.number().int().min(0, 'position must be 0 or more.').max(100_000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Send at least one field to change.' });
export type TUpdateCode = z.infer<typeof ZUpdateCode>;

export const ZMergeCodes = z.object({ sourceId: ZId('sourceId'), targetId: ZId('targetId') });

export const ZApplyCoding = z
  .object({
    studyId: ZId('studyId'),
    codeIds: z.array(ZId('Each of codeIds'), { error: 'codeIds must be a list of code ids.' }).min(1, 'Apply at least one code.').max(50),
    start: ZOffset('start'),
    end: ZOffset('end'),
    memo: ZMemo.nullish(),
    documentVersion: z.coerce.number().int().min(1).optional(),
  })
  .refine((v) => v.end > v.start, { message: 'end must be after start.', path: ['end'] });
export type TApplyCoding = z.infer<typeof ZApplyCoding>;

export const ZUpdateQuote = z
  .object({
    memo: ZMemo.nullable().optional(),
    start: ZOffset('start').optional(),
    end: ZOffset('end').optional(),
    /** The version of the study's text the new span was selected in (checked: 409 when the text has changed since). */
    documentVersion: z.coerce.number().int().min(1).optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), { message: 'Send start and end together.', path: ['end'] })
  .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, { message: 'end must be after start.', path: ['end'] });

export const ZDocumentText = z.object({
  source: z.enum(['pdf', 'upload', 'paste', 'abstract'], { error: 'source must be "pdf", "upload", "paste" or "abstract".' }),
  text: z.string().max(2_000_000, 'The text is over 2,000,000 characters.').optional(),
  fileName: z.string().trim().max(300).optional(),
});

export const ZAssignDoubleCoding = z.discriminatedUnion(
  'mode',
  [
    z.object({
      mode: z.literal('percent'),
      percent: z.coerce.number().min(1, 'percent must be between 1 and 100.').max(100, 'percent must be between 1 and 100.'),
      seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1),
      firstCoderId: ZId('firstCoderId'),
      secondCoderId: ZId('secondCoderId'),
    }),
    z.object({
      mode: z.literal('studies'),
      studyIds: z.array(ZId('Each of studyIds')).min(1, 'Choose at least one study.').max(10_000),
      firstCoderId: ZId('firstCoderId'),
      secondCoderId: ZId('secondCoderId'),
    }),
  ],
  { error: 'mode must be "percent" or "studies".' },
).refine((v) => v.firstCoderId !== v.secondCoderId, { message: 'Choose two different coders.', path: ['secondCoderId'] });

export const ZUnitKind = z.enum(['sentence', 'line'], { error: 'unit must be "sentence" or "line".' });

export const ZQuoteFilter = z.object({
  includeDescendants: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  polarity: ZPolarity.optional(),
  domainId: ZId('domainId').optional(),
  levelId: ZId('levelId').optional(),
});
export type TQuoteFilter = z.infer<typeof ZQuoteFilter>;

// ---- Output shapes (for the OpenAPI document) ----
export const ZFrameworkCellOut = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  framework: z.string(),
  domainId: z.uuid(),
  domain: z.string(),
  themeId: z.uuid().nullable(),
  theme: z.string().nullable(),
  levelId: z.uuid(),
  level: z.string(),
});
export const ZCodeOut = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  description: z.string(),
  kind: ZCodeKind,
  polarity: ZPolarity.nullable(),
  color: z.string(),
  position: z.number().int(),
  quoteCount: z.number().int(),
  frameworkCells: z.array(ZFrameworkCellOut),
});
export const ZCodeListOut = z.object({ codes: z.array(ZCodeOut) });
export const ZQuoteOut = z.object({
  id: z.uuid(),
  studyId: z.uuid(),
  documentId: z.uuid(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  memo: z.string().nullable(),
  flaggedReason: z.string().nullable(),
  coderId: z.uuid(),
  coderName: z.string(),
  createdAt: z.string(),
  codings: z.array(z.object({ id: z.uuid(), codeId: z.uuid() })),
});
export const ZRetrievedQuoteOut = ZQuoteOut.extend({ studyTitle: z.string(), codeNames: z.array(z.string()) });
export const ZCodeQuotesOut = z.object({ code: z.object({ id: z.uuid(), name: z.string() }), total: z.number().int(), quotes: z.array(ZRetrievedQuoteOut) });
const ZSeedOut = z.object({ both: z.number(), either: z.number(), onlyA: z.number(), onlyB: z.number(), proportion: z.number().nullable() });
export const ZCodingAgreementOut = z.object({
  unit: ZUnitKind,
  studies: z.array(
    ZSeedOut.extend({
      studyId: z.uuid(),
      studyTitle: z.string(),
      firstCoder: z.object({ id: z.uuid(), name: z.string() }),
      secondCoder: z.object({ id: z.uuid(), name: z.string() }),
      compared: z.boolean(),
      bothCodes: z.array(z.string()),
      onlyACodes: z.array(z.string()),
      onlyBCodes: z.array(z.string()),
    }),
  ),
  overall: ZSeedOut,
  perCode: z.array(
    z.object({
      codeId: z.string(),
      codeName: z.string(),
      kappa: z.number().nullable(),
      reason: z.string().nullable(),
      percent: z.number().nullable(),
      units: z.number(),
      both: z.number(),
      onlyA: z.number(),
      onlyB: z.number(),
      neither: z.number(),
    }),
  ),
  hiddenStudies: z.number().int(),
});
