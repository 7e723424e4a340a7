/**
 * The demo review a new user finds on first start: "Digital mental health:
 * barriers and facilitators", with an owner, a lead and two reviewers, and the
 * 15 real references of db/seed/demo/digital-mental-health.ris.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, screeningStates, users } from '@/db/schema';
import { parseReferences } from '@/lib/domain/references';
import { addMembers } from './add-members';
import { seedDemoCoding } from './demo-coding';
import { castDemoVotes } from './demo-votes';
import { seedDemoExtraction } from './demo-extraction';
import { createUser, seedProject, seedReferences } from './factories';

export const DEMO_PASSWORD = 'tandem-demo-2026';

export const DEMO_ACCOUNTS = [
  { role: 'owner', email: 'owner@tandem.demo', name: 'Olivia Owner' },
  { role: 'lead', email: 'lead@tandem.demo', name: 'Leo Lead' },
  { role: 'reviewer', email: 'reviewer1@tandem.demo', name: 'Rosa Reviewer' },
  { role: 'reviewer', email: 'reviewer2@tandem.demo', name: 'Raj Reviewer' },
] as const;

export const DEMO_PROJECT_TITLE = 'Digital mental health: barriers and facilitators';

const DEMO_QUESTION =
  'What are the barriers and facilitators to implementing digital technologies in mental health systems?';

const DEMO_CRITERIA = [
  'Include: primary qualitative or mixed-methods research; digital mental health technologies',
  '(apps, web-based therapy, telehealth, digital tools) in mental health care; barriers or',
  'facilitators to implementation reported by patients, providers, organisations or policy makers.',
  'Exclude: no digital technology; not mental health; no implementation barriers or facilitators;',
  'conference abstracts, protocols and opinion pieces.',
].join('\n');

/** Seed the demo when the database has no users at all (a first start). Returns true when it did. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  return true;
}

export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  return rows.length > 0;
}

export async function seedDemo(db: Db): Promise<{ projectId: string }> {
  const [owner, lead, reviewer1, reviewer2] = await Promise.all(
    DEMO_ACCOUNTS.map((a) => createUser(db, { email: a.email, name: a.name, password: DEMO_PASSWORD })),
  );
  const { project } = await seedProject(db, {
    title: DEMO_PROJECT_TITLE,
    question: DEMO_QUESTION,
    criteria: DEMO_CRITERIA,
    owner,
  });
  await addMembers(db, project.id, [
    { userId: lead.id, role: 'lead' },
    { userId: reviewer1.id, role: 'reviewer' },
    { userId: reviewer2.id, role: 'reviewer' },
  ]);
  const text = readFileSync(join(process.cwd(), 'db/seed/demo/digital-mental-health.ris'), 'utf8');
  const { records } = parseReferences(text);
  const { referenceIds } = await seedReferences(
    db,
    project.id,
    // As an import stores them (the original tags in raw included).
    records,
    { databaseName: 'Demo library', fileName: 'digital-mental-health.ris', format: 'ris', importedBy: lead.id },
  );
  await db.insert(screeningStates).values(referenceIds.map((referenceId) => ({ referenceId, projectId: project.id, stage: 'title_abstract' as const })));
  await db
    .update(projects)
    .set({
      settings: {
        reviewersRequired: { title_abstract: 2, full_text: 2 },
        blindScreening: true,
        highlightTerms: { include: ['digital*', 'telehealth', 'app', 'apps', 'mental health', 'implement*'], exclude: ['diabetes', 'type 2'] },
      },
    })
    .where(eq(projects.id, project.id));
  await castDemoVotes(project.id, referenceIds, { reviewer1: reviewer1.id, reviewer2: reviewer2.id });
  await seedDemoCoding(db, project.id, { lead: lead.id, reviewer1: reviewer1.id, reviewer2: reviewer2.id });
  await seedDemoExtraction(db, project.id, { landes: referenceIds[3], orlowski: referenceIds[4] }, { lead: lead.id, reviewer1: reviewer1.id, reviewer2: reviewer2.id });
  return { projectId: project.id };
}
