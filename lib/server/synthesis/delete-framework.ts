import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { frameworks } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadFramework } from './framework-dto';

/** Remove a framework with its mappings and statements; codes, quotes and codings stay. */
export async function deleteFramework(actor: Actor, projectId: string, frameworkId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  const framework = await loadFramework(db, projectId, frameworkId);
  await db.transaction(async (tx) => {
    await tx.delete(frameworks).where(and(eq(frameworks.id, frameworkId), eq(frameworks.projectId, projectId)));
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'framework.delete', entityType: 'framework', entityId: frameworkId, before: { name: framework.name } });
  });
}
