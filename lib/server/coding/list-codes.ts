import 'server-only';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadCodeDtos, type CodeDto } from './code-dto';
import { visibleQuotes } from './coding-scope';

/** The codebook: every code and theme with its quote count (only quotes the caller may see). */
export async function listCodes(actor: Actor, projectId: string): Promise<{ codes: CodeDto[] }> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  return { codes: await loadCodeDtos(db, projectId, await visibleQuotes(db, projectId, actor.userId, role)) };
}
