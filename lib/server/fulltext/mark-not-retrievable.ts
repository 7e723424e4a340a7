import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { fullTexts } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { parseInput } from '@/lib/server/errors/parse-input';
import { lockStageState } from '@/lib/server/screening/stage-state-store';

const ZNotRetrievable = z.object({ notRetrievable: z.boolean() });

/** Flag a report that could not be retrieved (PRISMA's "reports not retrieved"), or clear the flag. */
export async function markNotRetrievable(actor: Actor, projectId: string, referenceId: string, raw: unknown): Promise<{ notRetrievable: boolean }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'fulltext.upload');
  const { notRetrievable } = parseInput(ZNotRetrievable, raw);
  return db.transaction(async (tx) => {
    await lockStageState(tx, projectId, referenceId, 'full_text');
    await tx
      .insert(fullTexts)
      .values({ projectId, referenceId, notRetrievable, uploadedBy: actor.userId })
      .onConflictDoUpdate({ target: fullTexts.referenceId, set: { notRetrievable } });
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: notRetrievable ? 'full-text.not-retrievable' : 'full-text.retrievable',
      entityType: 'full_text',
      entityId: referenceId,
      after: { notRetrievable },
    });
    return { notRetrievable };
  });
}
