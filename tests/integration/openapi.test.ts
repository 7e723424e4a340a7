import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/server/api/openapi';
import { discoverApiRoutes } from '../support/api-routes';

describe('[API] the OpenAPI document', () => {
  it('describes exactly the route handlers that exist', async () => {
    const doc = buildOpenApiDocument();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const routes = (await discoverApiRoutes()).map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('is OpenAPI 3.1 with request schemas generated from zod', () => {
    type Operation = {
      parameters: unknown[];
      requestBody: { content: { 'application/json': { schema: { required: string[]; properties: Record<string, { enum?: string[] }> } } } };
      responses: Record<string, unknown>;
    };
    const doc = buildOpenApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe('3.1.0');
    const addMember = doc.paths['/api/v1/projects/{id}/members'].post;
    const schema = addMember.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['email', 'role']);
    expect(schema.properties.role.enum).toEqual(['owner', 'lead', 'reviewer', 'viewer']);
    expect(addMember.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]);
    expect(Object.keys(addMember.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '404', '422']));
  });
});
