import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons, resolutions, votes } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';

export type ExclusionReasonDto = { id: string; label: string; position: number; usage: number };

/** The project's ordered full-text exclusion reasons, with how often each was used. */
export async function listExclusionReasons(actor: Actor, projectId: string): Promise<ExclusionReasonDto[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  const rows = await db
    .select({ id: exclusionReasons.id, label: exclusionReasons.label, position: exclusionReasons.position })
    .from(exclusionReasons)
    .where(eq(exclusionReasons.projectId, projectId))
    .orderBy(asc(exclusionReasons.position), asc(exclusionReasons.createdAt));
  const voteUse = await db
    .select({ reasonId: votes.reasonId, n: count() })
    .from(votes)
    .where(eq(votes.projectId, projectId))
    .groupBy(votes.reasonId);
  const resolutionUse = await db
    .select({ reasonId: resolutions.reasonId, n: count() })
    .from(resolutions)
    .where(eq(resolutions.projectId, projectId))
    .groupBy(resolutions.reasonId);
  const usage = new Map<string, number>();
  for (const u of [...voteUse, ...resolutionUse]) if (u.reasonId) usage.set(u.reasonId, (usage.get(u.reasonId) ?? 0) + Number(u.n));
  return rows.map((r) => ({ ...r, usage: usage.get(r.id) ?? 0 }));
}
