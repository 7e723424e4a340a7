import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, seedProject } from '@/db/seed/factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { callRoute, discoverApiRoutes, type DiscoveredRoute } from '../support/api-routes';
import { setupTestDatabase } from '../support/test-db';

// Outside Next there is no session cookie: an anonymous caller is one with no token.
vi.mock('@/lib/server/auth/session-actor', () => ({ getSessionActor: async () => null }));

const { db } = setupTestDatabase();

const CALLERS = ['owner', 'lead', 'reviewer', 'viewer', 'non-member', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
type Expectation = Record<Caller, number>;

const everyMember = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: ok, viewer: ok, 'non-member': 404, anonymous: 401,
});
const ownersOnly = (ok: number): Expectation => ({
  owner: ok, lead: 403, reviewer: 403, viewer: 403, 'non-member': 404, anonymous: 401,
});
const anyAccount = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: ok, viewer: ok, 'non-member': ok, anonymous: 401,
});

/** The exact status of every route for every kind of caller. A route missing here fails the test. */
const MATRIX: Record<string, Expectation> = {
  'GET /api/v1/me': anyAccount(200),
  'GET /api/v1/openapi.json': { ...anyAccount(200), anonymous: 200 },
  'GET /api/v1/projects': anyAccount(200),
  'POST /api/v1/projects': anyAccount(201),
  'GET /api/v1/projects/{id}': everyMember(200),
  'GET /api/v1/projects/{id}/members': everyMember(200),
  'POST /api/v1/projects/{id}/members': ownersOnly(201),
  'PATCH /api/v1/projects/{id}/members/{userId}': ownersOnly(200),
  'DELETE /api/v1/projects/{id}/members/{userId}': ownersOnly(204),
};

const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/projects': () => ({ title: 'Matrix review' }),
  'POST /api/v1/projects/{id}/members': () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@example.test`, role: 'viewer' }),
  'PATCH /api/v1/projects/{id}/members/{userId}': () => ({ role: 'lead' }),
};

/** A fresh project per call, so that one caller's write cannot change the next caller's answer. */
async function scene() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const outsider = await createUser(db());
  const users: Record<Exclude<Caller, 'anonymous'>, { id: string }> = {
    owner: seeded.owner,
    lead: seeded.members.lead[0],
    reviewer: seeded.members.reviewer[0],
    viewer: seeded.members.viewer[0],
    'non-member': outsider,
  };
  const tokens = {} as Record<Caller, string | null>;
  for (const [caller, user] of Object.entries(users)) {
    tokens[caller as Caller] = (await createApiToken({ userId: user.id, via: 'cli' }, { name: 'matrix' })).token;
  }
  tokens.anonymous = null;
  return { params: { id: seeded.project.id, userId: seeded.members.reviewer[1].id }, tokens };
}

let routes: DiscoveredRoute[] = [];
beforeAll(async () => {
  routes = await discoverApiRoutes();
});

describe('[AUTHZ] every API route as every kind of caller', () => {
  it('has an expectation for every route that exists, and no expectation for a route that does not', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [key, expected] of Object.entries(MATRIX)) {
    it(`${key} answers ${CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')}`, async () => {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      expect(route, `route ${key} exists`).toBeDefined();
      const actual: Partial<Expectation> = {};
      for (const caller of CALLERS) {
        const { params, tokens } = await scene();
        const response = await callRoute(route!, params, { token: tokens[caller], body: BODIES[key]?.() });
        actual[caller] = response.status;
        if (response.status >= 400) {
          const body = await response.json();
          expect(body.error, `${key} as ${caller}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('[API] bad input is a 4xx with a message, never a 500', () => {
  const find = (key: string) => routes.find((r) => `${r.method} ${r.path}` === key)!;

  it('answers 400 to a body that is not JSON, and to an empty body', async () => {
    const { params, tokens } = await scene();
    const bad = await callRoute(find('POST /api/v1/projects'), params, { token: tokens.owner, rawBody: '{"title": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON/);
    const empty = await callRoute(find('POST /api/v1/projects'), params, { token: tokens.owner, rawBody: '' });
    expect(empty.status).toBe(400);
  });

  it('answers 422 naming each invalid field', async () => {
    const { params, tokens } = await scene();
    const res = await callRoute(find('POST /api/v1/projects/{id}/members'), params, {
      token: tokens.owner,
      body: { email: 'nope', role: 'emperor' },
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'role']);
  });

  it('answers 404 to ids that are not uuids or not there', async () => {
    const { params, tokens } = await scene();
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      const res = await callRoute(find('GET /api/v1/projects/{id}'), { ...params, id }, { token: tokens.owner });
      expect(res.status).toBe(404);
    }
    const res = await callRoute(find('DELETE /api/v1/projects/{id}/members/{userId}'), { ...params, userId: 'x' }, { token: tokens.owner });
    expect(res.status).toBe(404);
  });

  it('answers 401 to a malformed or unknown token', async () => {
    const { params } = await scene();
    for (const token of ['tdm_unknown', 'garbage']) {
      const res = await callRoute(find('GET /api/v1/me'), params, { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 409 to the owner demoting themselves as the last owner, and the response names why', async () => {
    const seeded = await seedProject(db());
    const token = (await createApiToken({ userId: seeded.owner.id, via: 'cli' }, { name: 't' })).token;
    const res = await callRoute(
      find('PATCH /api/v1/projects/{id}/members/{userId}'),
      { id: seeded.project.id, userId: seeded.owner.id },
      { token, body: { role: 'viewer' } },
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/last owner/);
  });
});
