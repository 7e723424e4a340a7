import type { Db } from '@/db/client';
import { CALLERS, type Caller } from '../authz/types';

export { CALLERS, type Caller };

/**
 * What a server action answered: `ok` (an ActionResult with ok: true, or
 * nothing), `redirect` (it called Next's redirect, which throws), or the code
 * of the failed ActionResult.
 */
export type Outcome = 'ok' | 'redirect' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'VALIDATION' | 'CONFLICT' | (string & {});
export type Expectation = Record<Caller, Outcome>;

export type SceneUser = { id: string; email: string };

/** The one project of the test file: owner, one lead, two reviewers, one viewer, and an outsider. */
export type Scene = {
  db: Db;
  projectId: string;
  users: Record<'owner' | 'lead' | 'reviewer' | 'otherReviewer' | 'viewer' | 'nonMember', SceneUser>;
};

/** One call: the scene, who calls, and the caller's user (null when anonymous). */
export type Call = Scene & { caller: Caller; me: SceneUser | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = (...args: any[]) => Promise<unknown>;

export type ActionEntry =
  | {
      action: AnyAction;
      /** Shown in the test's name when an action has more than one entry (e.g. a `kind` argument). */
      variant?: string;
      expected: Expectation;
      /** Valid arguments for this caller; may seed a fresh target (e.g. a code to delete). */
      args: (call: Call) => Promise<unknown[]> | unknown[];
    }
  | { action: AnyAction; public: string };

/** `entry(action)(expected, args)`: curried so that the arguments are type-checked against the action's own parameters. */
export function entry<P extends unknown[]>(action: (...args: P) => Promise<unknown>) {
  return (expected: Expectation, args: (call: Call) => P | Promise<P>, variant?: string): ActionEntry => ({
    action: action as AnyAction,
    expected,
    args,
    variant,
  });
}

export function publicAction(action: AnyAction, reason: string): ActionEntry {
  return { action, public: reason };
}

const denied = { 'non-member': 'NOT_FOUND', anonymous: 'UNAUTHORIZED' } as const;
export const everyMember = (ok: Outcome = 'ok'): Expectation => ({ owner: ok, lead: ok, reviewer: ok, viewer: ok, ...denied });
export const teamOnly = (ok: Outcome = 'ok'): Expectation => ({ owner: ok, lead: ok, reviewer: ok, viewer: 'FORBIDDEN', ...denied });
export const leadsOnly = (ok: Outcome = 'ok'): Expectation => ({ owner: ok, lead: ok, reviewer: 'FORBIDDEN', viewer: 'FORBIDDEN', ...denied });
export const ownersOnly = (ok: Outcome = 'ok'): Expectation => ({ owner: ok, lead: 'FORBIDDEN', reviewer: 'FORBIDDEN', viewer: 'FORBIDDEN', ...denied });
/** Actions on the caller's own account, not on a project. */
export const anyAccount = (ok: Outcome = 'ok'): Expectation => ({ owner: ok, lead: ok, reviewer: ok, viewer: ok, 'non-member': ok, anonymous: 'UNAUTHORIZED' });

/** A name no earlier call used (labels, names and emails are unique per project). */
export const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 10)}`;

/** The caller if they may write (owner, lead, reviewer), else the reviewer: whose quote, vote or token a call acts on. */
export const writer = (c: Call): SceneUser => (c.caller === 'owner' || c.caller === 'lead' || c.caller === 'reviewer' ? c.me! : c.users.reviewer);
