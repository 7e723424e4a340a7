import { everyMember, type MatrixEntry } from './types';

/** Blind screening is on by default, so a reviewer may not read agreement (it would reveal votes). */
const blindAware = { ...everyMember(200), reviewer: 403 };

export const AGREEMENT_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/agreement': { expected: blindAware, query: () => ({ stage: 'title_abstract' }) },
  'GET /api/v1/projects/{id}/agreement/export': { expected: blindAware, query: () => ({ stage: 'full_text' }) },
};
