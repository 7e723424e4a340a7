import { ownersOnly, type MatrixEntry } from './types';

export const BACKUP_MATRIX: Record<string, MatrixEntry> = {
  // The whole project, every reviewer's votes whatever the blinding: owners only.
  'GET /api/v1/projects/{id}/export': { expected: ownersOnly(200) },
};
