/**
 * Screening scene-setters for tests and the demo: references that are ready to
 * screen, and records moved straight to full text. They write rows directly;
 * votes that matter go through the use-cases.
 */
import type { Db } from '@/db/client';
import { fullTexts, resolutions, screeningStates, votes } from '@/db/schema';
import type { Decision, Stage } from '@/lib/domain/screening';
import { seedReferences } from './factories';

/** References at title/abstract screening (state rows included), titled "<prefix> 1..n". */
export async function seedScreenableReferences(
  db: Db,
  projectId: string,
  count: number,
  options: { prefix?: string; abstract?: string } = {},
): Promise<string[]> {
  const { referenceIds } = await seedReferences(
    db,
    projectId,
    Array.from({ length: count }, (_, i) => ({
      title: `${options.prefix ?? 'Record'} ${i + 1}`,
      abstract: options.abstract ?? `Abstract of record ${i + 1}.`,
      authors: ['Doe, Jane'],
      year: 2020,
    })),
  );
  if (referenceIds.length) {
    await db.insert(screeningStates).values(referenceIds.map((referenceId) => ({ referenceId, projectId, stage: 'title_abstract' as const })));
  }
  return referenceIds;
}

/** Move a record to full text as if a lead had included it at title/abstract. */
export async function includeAtTitleAbstract(db: Db, projectId: string, referenceId: string, leadId: string): Promise<void> {
  await db.insert(resolutions).values({ projectId, referenceId, stage: 'title_abstract', decision: 'include', resolvedBy: leadId });
  await db
    .insert(screeningStates)
    .values({ referenceId, projectId, stage: 'title_abstract', state: 'resolved_included' })
    .onConflictDoUpdate({ target: [screeningStates.referenceId, screeningStates.stage], set: { state: 'resolved_included' } });
  await db.insert(screeningStates).values({ referenceId, projectId, stage: 'full_text' }).onConflictDoNothing();
}

/** A raw vote row (no state update): for tests that need votes to exist. */
export async function insertVote(
  db: Db,
  v: { projectId: string; referenceId: string; stage: Stage; reviewerId: string; decision: Decision; reasonId?: string | null },
): Promise<void> {
  await db.insert(votes).values({ ...v, reasonId: v.reasonId ?? null });
}

export async function attachFullText(db: Db, projectId: string, referenceId: string, pdf: Buffer): Promise<void> {
  await db.insert(fullTexts).values({
    projectId,
    referenceId,
    fileName: 'report.pdf',
    contentType: 'application/pdf',
    byteSize: pdf.length,
    content: pdf,
    extractedText: '',
    pageCount: 1,
  });
}
