import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fullTexts, references, screeningStates, studies } from '@/db/schema';
import { seedProject, seedReferences } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { markNotRetrievable } from '@/lib/server/fulltext/mark-not-retrievable';
import { getPrismaReport } from '@/lib/server/prisma/get-prisma-report';
import { recordVote } from '@/lib/server/screening/record-vote';
import { resolveRecord } from '@/lib/server/screening/resolve-record';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

/**
 * A small review screened through the use-cases: 12 records from Medline and
 * 8 from Embase, 3 duplicates removed, 17 screened; 7 excluded at title/abstract;
 * 10 sought; 1 not retrieved; 9 assessed; 4 excluded (2 wrong population,
 * 1 wrong setting, 1 resolved to wrong study design); 5 included.
 */
async function screenedReview() {
  const s = await seedProject(db(), { leads: 1, reviewers: 2 });
  const projectId = s.project.id;
  const make = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i + 1}` }));
  const medline = await seedReferences(db(), projectId, make('Medline', 12), { databaseName: 'Medline' });
  const embase = await seedReferences(db(), projectId, make('Embase', 8), { databaseName: 'Embase' });
  const [dupA, dupB, dupC, ...embaseKept] = embase.referenceIds;
  for (const dup of [dupA, dupB, dupC]) {
    await db().update(references).set({ duplicateOfId: medline.referenceIds[0] }).where(eq(references.id, dup));
  }
  const kept = [...medline.referenceIds, ...embaseKept];
  await db().insert(screeningStates).values(kept.map((referenceId) => ({ referenceId, projectId, stage: 'title_abstract' as const })));
  const [r1, r2] = s.members.reviewer;
  const lead = s.members.lead[0];
  const vote = (user: { id: string }, referenceId: string, stage: 'title_abstract' | 'full_text', decision: 'include' | 'exclude', reason?: string) =>
    recordVote(as(user), projectId, { referenceId, stage, decision, reason });
  for (const [i, id] of kept.entries()) {
    const decision = i < 10 ? 'include' : 'exclude';
    await vote(r1, id, 'title_abstract', decision);
    await vote(r2, id, 'title_abstract', decision);
  }
  const ft = kept.slice(0, 10);
  await markNotRetrievable(as(r1), projectId, ft[0], { notRetrievable: true });
  for (const id of ft.slice(1, 6)) {
    await vote(r1, id, 'full_text', 'include');
    await vote(r2, id, 'full_text', 'include');
  }
  for (const [id, reason] of [[ft[6], 'Wrong population'], [ft[7], 'Wrong population'], [ft[8], 'Wrong setting']] as const) {
    await vote(r1, id, 'full_text', 'exclude', reason);
    await vote(r2, id, 'full_text', 'exclude', reason);
  }
  await vote(r1, ft[9], 'full_text', 'exclude', 'Wrong population');
  await vote(r2, ft[9], 'full_text', 'include');
  await resolveRecord(as(lead), projectId, { referenceId: ft[9], stage: 'full_text', decision: 'exclude', reason: 'Wrong study design' });
  return { ...s, projectId };
}

describe('[PRISMA] counts come from the data', () => {
  it('matches the hand count and an independent SQL count for every box, and all checks hold', async () => {
    const { projectId, owner } = await screenedReview();
    const { counts, checks, svg, csv } = await getPrismaReport(as(owner), projectId);
    expect(counts).toMatchObject({
      database_results: 20,
      database_specific_results: 'Medline, 12; Embase, 8',
      duplicates: 3,
      records_screened: 17,
      records_excluded: 7,
      dbr_sought_reports: 10,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 9,
      dbr_excluded: 'Wrong population, 2; Wrong setting, 1; Wrong study design, 1',
      new_studies: 5,
      new_reports: 5,
    });
    expect(checks.filter((c) => !c.holds)).toEqual([]);

    // The same numbers by other routes through the data (drizzle queries, not the report's SQL).
    const countWhere = async (table: typeof references | typeof screeningStates | typeof studies, where: ReturnType<typeof and>) =>
      Number((await db().select({ n: sql<number>`count(*)` }).from(table).where(where))[0].n);
    expect(await countWhere(references, eq(references.projectId, projectId))).toBe(counts.database_results);
    expect(await countWhere(references, and(eq(references.projectId, projectId), isNotNull(references.duplicateOfId)))).toBe(counts.duplicates);
    const stateCount = (stage: 'title_abstract' | 'full_text', states?: string[]) =>
      countWhere(screeningStates, and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage), states ? inArray(screeningStates.state, states as never[]) : undefined));
    expect(await stateCount('title_abstract')).toBe(counts.records_screened);
    expect(await stateCount('title_abstract', ['excluded', 'resolved_excluded'])).toBe(counts.records_excluded);
    expect(await stateCount('full_text')).toBe(counts.dbr_sought_reports);
    const notRetrieved = await db().select().from(fullTexts).where(and(eq(fullTexts.projectId, projectId), eq(fullTexts.notRetrievable, true)));
    expect(notRetrieved).toHaveLength(counts.dbr_notretrieved_reports);
    const decided = await db()
      .select({ referenceId: screeningStates.referenceId })
      .from(screeningStates)
      .where(and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, 'full_text'), inArray(screeningStates.state, ['included', 'excluded', 'resolved_included', 'resolved_excluded'])));
    const unretrieved = new Set(notRetrieved.map((f) => f.referenceId));
    expect(decided.filter((d) => !unretrieved.has(d.referenceId))).toHaveLength(counts.dbr_assessed);
    expect(await countWhere(studies, eq(studies.projectId, projectId))).toBe(counts.new_studies);

    expect(svg).toContain('Wrong population');
    expect(csv.split(/\r?\n/)[0]).toMatch(/^data,/);
  });

  it('reports open screening honestly: checks fail until the reports are decided', async () => {
    const s = await seedProject(db(), { reviewers: 2 });
    const { referenceIds } = await seedReferences(db(), s.project.id, [{ title: 'Only record' }]);
    await db().insert(screeningStates).values({ referenceId: referenceIds[0], projectId: s.project.id, stage: 'title_abstract' });
    const { counts, checks } = await getPrismaReport(as(s.owner), s.project.id);
    expect(counts).toMatchObject({ records_screened: 1, records_excluded: 0, dbr_sought_reports: 0, new_studies: 0 });
    expect(checks.find((c) => c.id.includes('sought'))?.holds).toBe(false);
  });
});
