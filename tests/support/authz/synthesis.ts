import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { seedCodeCell, seedFramework, seedJbiChecklist, type SeededFramework } from '@/db/seed/synthesis-factories';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { everyMember, leadsOnly, teamOnly, type MatrixEntry, type Scene } from './types';

const TEXT = 'Clinicians feared losing rapport over video. Patients valued flexible times.';
const scenes = new WeakMap<Scene, { framework: SeededFramework; codeId: string; studyId: string; checklistId: string }>();

/** A framework, a study with a coded quote whose code sits in Relationships x micro, and the JBI checklist. */
async function synthesisScene(s: Scene) {
  // The blinding probe shares one scene across every GET route: set it up once.
  const existing = scenes.get(s);
  if (existing) return existing;
  const framework = await seedFramework(s.db, s.projectId);
  const [studyId] = await seedStudies(s.db, s.projectId, [TEXT]);
  const codeId = await seedCode(s.db, s.projectId, { name: 'Loss of rapport', polarity: 'barrier' });
  await applyCoding({ userId: s.users.reviewer.id, via: 'cli' }, s.projectId, { studyId, codeIds: [codeId], start: 0, end: 44 });
  const relationships = framework.themes['Relationships'];
  await seedCodeCell(s.db, s.projectId, framework.id, codeId, { domainId: relationships.domainId, themeId: relationships.id, levelId: framework.levels.micro });
  const checklistId = await seedJbiChecklist(s.db, s.projectId);
  const scene = { framework, codeId, studyId, checklistId };
  scenes.set(s, scene);
  return scene;
}
const get = (s: Scene) => scenes.get(s)!;
const relationshipsMicro = (s: Scene) => {
  const { framework } = get(s);
  const t = framework.themes['Relationships'];
  return { domainId: t.domainId, themeId: t.id, levelId: framework.levels.micro };
};
const withFramework = async (s: Scene) => ({ frameworkId: (await synthesisScene(s)).framework.id });
const yes = { answer: 'yes' };

export const SYNTHESIS_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/projects/{id}/frameworks': { expected: everyMember(200), params: async (s) => (await synthesisScene(s), {}) },
  'POST /api/v1/projects/{id}/frameworks': { expected: leadsOnly(201), body: () => ({ presetKey: 'cochrane-furst' }) },
  'PATCH /api/v1/projects/{id}/frameworks/{frameworkId}': {
    expected: leadsOnly(200),
    params: withFramework,
    body: (s) => ({ op: 'add-theme', domainId: get(s).framework.domains.professional, label: 'Stigma' }),
  },
  'DELETE /api/v1/projects/{id}/frameworks/{frameworkId}': { expected: leadsOnly(204), params: withFramework },
  'GET /api/v1/projects/{id}/frameworks/{frameworkId}/matrix': { expected: everyMember(200), params: withFramework },
  'GET /api/v1/projects/{id}/frameworks/{frameworkId}/cells': { expected: everyMember(200), params: withFramework, query: (s) => relationshipsMicro(s) },
  'PUT /api/v1/projects/{id}/frameworks/{frameworkId}/mappings': {
    expected: leadsOnly(200),
    params: withFramework,
    body: (s) => ({ codeId: get(s).codeId, cells: [relationshipsMicro(s)] }),
  },
  'PUT /api/v1/projects/{id}/frameworks/{frameworkId}/statements': {
    expected: leadsOnly(200),
    params: withFramework,
    body: (s) => ({ ...relationshipsMicro(s), summary: 'Rapport is harder online.', recommendation: 'Train clinicians in video rapport.' }),
  },
  'GET /api/v1/projects/{id}/framework-fit': { expected: everyMember(200), params: async (s) => (await synthesisScene(s), {}) },
  'GET /api/v1/projects/{id}/appraisals': { expected: everyMember(200), params: async (s) => (await synthesisScene(s), {}) },
  'PUT /api/v1/projects/{id}/appraisals': {
    expected: teamOnly(200),
    params: async (s) => (await synthesisScene(s), {}),
    body: (s) => ({ studyId: get(s).studyId, checklistId: get(s).checklistId, answers: { q1: yes, q2: yes } }),
  },
  'PUT /api/v1/projects/{id}/appraisals/consensus': {
    expected: leadsOnly(200),
    params: async (s) => (await synthesisScene(s), {}),
    body: (s) => ({ studyId: get(s).studyId, checklistId: get(s).checklistId, answers: { q1: yes }, verdict: 'include' }),
  },
  'POST /api/v1/projects/{id}/appraisal-checklists': { expected: leadsOnly(201), body: () => ({ name: 'CASP qualitative', questions: ['Was there a clear statement of the aims of the research?'] }) },
  'GET /api/v1/projects/{id}/cerqual': { expected: everyMember(200), params: async (s) => (await synthesisScene(s), {}) },
  'PUT /api/v1/projects/{id}/cerqual': {
    expected: leadsOnly(200),
    params: async (s) => (await synthesisScene(s), {}),
    body: (s) => ({
      themeId: get(s).framework.themes['Relationships'].id,
      finding: 'Video weakens rapport for some clinicians.',
      components: {
        methodological_limitations: { concern: 'minor', explanation: 'One study lacked reflexivity.' },
        coherence: { concern: 'no_or_very_minor' },
        adequacy: { concern: 'moderate', explanation: 'One study.' },
        relevance: { concern: 'no_or_very_minor' },
      },
      overall: 'moderate',
      overallExplanation: 'Downgraded for adequacy.',
    }),
  },
  // Coded quotes carry no screening outcome: every member may export them (votes and outcomes: see the blinding test).
  'GET /api/v1/projects/{id}/exports/{kind}': { expected: everyMember(200), params: async (s) => (await synthesisScene(s), { kind: 'quotes' }) },
};
