/**
 * The agreement API's query and answer. The answer mirrors
 * lib/domain/agreement/screening-report.ts (the integration test parses real
 * answers with it, strictly, so the two cannot drift apart).
 */
import { z } from 'zod';

export const SCREENING_STAGES = ['title_abstract', 'full_text'] as const;
export const ZScreeningStage = z.enum(SCREENING_STAGES, { error: 'stage must be title_abstract or full_text.' });

export const ZAgreementQuery = z.object({ stage: ZScreeningStage.default('title_abstract') });
export type TAgreementQuery = z.infer<typeof ZAgreementQuery>;

const ZProportion = z.number().nullable();

export const ZStatSummaryOut = z.strictObject({
  value: z.number().nullable().describe('null when the statistic cannot be computed; `reason` says why'),
  n: z.number().int().describe('records the statistic rests on'),
  reason: z.string().optional(),
  ci95: z.tuple([z.number(), z.number()]).nullable().optional(),
  note: z.string().optional(),
});

const ZWindowPart = z.strictObject({ kappa: z.number().nullable(), percentAgreement: ZProportion, reason: z.string().optional() });

export const ZOverTimeWindowOut = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  n: z.number().int(),
  threeLevel: ZWindowPart,
  binary: ZWindowPart,
});

export const ZPairOut = z.strictObject({
  reviewerIds: z.tuple([z.uuid(), z.uuid()]),
  n: z.number().int().describe('records both reviewers voted on'),
  table: z.array(z.array(z.number().int())).describe('counts; rows the first reviewer, columns the second; exclude, maybe, include'),
  threeLevel: z.strictObject({
    percentAgreement: ZProportion,
    kappa: ZStatSummaryOut,
    weightedLinear: ZStatSummaryOut,
    weightedQuadratic: ZStatSummaryOut,
  }),
  binary: z.strictObject({ percentAgreement: ZProportion, kappa: ZStatSummaryOut }),
  overTime: z.array(ZOverTimeWindowOut),
});

export const ZScreeningAgreementOut = z.strictObject({
  projectId: z.uuid(),
  stage: ZScreeningStage,
  generatedAt: z.iso.datetime(),
  reviewers: z.array(z.strictObject({ id: z.uuid(), name: z.string(), votes: z.number().int() })),
  records: z.strictObject({
    voted: z.number().int(),
    doubleScreened: z.number().int(),
    byVoteCount: z.array(z.strictObject({ votes: z.number().int(), records: z.number().int() })),
  }),
  pairs: z.array(ZPairOut),
  overall: z.strictObject({
    votesPerRecord: z.number().int().nullable(),
    threeLevel: z.strictObject({
      percentAgreement: ZStatSummaryOut,
      fleissKappa: ZStatSummaryOut,
      alphaNominal: ZStatSummaryOut,
      alphaOrdinal: ZStatSummaryOut,
    }),
    binary: z.strictObject({ percentAgreement: ZStatSummaryOut, fleissKappa: ZStatSummaryOut, alpha: ZStatSummaryOut }),
  }),
  methods: z.strictObject({ binary: z.string().nullable(), threeLevel: z.string().nullable() }),
});
