/** Scenes of the ranking integration tests: a project whose obvious include is known in advance. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs, screeningStates } from '@/db/schema';
import { seedProject, seedReferences, type SeededUser } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { randomOrderSeed } from '@/lib/server/screening/get-screening-queue';
import { recordVote } from '@/lib/server/screening/record-vote';

export const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
export const ta = 'title_abstract' as const;

export function rankingScenes(db: () => Db) {
  /** Two records about nudging physicians, the rest about soil: an obvious include once one nudging record is included. */
  const TOPICS = [
    { key: 'inc', title: 'Nudging physicians with reminders', abstract: 'A default order set nudged physician prescribing in primary care.' },
    { key: 'exc', title: 'Soil bacteria after rainfall', abstract: 'Nitrogen fixing bacteria in soil after rainfall on farms.' },
    { key: 'obvious', title: 'Reminders nudging physician prescribing', abstract: 'Default options and reminders nudged physicians prescribing in primary care.' },
    ...Array.from({ length: 9 }, (_, i) => ({
      key: `soil-${i}`,
      title: `Soil study ${i}: crops, fungi and rainfall`,
      abstract: `Rainfall, nitrogen, fungi and bacteria in soil under crops, field ${i}.`,
    })),
  ];

  async function scene(options: { reviewers?: number; required?: number; blind?: boolean } = {}) {
    const seeded = await seedProject(db(), {
      leads: 1,
      reviewers: options.reviewers ?? 3,
      viewers: 1,
      settings: {
        reviewersRequired: { title_abstract: options.required ?? 1, full_text: 1 },
        blindScreening: options.blind ?? true,
        highlightTerms: { include: [], exclude: [] },
      },
    });
    const projectId = seeded.project.id;
    const { referenceIds } = await seedReferences(db(), projectId, TOPICS.map(({ title, abstract }) => ({ title, abstract })));
    await db().insert(screeningStates).values(referenceIds.map((referenceId) => ({ referenceId, projectId, stage: ta })));
    const id = Object.fromEntries(TOPICS.map((t, i) => [t.key, referenceIds[i]])) as Record<string, string>;
    return { ...seeded, projectId, id, ids: referenceIds, lead: seeded.members.lead[0], viewer: seeded.members.viewer[0], reviewers: seeded.members.reviewer };
  }

  const vote = (user: SeededUser, projectId: string, referenceId: string, decision: 'include' | 'exclude' | 'maybe') =>
    recordVote(as(user), projectId, { referenceId, stage: ta, decision });

  async function rankJobs(projectId: string) {
    return db()
      .select({ id: jobs.id, status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.projectId, projectId), eq(jobs.kind, 'rank')));
  }

  /** The project's seeded random order of `ids`, computed apart from the queue query. */
  async function seededOrder(ids: string[], projectId: string): Promise<string[]> {
    const rows = await db().execute(
      sql`select id::text from unnest(${`{${ids.join(',')}}`}::uuid[]) as u(id) order by hashtextextended(id::text, ${randomOrderSeed(projectId)}::bigint), id`,
    );
    return (Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: string }[] }).rows).map((r: { id: string }) => r.id);
  }

  return { TOPICS, scene, vote, rankJobs, seededOrder };
}
