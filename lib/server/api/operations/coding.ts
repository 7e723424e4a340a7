import 'server-only';
import { z } from 'zod';
import {
  ZApplyCoding,
  ZCodeListOut,
  ZCodeOut,
  ZCodeQuotesOut,
  ZCodingAgreementOut,
  ZCreateCode,
  ZPolarity,
  ZQuoteOut,
  ZUnitKind,
  ZUpdateCode,
} from '@/lib/validation/coding';
import type { ApiOperation } from './types';

/** Line-by-line coding: the codebook, codings, retrieval and coding agreement. */
export const CODING_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/projects/{id}/codes',
    summary: 'The codebook: every code and theme with its parent, kind, polarity, colour, framework cells and quote count',
    tag: 'coding',
    success: { status: 200, body: ZCodeListOut, description: 'The codes (every member may read them)' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/codes',
    summary: 'Create a code or theme (reviewers may create codes while coding); 409 when a sibling has the same name',
    tag: 'coding',
    request: ZCreateCode,
    success: { status: 201, body: ZCodeOut, description: 'The new code' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'patch',
    path: '/api/v1/projects/{id}/codes/{codeId}',
    summary: 'Rename, describe, recolour, change kind or polarity, or move a code (parentId, position); a cycle is refused (leads)',
    tag: 'coding',
    request: ZUpdateCode,
    success: { status: 200, body: ZCodeOut, description: 'The changed code' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}/codes/{codeId}',
    summary: 'Delete a code without quotes or sub-codes (leads); a code with quotes is merged instead (409)',
    tag: 'coding',
    success: { status: 204, description: 'Deleted' },
    errors: [403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/codes/{codeId}/quotes',
    summary: 'Every quote of a code across studies with study and coder, optionally with its sub-codes, filtered by polarity or framework cell; format=csv for CSV',
    tag: 'coding',
    query: {
      includeDescendants: z.enum(['true', 'false']).optional(),
      polarity: ZPolarity.optional(),
      domainId: z.uuid().optional(),
      levelId: z.uuid().optional(),
      format: z.enum(['json', 'csv']).optional(),
    },
    success: { status: 200, body: ZCodeQuotesOut, description: 'The quotes (only those the caller may see while double coding is blind)' },
    errors: [404, 422],
  },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/codings',
    summary: "Code a span [start, end) of a study's text (UTF-16 offsets into the stored text) with one or more codes, as the caller",
    tag: 'coding',
    request: ZApplyCoding,
    success: { status: 201, body: ZQuoteOut, description: 'The quote with its codings' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}/codings/{codingId}',
    summary: 'Remove one code from a quote (its coder or a lead); a quote left without codes is removed',
    tag: 'coding',
    success: { status: 204, description: 'Removed' },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/agreement/coding',
    summary: 'Coding agreement on double-coded studies: codes applied by both over either (per study and overall) and kappa per code over text units',
    tag: 'agreement',
    query: { unit: ZUnitKind.default('sentence') },
    success: { status: 200, body: ZCodingAgreementOut, description: 'The coding agreement (studies still blind to the caller are left out and counted)' },
    errors: [404, 422],
  },
];
