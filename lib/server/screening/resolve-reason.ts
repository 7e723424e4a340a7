import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exclusionReasons } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import { AppError } from '@/lib/server/errors/app-error';

/** An exclusion reason given by id or by label, checked to belong to the project. */
export async function resolveReasonId(db: Db, projectId: string, reason: string | null | undefined): Promise<string | null> {
  if (!reason) return null;
  const byId = ZUuid.safeParse(reason).success;
  const [row] = await db
    .select({ id: exclusionReasons.id })
    .from(exclusionReasons)
    .where(
      and(
        eq(exclusionReasons.projectId, projectId),
        byId ? eq(exclusionReasons.id, reason) : eq(sql`lower(${exclusionReasons.label})`, reason.toLowerCase()),
      ),
    );
  if (!row) {
    throw new AppError('VALIDATION', `Unknown exclusion reason "${reason}". Use one of the project's reasons.`, {
      reason: ['Not one of this project’s exclusion reasons.'],
    });
  }
  return row.id;
}
