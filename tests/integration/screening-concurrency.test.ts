import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { projects, screeningStates, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { deriveRecordState, type Decision } from '@/lib/domain/screening';
import { isAppError } from '@/lib/server/errors/app-error';
import { recordVote } from '@/lib/server/screening/record-vote';
import { setupTestDatabase } from '../support/test-db';

const { db, kind } = setupTestDatabase();

const REVIEWERS = 10;
/** The full load on PostgreSQL, where it is a real race; PGlite serialises everything, so a smaller run there. */
const recordCount = () => (kind() === 'postgres' ? 200 : 40);
const REQUIRED = 3;

/** Record i: all include, all exclude, all maybe, or split by reviewer parity. */
function decisionFor(record: number, reviewer: number): Decision {
  switch (record % 4) {
    case 0:
      return 'include';
    case 1:
      return 'exclude';
    case 2:
      return 'maybe';
    default:
      return reviewer % 2 === 0 ? 'include' : 'exclude';
  }
}

/** Each reviewer walks the records in a different order, so they collide on every record. */
function orderFor(reviewer: number, records: number): number[] {
  const order = Array.from({ length: records }, (_, i) => i);
  return reviewer % 2 === 0 ? order : order.reverse();
}

describe('[CONCURRENCY] many reviewers voting at once on the same records', () => {
  it(`${REVIEWERS} reviewers voting on the same records: exactly one vote per record and reviewer, ${REQUIRED} per record, exact states`, async () => {
    const RECORDS = recordCount();
    const seeded = await seedProject(db(), { reviewers: REVIEWERS });
    const projectId = seeded.project.id;
    await db()
      .update(projects)
      .set({ settings: { reviewersRequired: { title_abstract: REQUIRED, full_text: 2 }, blindScreening: true, highlightTerms: { include: [], exclude: [] } } })
      .where(eq(projects.id, projectId));
    const ids = await seedScreenableReferences(db(), projectId, RECORDS);
    const reviewers = seeded.members.reviewer;

    const castAll = (phase: string) =>
      Promise.all(
        reviewers.map(async (reviewer, k) => {
          const accepted: string[] = [];
          for (const i of orderFor(k, RECORDS)) {
            try {
              await recordVote({ userId: reviewer.id, via: 'token' }, projectId, {
                referenceId: ids[i],
                stage: 'title_abstract',
                decision: decisionFor(i, k),
                note: phase,
              });
              accepted.push(`${ids[i]}:${reviewer.id}`);
            } catch (error) {
              if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
            }
          }
          return accepted;
        }),
      );

    const accepted = (await castAll('first')).flat();
    const rows = await db().select().from(votes).where(eq(votes.projectId, projectId));
    const stored = rows.map((v) => `${v.referenceId}:${v.reviewerId}`);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored.sort()).toEqual(accepted.sort());
    expect(stored).toHaveLength(RECORDS * REQUIRED);

    // Submitting the same votes again, all at once, changes nothing.
    const again = (await castAll('first')).flat();
    expect(again.sort()).toEqual(accepted.sort());
    expect(await db().select().from(votes).where(eq(votes.projectId, projectId))).toHaveLength(RECORDS * REQUIRED);

    // Every stored state equals the one rule applied to the stored votes.
    const states = await db().select().from(screeningStates).where(eq(screeningStates.projectId, projectId));
    const taStates = states.filter((s) => s.stage === 'title_abstract');
    expect(taStates).toHaveLength(RECORDS);
    const counts: Record<string, number> = {};
    for (const s of taStates) {
      const recordVotes = rows.filter((v) => v.referenceId === s.referenceId);
      const expected = deriveRecordState({ stage: 'title_abstract', votes: recordVotes, requiredVotes: REQUIRED });
      expect(s.state).toBe(expected.state);
      expect(s.voteCount).toBe(REQUIRED);
      counts[s.state] = (counts[s.state] ?? 0) + 1;
    }
    // Uniform records have one possible outcome; split records depend on who voted first.
    const uniformIncluded = RECORDS / 2;
    const uniformExcluded = RECORDS / 4;
    expect(counts.included).toBeGreaterThanOrEqual(uniformIncluded);
    expect(counts.excluded).toBeGreaterThanOrEqual(uniformExcluded);
    expect((counts.included ?? 0) + (counts.excluded ?? 0) + (counts.conflict ?? 0)).toBe(RECORDS);
    expect(states.filter((s) => s.stage === 'full_text')).toHaveLength(counts.included);
    console.info(`[concurrency on ${kind()}] states: ${JSON.stringify(counts)}`);
  }, 240_000);
});
