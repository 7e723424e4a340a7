import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { createProject } from '@/lib/server/projects/create-project';
import { listMyProjects } from '@/lib/server/projects/list-my-projects';

// GET /api/v1/projects
export const GET = apiRoute(async ({ actor }) => ({ body: { projects: await listMyProjects(actor) } }));

// POST /api/v1/projects
export const POST = apiRoute(async ({ actor, request }) => ({
  status: 201,
  body: await createProject(actor, await readJson(request)),
}));
