import { FOUNDATION_MATRIX } from './foundation';
import { SCREENING_MATRIX } from './screening';
import type { MatrixEntry } from './types';

/** Every /api/v1 route's expected status per caller, one file per area. */
export const AUTHZ_MATRIX: Record<string, MatrixEntry> = { ...FOUNDATION_MATRIX, ...SCREENING_MATRIX };
