import 'server-only';
import { z } from 'zod';
import { ZResolution, ZStage, ZVote } from '@/lib/validation/screening';
import {
  ZConflictListOut,
  ZFullTextOut,
  ZMyVoteOut,
  ZProgressOut,
  ZQueueRecordOut,
  ZReferenceDetailOut,
  ZResolveOut,
} from '@/lib/validation/screening-api';
import type { ApiOperation } from './types';

/** Screening: the queue, votes, records, conflicts, resolutions, progress and full texts. */
export const SCREENING_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/projects/{id}/screening/{stage}/next',
    summary: 'My next record to screen at a stage (title_abstract or full_text); 204 when my queue is empty',
    tag: 'screening',
    success: { status: 200, body: ZQueueRecordOut, description: 'The next record' },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/votes',
    summary: 'Cast or change my vote (an idempotent upsert); 201 when new, 200 when changed or repeated',
    tag: 'screening',
    request: ZVote,
    success: { status: 201, body: ZMyVoteOut, description: 'My vote' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}/votes',
    summary: 'Withdraw my vote on a record (undo), until a lead resolves it',
    tag: 'screening',
    query: { referenceId: z.uuid(), stage: ZStage },
    success: { status: 204, description: 'Withdrawn' },
    errors: [403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/references/{referenceId}',
    summary: "A record with my votes; others' votes and its state only where blind screening allows",
    tag: 'screening',
    success: { status: 200, body: ZReferenceDetailOut, description: 'The record' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/conflicts',
    summary: 'Records whose reviewers disagree at a stage, with the votes side by side (leads)',
    tag: 'screening',
    query: { stage: ZStage, limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).optional() },
    success: { status: 200, body: ZConflictListOut, description: 'Conflicts' },
    errors: [403, 404, 422],
  },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/resolutions',
    summary: 'Resolve a record at a stage (leads); the resolution wins over the votes',
    tag: 'screening',
    request: ZResolution,
    success: { status: 200, body: ZResolveOut, description: 'The resolution and the new state' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/progress',
    summary: 'Counts per state and per reviewer at a stage, and my remaining queue',
    tag: 'screening',
    query: { stage: ZStage },
    success: { status: 200, body: ZProgressOut, description: 'Progress' },
    errors: [404, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/references/{referenceId}/full-text',
    summary: "A record's full-text PDF",
    tag: 'full texts',
    success: { status: 200, description: 'The PDF', contentType: 'application/pdf' },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/v1/projects/{id}/references/{referenceId}/full-text',
    summary: 'Upload the PDF of a record at full text (multipart field "file"; 40 MB at most); its text is extracted',
    tag: 'full texts',
    requestContent: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
    success: { status: 201, body: ZFullTextOut, description: 'The stored full text' },
    errors: [400, 403, 404, 409, 413, 422],
  },
  {
    method: 'patch',
    path: '/api/v1/projects/{id}/references/{referenceId}/full-text',
    summary: 'Mark a report as not retrievable (PRISMA "reports not retrieved"), or clear the mark',
    tag: 'full texts',
    request: z.object({ notRetrievable: z.boolean() }),
    success: { status: 200, body: z.object({ notRetrievable: z.boolean() }), description: 'The flag' },
    errors: [400, 403, 404, 409, 422],
  },
];
