import 'server-only';
import { AGREEMENT_OPERATIONS } from './agreement';
import { CODING_OPERATIONS } from './coding';
import { BACKUP_OPERATIONS } from './backup';
import { EXTRACTION_OPERATIONS } from './extraction';
import { FOUNDATION_OPERATIONS } from './foundation';
import { IMPORT_OPERATIONS } from './imports';
import { PRISMA_OPERATIONS } from './prisma';
import { SCREENING_OPERATIONS } from './screening';
import { SYNTHESIS_OPERATIONS } from './synthesis';
import type { ApiOperation } from './types';

export type { ApiOperation };

/**
 * Every /api/v1 operation, one file per area. The OpenAPI document is
 * generated from this list, and a test checks that it names exactly the route
 * handlers that exist.
 */
export const API_OPERATIONS: ApiOperation[] = [...FOUNDATION_OPERATIONS, ...SCREENING_OPERATIONS, ...PRISMA_OPERATIONS, ...AGREEMENT_OPERATIONS, ...IMPORT_OPERATIONS, ...CODING_OPERATIONS, ...EXTRACTION_OPERATIONS, ...BACKUP_OPERATIONS, ...SYNTHESIS_OPERATIONS];
