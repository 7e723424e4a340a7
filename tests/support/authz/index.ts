import { AGREEMENT_MATRIX } from './agreement';
import { CODING_MATRIX } from './coding';
import { BACKUP_MATRIX } from './backup';
import { EXTRACTION_MATRIX } from './extraction';
import { FOUNDATION_MATRIX } from './foundation';
import { IMPORTS_MATRIX } from './imports';
import { PRISMA_MATRIX } from './prisma';
import { SCREENING_MATRIX } from './screening';
import { SYNTHESIS_MATRIX } from './synthesis';
import type { MatrixEntry } from './types';

/** Every /api/v1 route's expected status per caller, one file per area. */
export const AUTHZ_MATRIX: Record<string, MatrixEntry> = { ...FOUNDATION_MATRIX, ...SCREENING_MATRIX, ...PRISMA_MATRIX, ...AGREEMENT_MATRIX, ...IMPORTS_MATRIX, ...CODING_MATRIX, ...EXTRACTION_MATRIX, ...BACKUP_MATRIX, ...SYNTHESIS_MATRIX };
