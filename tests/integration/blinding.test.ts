import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, seedProject } from '@/db/seed/factories';
import { includeAtTitleAbstract, seedScreenableReferences } from '@/db/seed/screening-factories';
import { recordVote } from '@/lib/server/screening/record-vote';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { callRoute, discoverApiRoutes, type DiscoveredRoute } from '../support/api-routes';
import { AUTHZ_MATRIX } from '../support/authz';
import type { Scene } from '../support/authz/types';
import { setupTestDatabase } from '../support/test-db';

vi.mock('@/lib/server/auth/session-actor', () => ({ getSessionActor: async () => null }));

const { db } = setupTestDatabase();

/** Any object in a response that carries a decision by the co-reviewer is a leak. */
function findLeaks(value: unknown, coReviewer: { id: string; name: string }, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findLeaks(v, coReviewer, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = 'decision' in record && (record.reviewerId === coReviewer.id || record.reviewerName === coReviewer.name) ? [path] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => findLeaks(v, coReviewer, `${path}.${k}`))];
}

let routes: DiscoveredRoute[] = [];
beforeAll(async () => {
  routes = await discoverApiRoutes();
});

describe('[BLIND] no GET route gives a reviewer a co-reviewer vote while blind screening is on', () => {
  it('probes every GET route of the API as a reviewer after a co-reviewer voted with a note', async () => {
    const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
    const projectId = seeded.project.id;
    const [me, other] = seeded.members.reviewer;
    const marker = `blind-marker-${Math.random().toString(36).slice(2)}`;
    const [taRecord, ftRecord] = await seedScreenableReferences(db(), projectId, 2);
    await includeAtTitleAbstract(db(), projectId, ftRecord, seeded.members.lead[0].id);
    for (const [referenceId, stage] of [[taRecord, 'title_abstract'], [ftRecord, 'full_text']] as const) {
      await recordVote({ userId: other.id, via: 'token' }, projectId, { referenceId, stage, decision: 'exclude', reason: 'Wrong setting', note: marker });
      await recordVote({ userId: me.id, via: 'token' }, projectId, { referenceId, stage, decision: 'include' });
    }
    const token = (await createApiToken({ userId: me.id, via: 'cli' }, { name: 'probe' })).token;
    const outsider = await createUser(db());
    const scene: Scene = {
      db: db(),
      projectId,
      users: { owner: seeded.owner, lead: seeded.members.lead[0], reviewer: me, otherReviewer: other, viewer: seeded.members.viewer[0], nonMember: outsider },
    };
    const probed: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const key = `${route.method} ${route.path}`;
      const entry = AUTHZ_MATRIX[key];
      const extra = (await entry?.params?.(scene)) ?? {};
      for (const referenceId of [taRecord, ftRecord]) {
        for (const stage of ['title_abstract', 'full_text']) {
          const params = { id: projectId, ...extra, referenceId, stage };
          const response = await callRoute(route, params, { token, query: { ...(entry?.query?.(scene) ?? {}), stage } });
          const text = await response.text();
          expect(text, `${key} leaks the co-reviewer's note`).not.toContain(marker);
          if (response.headers.get('content-type')?.includes('json') && text) {
            expect(findLeaks(JSON.parse(text), other), `${key} leaks a co-reviewer's decision`).toEqual([]);
          }
          probed.push(`${key} ${response.status}`);
        }
      }
    }
    expect(probed.length).toBeGreaterThanOrEqual(routes.filter((r) => r.method === 'GET').length);
  });
});
