import 'server-only';
import { ZodError, type z } from 'zod';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { Actor } from '@/lib/server/auth/actor';
import { authenticateApiToken } from '@/lib/server/tokens/authenticate-api-token';
import { AppError, isAppError } from '@/lib/server/errors/app-error';
import { databaseConflict } from '@/lib/server/errors/database-conflict';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';

type Params = Record<string, string>;
type RouteContext<P extends Params> = { params: Promise<P> };
type Handler<P extends Params> = (input: { request: Request; actor: Actor; params: P }) => Promise<ApiReply>;

/** What a handler returns: a JSON body with a status, or a ready Response. */
export type ApiReply = { status?: number; body?: unknown } | Response;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Wrap a /api/v1 route handler: authenticate (bearer token, or the session
 * cookie with a same-origin check on writes), run, and map every failure to
 * `{"error":{"code","message","fields"?}}` with its status. Unexpected errors
 * are logged and answered 500 without details.
 */
export function apiRoute<P extends Params = Params>(handler: Handler<P>, options: { deadlineMs?: number | null } = {}) {
  const deadlineMs = options.deadlineMs === undefined ? DEFAULT_DEADLINE_MS : options.deadlineMs;
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const run = async () => {
        const actor = await resolveActor(request);
        const params = (await context.params) ?? ({} as P);
        return handler({ request, actor, params });
      };
      const deadline = new Promise<never>((_, reject) => {
        if (deadlineMs !== null) timer = setTimeout(() => reject(new DeadlineError(STATE_CHANGING.has(request.method))), deadlineMs);
      });
      const reply = await Promise.race([run(), deadline]);
      if (reply instanceof Response) return reply;
      if (reply.status === 204) return new Response(null, { status: 204 });
      return Response.json(reply.body ?? null, { status: reply.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * How long a request may take before it is answered 503. A guard, not a
 * budget: during a database restart postgres.js (3.4.9) can lose a query
 * whose connection closed under it (a TypeError in its write timer, logged
 * as an uncaught exception) and that query never settles; without a
 * deadline its request would hang. Streaming routes (uploads, downloads)
 * pass `deadlineMs: null`.
 */
const DEFAULT_DEADLINE_MS = 30_000;

class DeadlineError extends Error {
  /** A write that passed its deadline is not cancelled: it may still take effect. */
  constructor(readonly isWrite: boolean) {
    super('The request did not finish in time.');
    this.name = 'DeadlineError';
  }
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    const headers: HeadersInit = error.code === 'UNAUTHORIZED' ? { 'WWW-Authenticate': 'Bearer' } : {};
    return Response.json(body, { status: error.status, headers });
  }
  if (error instanceof ZodError) {
    return Response.json({ error: { code: 'VALIDATION', message: error.issues[0]?.message ?? 'Invalid input.' } }, { status: 422 });
  }
  if (error instanceof DeadlineError) {
    console.error('A request passed its deadline (is the database reachable?)');
    return Response.json(
      {
        error: {
          code: 'UNAVAILABLE',
          message: error.isWrite
            ? 'The server could not confirm this change in time (the database may be restarting); it may still take effect. Reload to check before trying again.'
            : 'The server could not finish this request in time (the database may be restarting). Try again in a few seconds.',
        },
      },
      { status: 503, headers: { 'Retry-After': '2' } },
    );
  }
  const conflict = databaseConflict(error);
  if (conflict) return errorResponse(conflict);
  if (isDatabaseUnavailable(error)) {
    // The driver's own message only: drizzle's wrapper repeats the query and its parameters.
    const cause = (error as { cause?: { message?: string } }).cause;
    console.error(`Database unavailable: ${cause?.message ?? (error as Error).message}`);
    return Response.json(
      { error: { code: 'UNAVAILABLE', message: 'The database is not reachable at the moment (it may be restarting). Try again in a few seconds.' } },
      { status: 503, headers: { 'Retry-After': '2' } },
    );
  }
  console.error('Unexpected API error', error);
  return Response.json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }, { status: 500 });
}

async function resolveActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError('UNAUTHORIZED', 'Send the token as "Authorization: Bearer <token>".');
    return authenticateApiToken(match[1]);
  }
  // Imported lazily: token clients never touch the session machinery.
  const { getSessionActor } = await import('@/lib/server/auth/session-actor');
  const actor = await getSessionActor();
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
  if (STATE_CHANGING.has(request.method) && !isSameOrigin(request)) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused: use an API token for requests from other sites.');
  }
  return actor;
}

/** Cookie-authenticated writes must come from our own pages (CSRF protection). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') === 'same-origin';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Read a JSON body, refusing a large or malformed one with a 4xx. */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request body is over ${maxBytes} bytes.`);
  const text = await request.text().catch(() => {
    throw new AppError('BAD_REQUEST', 'The request body could not be read (the connection was closed).');
  });
  if (text.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request body is over ${maxBytes} bytes.`);
  if (!text.trim()) throw new AppError('BAD_REQUEST', 'The request body is empty; send JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/** The query string as a plain object, validated by zod (422 naming the field). */
export async function readQuery<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}
