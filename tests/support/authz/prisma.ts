import { everyMember, type MatrixEntry } from './types';

export const PRISMA_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/prisma': { expected: everyMember(200) },
};
