import 'server-only';
import type { Role } from '@/lib/domain/access/permissions';

export type MemberDto = { userId: string; email: string; name: string; role: Role; joinedAt: string };
export type InvitationDto = { id: string; email: string; role: Role; invitedAt: string };
export type MemberList = { members: MemberDto[]; invitations: InvitationDto[] };
