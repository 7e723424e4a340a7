import type { Db } from '@/db/client';
import { memberships } from '@/db/schema';
import type { Role } from '@/lib/domain/access/permissions';

/** Add existing users to a project with the given roles (seed helper). */
export async function addMembers(db: Db, projectId: string, members: { userId: string; role: Role }[]): Promise<void> {
  if (members.length) await db.insert(memberships).values(members.map((m) => ({ projectId, ...m })));
}
