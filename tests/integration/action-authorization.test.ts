import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { discoverServerActions, type DiscoveredAction } from '../support/action-authz/discover';
import { ACTION_MATRIX, seedFixtures } from '../support/action-authz/entries';
import { CALLERS, type ActionEntry, type Call, type Caller, type Outcome, type Scene } from '../support/action-authz/types';
import { setupTestDatabase } from '../support/test-db';

const SESSION_ENDED = 'Your session has ended. Sign in again.';

// Each call runs as the caller the test chooses: actions read it from getSessionActor.
const session = vi.hoisted(() => ({ actor: null as Actor | null, redirects: [] as string[] }));
vi.mock('@/lib/server/auth/session-actor', () => ({
  getSessionActor: async () => session.actor,
  requireSessionActor: async () => {
    if (!session.actor) throw new Error('requireSessionActor without a session');
    return session.actor;
  },
}));
// next-auth does not load outside Next; the public sign-in and sign-up actions that use it are not called here.
vi.mock('@/lib/server/auth/auth', () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
  SESSION_MAX_AGE_SECONDS: 12 * 60 * 60,
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// Next's redirect throws to end the action: the mock records the target and throws a marker.
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    session.redirects.push(url);
    throw Object.assign(new Error(`redirect ${url}`), { redirectTo: url });
  },
  notFound: () => {
    throw new Error('notFound');
  },
}));

const { db } = setupTestDatabase();

let scene: Scene;
let actions: DiscoveredAction[] = [];

beforeAll(async () => {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  scene = {
    db: db(),
    projectId: seeded.project.id,
    users: {
      owner: seeded.owner,
      lead: seeded.members.lead[0],
      reviewer: seeded.members.reviewer[0],
      otherReviewer: seeded.members.reviewer[1],
      viewer: seeded.members.viewer[0],
      nonMember: await createUser(db()),
    },
  };
  await seedFixtures(scene);
  actions = await discoverServerActions();
});

function userOf(caller: Caller) {
  const u = scene.users;
  return { owner: u.owner, lead: u.lead, reviewer: u.reviewer, viewer: u.viewer, 'non-member': u.nonMember, anonymous: null }[caller];
}

type Failure = { ok: false; error: string; code?: string };
type Run = { outcome: Outcome; result: unknown };

async function callAs(entry: Extract<ActionEntry, { args: unknown }>, caller: Caller): Promise<Run> {
  const me = userOf(caller);
  const call: Call = { ...scene, caller, me };
  // Arguments are built (and seeded) before the caller is set: seeding runs as no one.
  session.actor = null;
  const args = await entry.args(call);
  session.actor = me ? { userId: me.id, via: 'session' } : null;
  try {
    const result = (await entry.action(...args)) as { ok: boolean; code?: string } | null | undefined;
    if (result == null || result.ok) return { outcome: 'ok', result };
    return { outcome: result.code ?? `no code: ${(result as Failure).error}`, result };
  } catch (error) {
    if (error && typeof error === 'object' && 'redirectTo' in error) return { outcome: 'redirect', result: error };
    throw error;
  } finally {
    session.actor = null;
  }
}

const nameOf = (action: unknown) => actions.find((a) => a.fn === action)?.key;

describe('[AUTHZ] every server action as every kind of caller', () => {
  it('finds the server actions in the source (13 files today)', () => {
    expect(new Set(actions.map((a) => a.file)).size).toBeGreaterThanOrEqual(13);
    for (const a of actions) expect(typeof a.fn, `${a.key} is a function`).toBe('function');
  });

  it('has an expectation for every server action that exists, and none for one that does not', () => {
    const covered = new Set(ACTION_MATRIX.map((e) => e.action));
    const missing = actions.filter((a) => !covered.has(a.fn as never)).map((a) => a.key);
    expect(missing, 'server actions without an entry in tests/support/action-authz/entries.ts').toEqual([]);
    const unknown = ACTION_MATRIX.filter((e) => !actions.some((a) => a.fn === e.action)).map((e) => e.action.name);
    expect(unknown, 'entries for functions that are not exported server actions').toEqual([]);
  });

  for (const entry of ACTION_MATRIX) {
    if ('public' in entry) {
      it.skip(`${entry.action.name} is public: ${entry.public}`, () => undefined);
      continue;
    }
    const { expected } = entry;
    const label = `${entry.action.name}${entry.variant ? ` (${entry.variant})` : ''}`;
    it(`${label} answers ${CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')}`, async () => {
      expect(nameOf(entry.action), `${label} is a discovered server action`).toBeDefined();
      const actual: Partial<Record<Caller, Outcome>> = {};
      const details: Record<string, unknown> = {};
      for (const caller of CALLERS) {
        const { outcome, result } = await callAs(entry, caller);
        actual[caller] = outcome;
        if (outcome !== expected[caller]) details[caller] = result;
        if (caller === 'anonymous' && outcome === 'UNAUTHORIZED') {
          expect(result, `${label} as anonymous`).toEqual({ ok: false, error: SESSION_ENDED, code: 'UNAUTHORIZED' });
        }
        if (outcome !== 'ok' && outcome !== 'redirect') {
          expect((result as Failure).error, `${label} as ${caller} names why`).toEqual(expect.any(String));
        }
      }
      expect({ actual, details }).toEqual({ actual: expected, details: {} });
    });
  }
});
