import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { everyMember, leadsOnly, teamOnly, type MatrixEntry, type Scene } from './types';

const TEXT = 'Staff lacked time to learn the app. Patients valued reminders.';
const pending = new WeakMap<Scene, { studyId: string; codeId: string }>();

async function studyAndCode(s: Scene): Promise<{ studyId: string; codeId: string }> {
  const [studyId] = await seedStudies(s.db, s.projectId, [TEXT]);
  const codeId = await seedCode(s.db, s.projectId, { name: 'Lack of time', polarity: 'barrier' });
  return { studyId, codeId };
}

/** A coding by the reviewer: the reviewer removes it as its coder, owner and lead as leads. */
async function reviewerCoding(s: Scene): Promise<{ codingId: string; codeId: string }> {
  const { studyId, codeId } = await studyAndCode(s);
  const quote = await applyCoding({ userId: s.users.reviewer.id, via: 'cli' }, s.projectId, { studyId, codeIds: [codeId], start: 0, end: 34 });
  return { codingId: quote.codings[0].id, codeId };
}

export const CODING_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/codes': { expected: everyMember(200) },
  'POST /api/v1/projects/{id}/codes': { expected: teamOnly(201), body: () => ({ name: 'Cost', polarity: 'barrier' }) },
  'PATCH /api/v1/projects/{id}/codes/{codeId}': {
    expected: leadsOnly(200),
    params: async (s) => ({ codeId: (await studyAndCode(s)).codeId }),
    body: () => ({ name: 'Lack of time to learn', color: '#009e73' }),
  },
  'DELETE /api/v1/projects/{id}/codes/{codeId}': {
    expected: leadsOnly(204),
    params: async (s) => ({ codeId: await seedCode(s.db, s.projectId, { name: 'Unused' }) }),
  },
  'GET /api/v1/projects/{id}/codes/{codeId}/quotes': {
    expected: everyMember(200),
    params: async (s) => ({ codeId: (await reviewerCoding(s)).codeId }),
    freshScene: true,
  },
  'POST /api/v1/projects/{id}/codings': {
    expected: teamOnly(201),
    params: async (s) => {
      pending.set(s, await studyAndCode(s));
      return {};
    },
    body: (s) => ({ studyId: pending.get(s)!.studyId, codeIds: [pending.get(s)!.codeId], start: 36, end: 61, memo: 'Reminders helped.' }),
  },
  'DELETE /api/v1/projects/{id}/codings/{codingId}': {
    expected: teamOnly(204),
    params: async (s) => ({ codingId: (await reviewerCoding(s)).codingId }),
  },
  'GET /api/v1/projects/{id}/agreement/coding': { expected: everyMember(200), query: () => ({ unit: 'line' }) },
};
