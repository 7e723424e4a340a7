import { anyAccount, everyMember, ownersOnly, type MatrixEntry } from './types';

export const FOUNDATION_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/me': { expected: anyAccount(200) },
  'GET /api/v1/openapi.json': { expected: { ...anyAccount(200), anonymous: 200 } },
  'GET /api/v1/projects': { expected: anyAccount(200) },
  'POST /api/v1/projects': { expected: anyAccount(201), body: () => ({ title: 'Matrix review' }) },
  'GET /api/v1/projects/{id}': { expected: everyMember(200) },
  'GET /api/v1/projects/{id}/members': { expected: everyMember(200) },
  'POST /api/v1/projects/{id}/members': {
    expected: ownersOnly(201),
    body: () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@example.test`, role: 'viewer' }),
  },
  'PATCH /api/v1/projects/{id}/members/{userId}': {
    expected: ownersOnly(200),
    params: (s) => ({ userId: s.users.otherReviewer.id }),
    body: () => ({ role: 'lead' }),
  },
  'DELETE /api/v1/projects/{id}/members/{userId}': {
    expected: ownersOnly(204),
    params: (s) => ({ userId: s.users.otherReviewer.id }),
  },
};
