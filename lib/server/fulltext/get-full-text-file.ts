import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fullTexts } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';

/** A record's PDF, for members of its project. */
export async function getFullTextFile(actor: Actor, projectId: string, referenceId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  if (!ZUuid.safeParse(referenceId).success) throw new AppError('NOT_FOUND', 'Reference not found.');
  const [row] = await db
    .select({ fileName: fullTexts.fileName, content: fullTexts.content })
    .from(fullTexts)
    .where(and(eq(fullTexts.referenceId, referenceId), eq(fullTexts.projectId, projectId)));
  if (!row?.content) throw new AppError('NOT_FOUND', 'No full text has been uploaded for this record.');
  return { fileName: row.fileName ?? 'full-text.pdf', bytes: row.content };
}
