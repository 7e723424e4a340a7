import { attachFullText, includeAtTitleAbstract, insertVote, seedScreenableReferences } from '@/db/seed/screening-factories';
import { makePdf } from '../pdf';
import { everyMember, leadsOnly, teamOnly, type MatrixEntry, type Scene } from './types';

async function oneRecord(s: Scene): Promise<string> {
  const [id] = await seedScreenableReferences(s.db, s.projectId, 1);
  return id;
}

async function fullTextRecord(s: Scene): Promise<string> {
  const id = await oneRecord(s);
  await includeAtTitleAbstract(s.db, s.projectId, id, s.users.lead.id);
  return id;
}

/** A record on which every team caller has voted, so each may withdraw a vote. */
async function votedRecord(s: Scene): Promise<string> {
  const id = await oneRecord(s);
  for (const user of [s.users.owner, s.users.lead, s.users.reviewer]) {
    await insertVote(s.db, { projectId: s.projectId, referenceId: id, stage: 'title_abstract', reviewerId: user.id, decision: 'include' });
  }
  return id;
}

const pending = new WeakMap<Scene, string>();

export const SCREENING_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/screening/{stage}/next': {
    expected: teamOnly(200),
    params: async (s) => {
      await oneRecord(s);
      return { stage: 'title_abstract' };
    },
  },
  'POST /api/v1/projects/{id}/votes': {
    expected: teamOnly(201),
    params: async (s) => {
      pending.set(s, await oneRecord(s));
      return {};
    },
    body: (s) => ({ referenceId: pending.get(s), stage: 'title_abstract', decision: 'include', note: 'fits' }),
  },
  'DELETE /api/v1/projects/{id}/votes': {
    expected: teamOnly(204),
    params: async (s) => {
      pending.set(s, await votedRecord(s));
      return {};
    },
    query: (s) => ({ referenceId: pending.get(s)!, stage: 'title_abstract' }),
  },
  'GET /api/v1/projects/{id}/references/{referenceId}': {
    expected: everyMember(200),
    params: async (s) => ({ referenceId: await oneRecord(s) }),
  },
  'GET /api/v1/projects/{id}/conflicts': { expected: leadsOnly(200), query: () => ({ stage: 'title_abstract' }) },
  'POST /api/v1/projects/{id}/resolutions': {
    expected: leadsOnly(200),
    params: async (s) => {
      pending.set(s, await fullTextRecord(s));
      return {};
    },
    body: (s) => ({ referenceId: pending.get(s), stage: 'full_text', decision: 'exclude', reason: 'Wrong population', note: 'agreed' }),
  },
  'GET /api/v1/projects/{id}/progress': { expected: everyMember(200), query: () => ({ stage: 'title_abstract' }) },
  'GET /api/v1/projects/{id}/references/{referenceId}/full-text': {
    expected: everyMember(200),
    params: async (s) => {
      const id = await fullTextRecord(s);
      await attachFullText(s.db, s.projectId, id, makePdf('Full text'));
      return { referenceId: id };
    },
  },
  'PUT /api/v1/projects/{id}/references/{referenceId}/full-text': {
    expected: teamOnly(201),
    params: async (s) => ({ referenceId: await fullTextRecord(s) }),
    formData: () => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(makePdf('Results: participants valued the app.'))], 'report.pdf', { type: 'application/pdf' }));
      return form;
    },
  },
  'PATCH /api/v1/projects/{id}/references/{referenceId}/full-text': {
    expected: teamOnly(200),
    params: async (s) => ({ referenceId: await fullTextRecord(s) }),
    body: () => ({ notRetrievable: true }),
  },
};

