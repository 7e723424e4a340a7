import { insertExtraction, insertFinalExtraction, seedExtractionForm, seedStudies, TEMPLATE_ANSWERS } from '@/db/seed/extraction-factories';
import { QUALITATIVE_STUDY_TEMPLATE } from '@/lib/domain/extraction/template';
import { everyMember, leadsOnly, teamOnly, type MatrixEntry, type Scene } from './types';

/** A study of the scene's project with the template form published. */
async function studyWithForm(s: Scene): Promise<{ studyId: string; versionId: string }> {
  const { versionId } = await seedExtractionForm(s.db, s.projectId);
  const [studyId] = await seedStudies(s.db, s.projectId, 1);
  return { studyId, versionId };
}

/** A study that a co-reviewer has extracted, ready for consensus. */
async function extractedStudy(s: Scene): Promise<{ studyId: string; versionId: string }> {
  const scene = await studyWithForm(s);
  await insertExtraction(s.db, { projectId: s.projectId, studyId: scene.studyId, extractorId: s.users.otherReviewer.id, formVersionId: scene.versionId, values: TEMPLATE_ANSWERS });
  return scene;
}

export const EXTRACTION_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/extraction/form': {
    expected: everyMember(200),
    params: async (s) => {
      await seedExtractionForm(s.db, s.projectId);
      return {};
    },
  },
  'PUT /api/v1/projects/{id}/extraction/form': {
    expected: leadsOnly(201),
    body: () => ({ name: 'Characteristics', fields: QUALITATIVE_STUDY_TEMPLATE }),
  },
  'PATCH /api/v1/projects/{id}/extraction/settings': { expected: leadsOnly(200), body: () => ({ extractorsPerStudy: 1 }) },
  'GET /api/v1/projects/{id}/extraction/studies': {
    expected: everyMember(200),
    params: async (s) => {
      await extractedStudy(s);
      return {};
    },
  },
  'GET /api/v1/projects/{id}/extraction/studies/{studyId}': {
    expected: everyMember(200),
    params: async (s) => ({ studyId: (await extractedStudy(s)).studyId }),
  },
  'PUT /api/v1/projects/{id}/extraction/studies/{studyId}': {
    expected: teamOnly(200),
    params: async (s) => ({ studyId: (await studyWithForm(s)).studyId }),
    body: () => ({ formVersion: 1, values: TEMPLATE_ANSWERS, complete: true }),
  },
  'GET /api/v1/projects/{id}/extraction/studies/{studyId}/consensus': {
    expected: leadsOnly(200),
    params: async (s) => ({ studyId: (await extractedStudy(s)).studyId }),
  },
  'POST /api/v1/projects/{id}/extraction/studies/{studyId}/finalise': {
    expected: leadsOnly(200),
    params: async (s) => ({ studyId: (await extractedStudy(s)).studyId }),
    body: () => ({ formVersion: 1, values: TEMPLATE_ANSWERS }),
  },
  'DELETE /api/v1/projects/{id}/extraction/studies/{studyId}/finalise': {
    expected: leadsOnly(200),
    params: async (s) => {
      const { studyId, versionId } = await extractedStudy(s);
      await insertFinalExtraction(s.db, { projectId: s.projectId, studyId, formVersionId: versionId, values: TEMPLATE_ANSWERS });
      return { studyId };
    },
  },
  'GET /api/v1/projects/{id}/extraction/table': {
    expected: everyMember(200),
    params: async (s) => {
      const { studyId, versionId } = await extractedStudy(s);
      await insertFinalExtraction(s.db, { projectId: s.projectId, studyId, formVersionId: versionId, values: TEMPLATE_ANSWERS });
      return {};
    },
  },
};
