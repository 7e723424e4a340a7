/** Response shapes of the screening API, for the OpenAPI document. */
import { z } from 'zod';
import { ZPredictedRelevance } from './ranking';
import { ZDecision, ZFinalDecision, ZStage } from './screening';

const ZRecordState = z.enum(['awaiting', 'included', 'excluded', 'conflict', 'resolved_included', 'resolved_excluded']);

export const ZScreeningRecordOut = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  abstract: z.string().nullable(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  journal: z.string().nullable(),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  pages: z.string().nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  keywords: z.array(z.string()),
  url: z.string().nullable(),
  type: z.string().nullable(),
});

export const ZQueueRecordOut = ZScreeningRecordOut.extend({
  predictedRelevance: ZPredictedRelevance.nullable().optional().describe('Shown when the leads switched it on, once a model is trained'),
  fullText: z
    .object({ hasFile: z.boolean(), fileName: z.string().nullable(), pageCount: z.number().nullable(), notRetrievable: z.boolean() })
    .nullable(),
});

export const ZMyVoteOut = z.object({
  referenceId: z.uuid(),
  stage: ZStage,
  decision: ZDecision,
  reasonId: z.uuid().nullable(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

const ZVoteView = z.object({
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  decision: ZDecision,
  reason: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

const byStage = <T extends z.ZodType>(schema: T) => z.object({ title_abstract: schema.optional(), full_text: schema.optional() });

export const ZReferenceDetailOut = ZScreeningRecordOut.extend({
  source: z.object({ databaseName: z.string(), fileName: z.string() }),
  duplicateOfId: z.uuid().nullable(),
  myVotes: byStage(ZVoteView),
  votes: byStage(z.array(ZVoteView)).nullable().describe('Every vote, or null while blind screening hides them from you'),
  states: byStage(ZRecordState).nullable(),
  resolutions: byStage(z.object({ decision: ZFinalDecision, reason: z.string().nullable(), note: z.string().nullable() })).nullable(),
  isBlinded: z.boolean(),
});

export const ZConflictListOut = z.object({
  stage: ZStage,
  total: z.number().int(),
  items: z.array(
    z.object({
      record: ZScreeningRecordOut,
      votes: z.array(
        z.object({
          reviewerId: z.uuid(),
          reviewerName: z.string(),
          decision: ZDecision,
          reasonId: z.uuid().nullable(),
          reason: z.string().nullable(),
          note: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const ZResolveOut = z.object({
  referenceId: z.uuid(),
  stage: ZStage,
  decision: ZFinalDecision,
  reasonId: z.uuid().nullable(),
  state: ZRecordState,
});

export const ZProgressOut = z.object({
  stage: ZStage,
  requiredVotes: z.number().int(),
  total: z.number().int(),
  byState: z.record(ZRecordState, z.number().int()).nullable().describe('null for a reviewer while blind screening is on'),
  awaiting: z.number().int(),
  complete: z.number().int(),
  mine: z.object({ voted: z.number().int(), remaining: z.number().int() }),
  team: z.array(z.object({ reviewerId: z.uuid(), name: z.string(), votes: z.number().int() })),
});

export const ZFullTextOut = z.object({
  referenceId: z.uuid(),
  fileName: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  pageCount: z.number().int().nullable(),
  notRetrievable: z.boolean(),
  textLength: z.number().int(),
});

export type TQueueRecord = z.infer<typeof ZQueueRecordOut>;
export type TMyVote = z.infer<typeof ZMyVoteOut>;
export type TProgress = z.infer<typeof ZProgressOut>;
export type TConflictList = z.infer<typeof ZConflictListOut>;
export type TFullText = z.infer<typeof ZFullTextOut>;
