import 'server-only';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadFrameworks, type FrameworkDto } from './framework-dto';

/** The project's frameworks with their domains, themes and levels. */
export async function listFrameworks(actor: Actor, projectId: string): Promise<FrameworkDto[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  return loadFrameworks(db, projectId);
}
