import 'server-only';
import { z } from 'zod';
import { ZApiError } from '@/lib/validation/api';
import { API_OPERATIONS, type ApiOperation } from './operations/index';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (e.g. body is not JSON)',
  401: 'No valid token or session',
  403: 'Your role does not allow this',
  404: 'Not found, or not a project you belong to',
  409: 'Conflicts with the current state',
  413: 'Request too large',
  422: 'Invalid input; `fields` names each problem',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  }));
}

function queryParameters(query: ApiOperation['query']) {
  return Object.entries(query ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !schema.safeParse(undefined).success,
    schema: jsonSchema(schema, 'input'),
  }));
}

function successResponse(op: ApiOperation) {
  const { body, description, contentType } = op.success;
  if (body) return { description, content: { [contentType ?? 'application/json']: { schema: jsonSchema(body, 'output') } } };
  if (contentType) return { description, content: { [contentType]: {} } };
  return { description };
}

function requestBody(op: ApiOperation) {
  if (op.request) return { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.request, 'input') } } } };
  if (op.requestContent) return { requestBody: { required: true, content: op.requestContent } };
  return {};
}

function operationObject(op: ApiOperation) {
  const responses: Record<string, unknown> = { [op.success.status]: successResponse(op) };
  const errorSchema = jsonSchema(ZApiError, 'output');
  for (const status of op.isPublic ? op.errors : [401, ...op.errors]) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: errorSchema } } };
  }
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method}${op.path.replace(/\/api\/v1/, '').replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
    ...(op.isPublic ? { security: [] } : {}),
    parameters: [...pathParameters(op.path), ...queryParameters(op.query)],
    ...requestBody(op),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1',
      description:
        'Systematic reviews from search results to synthesis. Authenticate with a personal API token ' +
        '(create one on your account page) sent as `Authorization: Bearer <token>`. Errors are ' +
        '`{"error":{"code","message","fields"?}}`.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
