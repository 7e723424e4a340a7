import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, seedProject } from '@/db/seed/factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { callRoute, discoverApiRoutes, type DiscoveredRoute } from '../support/api-routes';
import { AUTHZ_MATRIX } from '../support/authz';
import { CALLERS, type Caller, type Expectation, type MatrixEntry, type Scene } from '../support/authz/types';
import { setupTestDatabase } from '../support/test-db';

// Outside Next there is no session cookie: an anonymous caller is one with no token.
vi.mock('@/lib/server/auth/session-actor', () => ({ getSessionActor: async () => null }));

const { db } = setupTestDatabase();

/** A fresh project, with a token for each kind of caller. */
async function scene(): Promise<{ scene: Scene; tokens: Record<Caller, string | null> }> {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const outsider = await createUser(db());
  const users: Scene['users'] = {
    owner: seeded.owner,
    lead: seeded.members.lead[0],
    reviewer: seeded.members.reviewer[0],
    otherReviewer: seeded.members.reviewer[1],
    viewer: seeded.members.viewer[0],
    nonMember: outsider,
  };
  const callerUsers: Record<Exclude<Caller, 'anonymous'>, { id: string }> = {
    owner: users.owner,
    lead: users.lead,
    reviewer: users.reviewer,
    viewer: users.viewer,
    'non-member': users.nonMember,
  };
  const tokens = { anonymous: null } as Record<Caller, string | null>;
  for (const [caller, user] of Object.entries(callerUsers)) {
    tokens[caller as Caller] = (await createApiToken({ userId: user.id, via: 'cli' }, { name: 'matrix' })).token;
  }
  return { scene: { db: db(), projectId: seeded.project.id, users }, tokens };
}

type SceneWithTokens = Awaited<ReturnType<typeof scene>>;

async function call(route: DiscoveredRoute, entry: MatrixEntry, caller: Caller, shared?: SceneWithTokens) {
  const { scene: s, tokens } = shared ?? (await scene());
  const params = { id: s.projectId, ...(await entry.params?.(s)) };
  return callRoute(route, params, {
    token: tokens[caller],
    body: entry.body?.(s),
    formData: entry.formData?.(s),
    query: entry.query?.(s),
  });
}

let routes: DiscoveredRoute[] = [];
beforeAll(async () => {
  routes = await discoverApiRoutes();
});

describe('[AUTHZ] every API route as every kind of caller', () => {
  it('has an expectation for every route that exists, and no expectation for a route that does not', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(AUTHZ_MATRIX).sort());
  });

  for (const [key, entry] of Object.entries(AUTHZ_MATRIX)) {
    const { expected } = entry;
    it(`${key} answers ${CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')}`, async () => {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      expect(route, `route ${key} exists`).toBeDefined();
      const actual: Partial<Expectation> = {};
      // A read changes nothing another caller's answer depends on: one project serves every caller; a write gets a fresh one each.
      const shared = route!.method === 'GET' && !entry.freshScene ? await scene() : undefined;
      for (const caller of CALLERS) {
        const response = await call(route!, entry, caller, shared);
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
    const { scene: s, tokens } = await scene();
    const params = { id: s.projectId };
    const bad = await callRoute(find('POST /api/v1/projects'), params, { token: tokens.owner, rawBody: '{"title": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON/);
    const empty = await callRoute(find('POST /api/v1/projects'), params, { token: tokens.owner, rawBody: '' });
    expect(empty.status).toBe(400);
  });

  it('answers 422 naming each invalid field', async () => {
    const { scene: s, tokens } = await scene();
    const res = await callRoute(find('POST /api/v1/projects/{id}/members'), { id: s.projectId }, {
      token: tokens.owner,
      body: { email: 'nope', role: 'emperor' },
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'role']);
  });

  it('answers 404 to ids that are not uuids or not there', async () => {
    const { scene: s, tokens } = await scene();
    const params = { id: s.projectId, userId: s.users.otherReviewer.id };
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      const res = await callRoute(find('GET /api/v1/projects/{id}'), { ...params, id }, { token: tokens.owner });
      expect(res.status).toBe(404);
    }
    const res = await callRoute(find('DELETE /api/v1/projects/{id}/members/{userId}'), { ...params, userId: 'x' }, { token: tokens.owner });
    expect(res.status).toBe(404);
  });

  it('answers 401 to a malformed or unknown token', async () => {
    const { scene: s } = await scene();
    const params = { id: s.projectId };
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
