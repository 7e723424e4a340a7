/** Extraction: form definitions, answers, consensus, settings, and the API's response shapes. */
import { z } from 'zod';
import { FIELD_TYPES } from '@/lib/domain/extraction/types';

export const DEFAULT_EXTRACTORS_PER_STUDY = 2;

/** The project's number of extractors per study (a setting added later: older rows lack it). */
export function extractorsPerStudyOf(settings: { extractorsPerStudy?: number }): 1 | 2 {
  return settings.extractorsPerStudy === 1 ? 1 : DEFAULT_EXTRACTORS_PER_STUDY;
}

const ZFieldId = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'A field id is 1-40 lower-case letters, digits or _.');
const ZLabel = z.string().trim().min(1, 'Give it a label.').max(200);
const ZHelp = z.string().trim().max(1000).optional();
const base = { id: ZFieldId, label: ZLabel, helpText: ZHelp, required: z.boolean().default(false) };
const ZOption = z.object({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'An option id is 1-40 lower-case letters, digits or _.'), label: ZLabel });
const ZFinite = z.number().refine(Number.isFinite, 'Must be a finite number.');

export const ZExtractionField = z.discriminatedUnion(
  'type',
  [
    z.object({ ...base, type: z.enum(['short_text', 'long_text']) }),
    z.object({
      ...base,
      type: z.literal('number'),
      unit: z.string().trim().max(50).optional(),
      min: ZFinite.optional(),
      max: ZFinite.optional(),
      integer: z.boolean().optional(),
    }),
    z.object({ ...base, type: z.enum(['single_choice', 'multiple_choice']), options: z.array(ZOption).min(2, 'A choice needs at least two options.').max(100) }),
    z.object({ ...base, type: z.literal('yes_no_unclear') }),
    z.object({ ...base, type: z.literal('date') }),
    z.object({ ...base, type: z.literal('country'), allowMultiple: z.boolean().default(false) }),
  ],
  { error: `type must be one of ${FIELD_TYPES.join(', ')}.` },
);

export const ZPublishForm = z.object({
  name: z.string().trim().min(1, 'Give the form a name.').max(200).default('Study characteristics'),
  fields: z.array(ZExtractionField).min(1, 'A form needs at least one field.').max(100, 'A form has at most 100 fields.'),
});
export type TPublishForm = z.infer<typeof ZPublishForm>;

const ZAnswerInput = z.record(z.string().max(100), z.unknown());

export const ZSaveExtraction = z.object({
  formVersion: z.coerce.number().int().positive().describe('The form version the answers were given against (must be the current one)'),
  values: ZAnswerInput,
  complete: z.boolean().default(false).describe('Mark complete: every required field must be answered'),
});
export type TSaveExtraction = z.infer<typeof ZSaveExtraction>;

export const ZFinaliseExtraction = z.object({
  formVersion: z.coerce.number().int().positive(),
  values: ZAnswerInput,
});

export const ZExtractionSettings = z.object({
  extractorsPerStudy: z.coerce.number().int().min(1, 'One or two extractors per study.').max(2, 'One or two extractors per study.'),
});

export const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export const ZTableQuery = z.object({ format: z.enum(TABLE_FORMATS, { error: 'format must be json, csv or xlsx.' }).default('json') });

// ----- Response shapes (the OpenAPI document) -----

const ZAnswerValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const ZAnswerSetOut = z.record(z.string(), ZAnswerValue);

export const ZFormVersionOut = z.object({
  id: z.uuid(),
  version: z.number().int(),
  fields: z.array(ZExtractionField),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
});

export const ZExtractionFormOut = z.object({
  form: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  current: ZFormVersionOut.nullable(),
  versions: z.array(ZFormVersionOut.omit({ fields: true }).extend({ fieldCount: z.number().int() })),
  extractorsPerStudy: z.number().int(),
});

const ZStudyStatus = z.enum(['not_started', 'in_progress', 'ready_for_consensus', 'finalised']);
const ZStudyRef = z.object({ id: z.uuid(), referenceId: z.uuid(), label: z.string(), title: z.string() });

export const ZExtractionStudyListOut = z.object({
  extractorsPerStudy: z.number().int(),
  counts: z.record(ZStudyStatus, z.number().int()),
  items: z.array(
    ZStudyRef.extend({
      status: ZStudyStatus,
      extractors: z.array(z.object({ name: z.string(), isComplete: z.boolean(), isMe: z.boolean() })),
      myStatus: z.enum(['none', 'in_progress', 'complete']),
      canExtract: z.boolean(),
    }),
  ),
});

const ZOwnExtraction = z.object({
  formVersion: z.number().int(),
  values: ZAnswerSetOut,
  isComplete: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export const ZStudyExtractionOut = z.object({
  study: ZStudyRef,
  status: ZStudyStatus,
  form: ZFormVersionOut.nullable().describe('The current form version'),
  mine: ZOwnExtraction.extend({ fields: z.array(ZExtractionField).describe('The fields of the version my answers were given against') }).nullable(),
  others: z.array(z.object({ name: z.string(), isComplete: z.boolean() })).describe('Co-extractors: names and progress only, never their answers'),
  canExtract: z.boolean(),
  final: z.object({ formVersion: z.number().int(), values: ZAnswerSetOut, fields: z.array(ZExtractionField) }).nullable(),
});

export const ZSavedExtractionOut = ZOwnExtraction.extend({ studyId: z.uuid() });

export const ZConsensusOut = z.object({
  study: ZStudyRef,
  status: ZStudyStatus,
  form: ZFormVersionOut,
  extractions: z.array(
    z.object({
      extractorId: z.uuid(),
      extractorName: z.string(),
      isComplete: z.boolean(),
      formVersion: z.number().int(),
      values: ZAnswerSetOut.describe('Carried over to the current version'),
      dropped: z.array(z.string()).describe('Fields whose answers did not fit the current version'),
    }),
  ),
  comparison: z.array(z.object({ fieldId: z.string(), status: z.enum(['agree', 'differ', 'missing', 'empty']) })),
  suggested: ZAnswerSetOut,
  consensus: z
    .object({
      status: z.enum(['draft', 'final']),
      formVersion: z.number().int(),
      values: ZAnswerSetOut,
      finalisedBy: z.string().nullable(),
      finalisedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
});

export const ZFinaliseOut = z.object({
  studyId: z.uuid(),
  status: z.enum(['draft', 'final']),
  formVersion: z.number().int(),
  values: ZAnswerSetOut,
  finalisedAt: z.iso.datetime().nullable(),
});

const ZCategorySummary = z.object({
  kind: z.literal('categories'),
  fieldId: z.string(),
  label: z.string(),
  answered: z.number().int(),
  notReported: z.number().int(),
  categories: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
});
const ZNumberSummary = z.object({
  kind: z.literal('number'),
  fieldId: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  answered: z.number().int(),
  notReported: z.number().int(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  total: z.number().nullable(),
});

export const ZCharacteristicsTableOut = z.object({
  formVersion: z.number().int().nullable(),
  studies: z.object({ total: z.number().int(), finalised: z.number().int() }),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.object({ studyId: z.uuid(), cells: z.array(z.string()) })),
  summary: z.array(z.discriminatedUnion('kind', [ZCategorySummary, ZNumberSummary])),
});
export type TCharacteristicsTable = z.infer<typeof ZCharacteristicsTableOut>;
