import 'server-only';
import { ZScreeningAgreementOut, ZScreeningStage } from '@/lib/validation/agreement';
import type { ApiOperation } from './types';

const stageQuery = { stage: ZScreeningStage.default('title_abstract').describe('The screening stage (default title_abstract)') };

/** Inter-rater agreement. */
export const AGREEMENT_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/projects/{id}/agreement',
    summary:
      "Screening agreement of one stage: Cohen's and weighted kappa per reviewer pair, Fleiss' kappa and Krippendorff's alpha across all reviewers, agreement over time, and a methods sentence",
    tag: 'agreement',
    query: stageQuery,
    success: { status: 200, body: ZScreeningAgreementOut, description: 'The agreement report (every member may read it)' },
    errors: [404, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/agreement/export',
    summary: 'The same screening agreement report as CSV, one statistic per line',
    tag: 'agreement',
    query: stageQuery,
    success: { status: 200, description: 'CSV with a header line', contentType: 'text/csv' },
    errors: [404, 422],
  },
];
