import 'server-only';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';

export type AuditEventInput = {
  projectId?: string | null;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Write one audit event, inside the caller's transaction so that a change and
 * its record commit or roll back together.
 */
export async function recordAuditEvent(tx: Db, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({
    projectId: event.projectId ?? null,
    actorId: event.actorId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
