import type { Db } from '@/db/client';

export const CALLERS = ['owner', 'lead', 'reviewer', 'viewer', 'non-member', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];
export type Expectation = Record<Caller, number>;

/** A fresh project per call: owner, one lead, two reviewers, one viewer, and an outsider. */
export type Scene = {
  db: Db;
  projectId: string;
  users: Record<'owner' | 'lead' | 'reviewer' | 'otherReviewer' | 'viewer' | 'nonMember', { id: string; email: string }>;
};

/**
 * What one route must answer to each kind of caller. `params` fills the path
 * (it may seed what the route needs, e.g. a reference); `body` is sent as JSON
 * or `request` builds a custom body (e.g. multipart).
 */
export type MatrixEntry = {
  expected: Expectation;
  params?: (scene: Scene) => Promise<Record<string, string>> | Record<string, string>;
  body?: (scene: Scene) => unknown;
  formData?: (scene: Scene) => FormData;
  query?: (scene: Scene) => Record<string, string>;
  /** A GET whose params write what a second call in the same project would collide with: a fresh project per caller. */
  freshScene?: boolean;
};

export const everyMember = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: ok, viewer: ok, 'non-member': 404, anonymous: 401,
});
export const ownersOnly = (ok: number): Expectation => ({
  owner: ok, lead: 403, reviewer: 403, viewer: 403, 'non-member': 404, anonymous: 401,
});
export const leadsOnly = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: 403, viewer: 403, 'non-member': 404, anonymous: 401,
});
export const teamOnly = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: ok, viewer: 403, 'non-member': 404, anonymous: 401,
});
export const anyAccount = (ok: number): Expectation => ({
  owner: ok, lead: ok, reviewer: ok, viewer: ok, 'non-member': ok, anonymous: 401,
});
