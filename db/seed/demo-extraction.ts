/**
 * The demo's extraction so far, through the same use-cases as the app: the
 * lead published the template, both reviewers extracted the two included
 * studies, and the lead finalised one; the other waits in the consensus view
 * with a difference to settle. The answers are illustrative demo values.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { studies } from '@/db/schema';
import { QUALITATIVE_STUDY_TEMPLATE, QUALITATIVE_TEMPLATE_NAME } from '@/lib/domain/extraction/template';
import { finaliseExtraction } from '@/lib/server/extraction/finalise-extraction';
import { publishExtractionForm } from '@/lib/server/extraction/publish-extraction-form';
import { saveExtraction } from '@/lib/server/extraction/save-extraction';

type People = { lead: string; reviewer1: string; reviewer2: string };

const LANDES = {
  country: ['US'],
  year: 2021,
  design: 'survey_with_open_ended_questions',
  sample_size: 60,
  technology_type: ['telehealth_videoconferencing'],
  population: ['health_professionals'],
  setting: ['specialist_mental_health_services'],
  mental_health_condition: ['self_harm_or_suicide', 'severe_mental_illness'],
  guidance: 'guided',
  notes: 'Demo values: dialectical behaviour therapy moved to telehealth during COVID-19.',
};

const ORLOWSKI = {
  country: ['AU'],
  year: 2016,
  design: 'qualitative_focus_groups',
  sample_size: 30,
  technology_type: ['mobile_app', 'web_based_programme', 'online_peer_support_or_social_media'],
  population: ['health_professionals'],
  setting: ['community'],
  mental_health_condition: ['general_mental_health_and_wellbeing'],
  guidance: 'both',
  notes: 'Demo values: youth mental health workforce views on technology-enhanced services.',
};

export async function seedDemoExtraction(db: Db, projectId: string, referenceIds: { landes: string; orlowski: string }, people: People): Promise<void> {
  const as = (userId: string) => ({ userId, via: 'cli' as const });
  await publishExtractionForm(as(people.lead), projectId, { name: QUALITATIVE_TEMPLATE_NAME, fields: [...QUALITATIVE_STUDY_TEMPLATE] });
  const studyOf = async (referenceId: string) => (await db.select({ id: studies.id }).from(studies).where(eq(studies.referenceId, referenceId)))[0]?.id;
  const landes = await studyOf(referenceIds.landes);
  const orlowski = await studyOf(referenceIds.orlowski);
  if (!landes || !orlowski) return;
  const save = (userId: string, studyId: string, values: Record<string, unknown>) =>
    saveExtraction(as(userId), projectId, studyId, { formVersion: 1, values, complete: true });
  await save(people.reviewer1, orlowski, ORLOWSKI);
  await save(people.reviewer2, orlowski, { ...ORLOWSKI, notes: 'Focus groups with youth mental health workers.' });
  await finaliseExtraction(as(people.lead), projectId, orlowski, { formVersion: 1, values: ORLOWSKI });
  // Landes: the two reviewers differ on the sample size and the design; the lead has yet to settle it.
  await save(people.reviewer1, landes, LANDES);
  await save(people.reviewer2, landes, { ...LANDES, sample_size: 58, design: 'mixed_methods', notes: '' });
}
