import 'server-only';
import { z } from 'zod';
import { MAX_IMPORT_BYTES, ZImportJobOut, ZImportListOut, ZStartImportOut } from '@/lib/validation/imports';
import { REFERENCE_SORTS, REFERENCE_STATUSES, ZReferenceListOut } from '@/lib/validation/references';
import type { ApiOperation } from './types';

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** Importing search results and listing the project's references. */
export const IMPORT_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/projects/{id}/imports',
    summary: `Upload one search-results file (RIS, MEDLINE/nbib, BibTeX, EndNote XML, EndNote tagged, Web of Science, CSV/TSV; ${MAX_MB} MB at most) for a source database; it is imported and de-duplicated by a background job. Poll the job for progress and the summary. A file that is no reference export is refused at once (422, naming the line).`,
    tag: 'imports',
    requestContent: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            source: { type: 'string', description: 'The database searched, e.g. "Medline", "Embase", "Scopus"' },
            searchedOn: { type: 'string', format: 'date', description: 'The date of the search (YYYY-MM-DD)' },
            searchString: { type: 'string', description: 'The search as run' },
            file: { type: 'string', format: 'binary' },
          },
          required: ['source', 'file'],
        },
      },
    },
    success: { status: 202, body: ZStartImportOut, description: 'The import job, queued' },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/imports',
    summary: "The project's 50 most recent imports, newest first",
    tag: 'imports',
    success: { status: 200, body: ZImportListOut, description: 'Imports' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/imports/{jobId}',
    summary: "An import's status and progress; when done its summary (records, abstracts, duplicates, warnings with lines); when failed the parser's message naming format and line (nothing of the file is saved)",
    tag: 'imports',
    success: { status: 200, body: ZImportJobOut, description: 'The import' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/references',
    summary:
      "The project's references, a page at a time (keyset: pass nextCursor as cursor). Search title, abstract and authors; filter by source and status; screening states only where blind screening allows.",
    tag: 'references',
    query: {
      q: z.string().max(200).optional().describe('Words that must all appear in the title, abstract or authors'),
      source: z.uuid().optional().describe('A source id'),
      status: z.enum(REFERENCE_STATUSES).optional().describe('kept, removed (as duplicate), or a title/abstract screening state'),
      sort: z.enum(REFERENCE_SORTS).optional().describe('added (file order, default), title, year_desc, year_asc'),
      cursor: z.uuid().optional().describe('nextCursor of the previous page'),
      limit: z.number().int().min(1).max(500).optional().describe('Rows per page (default 100)'),
    },
    success: { status: 200, body: ZReferenceListOut, description: 'A page of references' },
    errors: [403, 404, 422],
  },
];
