import { buildOpenApiDocument } from '@/lib/server/api/openapi';

// GET /api/v1/openapi.json (public: the API's description, no data)
export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
