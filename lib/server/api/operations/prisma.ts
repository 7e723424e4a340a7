import 'server-only';
import { z } from 'zod';
import type { ApiOperation } from './types';

const ZCheck = z.object({
  id: z.string(),
  description: z.string(),
  relation: z.enum(['=', '>=']),
  left: z.number(),
  right: z.number(),
  holds: z.boolean(),
});

/** PRISMA 2020 counts under the PRISMA2020 R package's field names, plus the boxes' arithmetic checks. */
const ZPrismaOut = z
  .object({
    database_results: z.number().int(),
    database_specific_results: z.string(),
    duplicates: z.number().int(),
    records_screened: z.number().int(),
    records_excluded: z.number().int(),
    dbr_sought_reports: z.number().int(),
    dbr_notretrieved_reports: z.number().int(),
    dbr_assessed: z.number().int(),
    dbr_excluded: z.string(),
    new_studies: z.number().int(),
    new_reports: z.number().int(),
    checks: z.array(ZCheck),
  })
  .catchall(z.union([z.number(), z.string()]));

export const PRISMA_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/projects/{id}/prisma',
    summary: 'PRISMA 2020 counts from the data (field names of the PRISMA2020 R package); ?format=csv or svg for the files',
    tag: 'prisma',
    query: { format: z.enum(['json', 'csv', 'svg']).optional() },
    success: { status: 200, body: ZPrismaOut, description: 'The counts and their checks' },
    errors: [404, 422],
  },
];
