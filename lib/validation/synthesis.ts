import { z } from 'zod';
import { APPRAISAL_ANSWERS, APPRAISAL_VERDICTS } from '@/lib/domain/appraisal/checklists';
import { CERQUAL_CONCERNS, CERQUAL_LEVELS } from '@/lib/domain/synthesis/cerqual';
import { ZUuid } from './projects';

const label = (what: string, max = 200) => z.string().trim().min(1, `Give the ${what} a name.`).max(max, `At most ${max} characters.`);

export const ZAddFramework = z.union([
  z.object({ presetKey: z.enum(['cochrane-furst', 'cfir-2'], 'Choose a preset: cochrane-furst or cfir-2.') }),
  z.object({
    name: label('framework'),
    source: z.string().trim().max(2000).default(''),
    description: z.string().trim().max(4000).default(''),
    levels: z.array(label('level', 120)).min(1, 'Add at least one level.').max(12),
    domains: z
      .array(z.object({ label: label('domain', 200), themes: z.array(label('theme', 200)).max(40).default([]) }))
      .min(1, 'Add at least one domain.')
      .max(30),
  }),
]);
export type TAddFramework = z.infer<typeof ZAddFramework>;

/** One change to a framework's structure (leads). */
export const ZFrameworkEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('rename'), name: label('framework'), source: z.string().trim().max(2000).optional() }),
  z.object({ op: z.literal('add-domain'), label: label('domain') }),
  z.object({ op: z.literal('add-level'), label: label('level', 120) }),
  z.object({ op: z.literal('add-theme'), domainId: ZUuid, label: label('theme') }),
  z.object({ op: z.literal('rename-domain'), domainId: ZUuid, label: label('domain') }),
  z.object({ op: z.literal('rename-level'), levelId: ZUuid, label: label('level', 120) }),
  z.object({ op: z.literal('rename-theme'), themeId: ZUuid, label: label('theme') }),
  z.object({ op: z.literal('delete-domain'), domainId: ZUuid }),
  z.object({ op: z.literal('delete-level'), levelId: ZUuid }),
  z.object({ op: z.literal('delete-theme'), themeId: ZUuid }),
]);
export type TFrameworkEdit = z.infer<typeof ZFrameworkEdit>;

export const ZCell = z.object({ domainId: ZUuid, themeId: ZUuid.nullable().default(null), levelId: ZUuid });
export type TCell = z.infer<typeof ZCell>;

/** The cells a code sits in within one framework: replaces its earlier cells there. */
export const ZSetCodeCells = z.object({ codeId: ZUuid, cells: z.array(ZCell).max(200) });

export const ZCellQuery = z.object({ domainId: ZUuid, themeId: ZUuid.optional(), levelId: ZUuid });

export const ZCellStatement = ZCell.extend({
  summary: z.string().trim().max(5000, 'At most 5,000 characters.').default(''),
  recommendation: z.string().trim().max(5000, 'At most 5,000 characters.').default(''),
});

export const ZMatrixFormat = z.object({ format: z.enum(['json', 'csv', 'xlsx', 'docx']).default('json') });

const ZAnswer = z.object({ answer: z.enum(APPRAISAL_ANSWERS, 'Answer yes, no, unclear or not_applicable.'), comment: z.string().trim().max(2000).optional() });

export const ZSaveAppraisal = z.object({
  studyId: ZUuid,
  checklistId: ZUuid,
  answers: z.record(z.string().max(40), ZAnswer),
  verdict: z.enum(APPRAISAL_VERDICTS).nullable().default(null),
  comment: z.string().trim().max(5000).default(''),
});
export type TSaveAppraisal = z.infer<typeof ZSaveAppraisal>;

export const ZAddChecklist = z.union([
  z.object({ presetKey: z.literal('jbi-qualitative', 'The preset is jbi-qualitative.') }),
  z.object({
    name: label('checklist'),
    source: z.string().trim().max(2000).default(''),
    questions: z.array(z.string().trim().min(1, 'A question cannot be empty.').max(1000)).min(1, 'Add at least one question.').max(60),
  }),
]);

export const ZAppraisalQuery = z.object({ checklistId: ZUuid.optional() });

const ZComponent = z.object({ concern: z.enum(CERQUAL_CONCERNS, 'Choose no_or_very_minor, minor, moderate or serious.'), explanation: z.string().trim().max(3000).default('') });

export const ZSaveCerqual = z
  .object({
    id: ZUuid.optional(),
    themeId: ZUuid.nullable().default(null),
    cellStatementId: ZUuid.nullable().default(null),
    finding: z.string().trim().min(1, 'Write the finding.').max(3000),
    studyIds: z.array(ZUuid).max(500).default([]),
    components: z.object({ methodological_limitations: ZComponent, coherence: ZComponent, adequacy: ZComponent, relevance: ZComponent }),
    overall: z.enum(CERQUAL_LEVELS, 'Choose high, moderate, low or very_low.'),
    overallExplanation: z.string().trim().max(3000).default(''),
  })
  .refine((v) => !(v.themeId && v.cellStatementId), { message: 'A finding is a theme or a cell statement, not both.', path: ['cellStatementId'] });
export type TSaveCerqual = z.infer<typeof ZSaveCerqual>;

export const EXPORT_KINDS = ['references', 'votes', 'quotes', 'appraisals', 'qdpx'] as const;
export const ZExportKind = z.enum(EXPORT_KINDS, `Choose one of: ${EXPORT_KINDS.join(', ')}.`);
export const ZExportQuery = z.object({
  format: z.enum(['ris', 'csv', 'xlsx', 'docx', 'qdpx']).optional(),
  state: z.enum(['all', 'included', 'excluded', 'conflict', 'awaiting', 'studies']).default('all'),
  checklistId: ZUuid.optional(),
});
