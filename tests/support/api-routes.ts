/**
 * The list of /api/v1 route handlers, generated from the files under
 * app/api/v1, so that a new route cannot escape the tests that use it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type DiscoveredRoute = { method: string; path: string; file: string };

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const API_ROOT = join(process.cwd(), 'app', 'api', 'v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === 'route.ts' ? [full] : [];
  });
}

/** `[id]` folders become `{id}`: the OpenAPI spelling of a path parameter. */
export function openApiPathOf(file: string): string {
  const parts = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return '/' + parts.map((p) => p.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
}

export async function discoverApiRoutes(): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of routeFiles(API_ROOT)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === 'function') routes.push({ method, path: openApiPathOf(file), file });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Call a route handler as Next.js would, with the path parameters filled in. */
export async function callRoute(
  route: DiscoveredRoute,
  params: Record<string, string>,
  init: { token?: string | null; body?: unknown; rawBody?: string; formData?: FormData; query?: Record<string, string> } = {},
): Promise<Response> {
  const mod = (await import(route.file)) as Record<string, RouteHandler>;
  const url = new URL('http://localhost:3000' + route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'missing'));
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers();
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body: string | FormData | undefined;
  if (init.formData) body = init.formData;
  else if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (typeof body === 'string') headers.set('content-type', 'application/json');
  const request = new Request(url, { method: route.method, headers, body });
  return mod[route.method](request, { params: Promise.resolve(params) });
}
