import { jobs } from '@/db/schema';
import { everyMember, leadsOnly, type MatrixEntry, type Scene } from './types';

const RIS = ['TY  - JOUR', 'TI  - Apps for anxiety: a qualitative study', 'AU  - Doe, Jane', 'PY  - 2021', 'ER  - ', ''].join('\n');

/** A finished import job of the scene's project, as the owner would have left it. */
async function importJob(s: Scene): Promise<string> {
  const [row] = await s.db
    .insert(jobs)
    .values({
      kind: 'import',
      projectId: s.projectId,
      status: 'failed',
      payload: { uploadId: crypto.randomUUID(), fileName: 'medline.ris', byteSize: 10, databaseName: 'Medline', searchedOn: null, searchString: null },
      error: 'RIS: line 3: the file ends inside a record',
      result: { format: 'ris', line: 3 },
      createdBy: s.users.owner.id,
    })
    .returning({ id: jobs.id });
  return row.id;
}

export const IMPORTS_MATRIX: Record<string, MatrixEntry> = {
  'POST /api/v1/projects/{id}/imports': {
    expected: leadsOnly(202),
    formData: () => {
      const form = new FormData();
      form.set('source', 'Medline');
      form.set('searchedOn', '2024-03-01');
      form.set('file', new File([RIS], 'medline.ris', { type: 'application/x-research-info-systems' }));
      return form;
    },
  },
  'GET /api/v1/projects/{id}/imports': { expected: everyMember(200) },
  'GET /api/v1/projects/{id}/imports/{jobId}': {
    expected: everyMember(200),
    params: async (s) => ({ jobId: await importJob(s) }),
  },
  'GET /api/v1/projects/{id}/references': { expected: everyMember(200), query: () => ({ q: 'anxiety', sort: 'title' }) },
};
