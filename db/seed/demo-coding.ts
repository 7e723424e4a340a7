/**
 * The demo's coding so far, made through the same use-cases as the app: a
 * small codebook (two descriptive themes with their codes) and a few quotes on
 * the demo's first included study, double-coded by the two reviewers and
 * compared, so the coding agreement has numbers. Its text is a short note written for the
 * demo (the demo library has no abstracts), and says so in its first line.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { references, studies } from '@/db/schema';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { compareDoubleCoding } from '@/lib/server/coding/compare-double-coding';
import { createCode } from '@/lib/server/coding/create-code';
import { setDocumentText } from '@/lib/server/coding/set-document-text';

const DEMO_TEXT = [
  'Demo text written for Tandem (not the study\'s own words): replace it with the study\'s text under "Change the text".',
  'Clinicians said that moving group therapy to video took more preparation time than they had.',
  'Several reported unstable connections in patients\' homes, which interrupted sessions.',
  'Leadership support and quick technical help made the change workable.',
  'Patients who lived far from a clinic valued not having to travel.',
].join('\n');

export async function seedDemoCoding(db: Db, projectId: string, people: { lead: string; reviewer1: string; reviewer2: string }): Promise<void> {
  const [study] = await db
    .select({ id: studies.id })
    .from(studies)
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(and(eq(studies.projectId, projectId)))
    .orderBy(asc(references.title))
    .limit(1);
  if (!study) return;
  const lead = { userId: people.lead, via: 'cli' as const };
  const code = async (name: string, extra: Record<string, unknown> = {}) => (await createCode(lead, projectId, { name, ...extra })).id;
  const barriers = await code('Barriers to delivering care remotely', { kind: 'descriptive_theme' });
  const facilitators = await code('What made remote care work', { kind: 'descriptive_theme' });
  const time = await code('Lack of preparation time', { parentId: barriers, polarity: 'barrier' });
  const connection = await code('Unreliable connections', { parentId: barriers, polarity: 'barrier' });
  const support = await code('Leadership and technical support', { parentId: facilitators, polarity: 'facilitator' });
  const travel = await code('No travel for patients', { parentId: facilitators, polarity: 'facilitator' });
  await setDocumentText({ userId: people.reviewer1, via: 'cli' }, projectId, study.id, { source: 'paste', text: DEMO_TEXT });
  const quotes: [string, string, string[]][] = [
    [people.reviewer1, 'took more preparation time than they had', [time]],
    [people.reviewer1, 'unstable connections in patients\' homes, which interrupted sessions', [connection]],
    [people.reviewer1, 'Leadership support and quick technical help made the change workable', [support]],
    [people.reviewer2, 'valued not having to travel', [travel]],
    [people.reviewer2, 'moving group therapy to video took more preparation time', [time]],
    [people.reviewer2, 'unstable connections in patients\' homes', [connection]],
  ];
  // The study is double-coded by the two reviewers, and already compared, so the agreement page has numbers.
  await assignDoubleCoding(lead, projectId, { mode: 'studies', studyIds: [study.id], firstCoderId: people.reviewer1, secondCoderId: people.reviewer2 });
  for (const [coder, phrase, codeIds] of quotes) {
    const start = DEMO_TEXT.indexOf(phrase);
    await applyCoding({ userId: coder, via: 'cli' }, projectId, { studyId: study.id, codeIds, start, end: start + phrase.length });
  }
  await compareDoubleCoding(lead, projectId, study.id);
}
