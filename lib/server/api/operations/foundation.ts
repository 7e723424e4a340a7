import 'server-only';
import { ZAddMember, ZChangeRole, ZCreateProject } from '@/lib/validation/projects';
import {
  ZAddMemberOut,
  ZMemberListOut,
  ZMemberOut,
  ZProjectListItemOut,
  ZProjectOut,
  ZUserOut,
} from '@/lib/validation/api';
import { z as zod } from 'zod';

import type { ApiOperation } from './types';

/** Accounts, projects and members. */
export const FOUNDATION_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The user this token or session belongs to',
    tag: 'account',
    success: { status: 200, body: ZUserOut, description: 'The current user' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/projects',
    summary: 'Projects I belong to',
    tag: 'projects',
    success: { status: 200, body: zod.object({ projects: zod.array(ZProjectListItemOut) }), description: 'My projects' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/projects',
    summary: 'Create a project (the creator becomes its owner)',
    tag: 'projects',
    request: ZCreateProject,
    success: { status: 201, body: ZProjectOut, description: 'The new project' },
    errors: [400, 422],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}',
    summary: 'A project I belong to',
    tag: 'projects',
    success: { status: 200, body: ZProjectOut, description: 'The project' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/members',
    summary: 'Members and pending invitations',
    tag: 'members',
    success: { status: 200, body: ZMemberListOut, description: 'Members and invitations' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/members',
    summary: 'Add a member by email, or invite an email with no account yet (owners)',
    tag: 'members',
    request: ZAddMember,
    success: { status: 201, body: ZAddMemberOut, description: 'The new member or invitation' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'patch',
    path: '/api/v1/projects/{id}/members/{userId}',
    summary: "Change a member's role (owners; the last owner cannot be demoted)",
    tag: 'members',
    request: ZChangeRole,
    success: { status: 200, body: ZMemberOut, description: 'The member with the new role' },
    errors: [400, 403, 404, 409, 422],
  },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}/members/{userId}',
    summary: 'Remove a member (owners; the last owner cannot be removed)',
    tag: 'members',
    success: { status: 204, description: 'Removed' },
    errors: [403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    tag: 'meta',
    success: { status: 200, description: 'The OpenAPI 3.1 document' },
    errors: [],
    isPublic: true,
  },
];
