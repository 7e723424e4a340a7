import { everyMember, type MatrixEntry } from './types';

export const PRISMA_MATRIX: Record<string, MatrixEntry> = {
  // Blind screening is on by default: counts of outcomes would tell a reviewer how co-reviewers voted.
  'GET /api/v1/projects/{id}/prisma': { expected: { ...everyMember(200), reviewer: 403 } },
};
