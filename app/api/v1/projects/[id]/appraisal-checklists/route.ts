import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { addAppraisalChecklist } from '@/lib/server/appraisal/add-appraisal-checklist';

// POST /api/v1/projects/:id/appraisal-checklists  { presetKey: 'jbi-qualitative' } or { name, questions }
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 201,
  body: await addAppraisalChecklist(actor, params.id, await readJson(request)),
}));
