import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, extractions } from '@/db/schema';
import { seedStudies, TEMPLATE_ANSWERS } from '@/db/seed/extraction-factories';
import { createUser, seedProject } from '@/db/seed/factories';
import { QUALITATIVE_STUDY_TEMPLATE, type ExtractionField } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { exportCharacteristicsTable } from '@/lib/server/extraction/export-characteristics-table';
import { finaliseExtraction } from '@/lib/server/extraction/finalise-extraction';
import { getCharacteristicsTable } from '@/lib/server/extraction/get-characteristics-table';
import { getExtractionConsensus } from '@/lib/server/extraction/get-extraction-consensus';
import { getExtractionForm } from '@/lib/server/extraction/get-extraction-form';
import { getStudyExtraction } from '@/lib/server/extraction/get-study-extraction';
import { listExtractionStudies } from '@/lib/server/extraction/list-extraction-studies';
import { publishExtractionForm } from '@/lib/server/extraction/publish-extraction-form';
import { reopenExtraction } from '@/lib/server/extraction/reopen-extraction';
import { saveExtraction } from '@/lib/server/extraction/save-extraction';
import { updateExtractionSettings } from '@/lib/server/extraction/update-extraction-settings';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

const V1: ExtractionField[] = [
  { id: 'design', label: 'Design', type: 'single_choice', required: true, options: [{ id: 'interviews', label: 'Interviews' }, { id: 'focus_groups', label: 'Focus groups' }] },
  { id: 'sample_size', label: 'Sample size', type: 'number', integer: true, min: 0, unit: 'participants', required: true },
  { id: 'country', label: 'Country', type: 'country', allowMultiple: true, required: false },
  { id: 'population', label: 'Population', type: 'short_text', required: false },
];

async function scene(options: { fields?: ExtractionField[]; studies?: number } = {}) {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 3, viewers: 1 });
  const projectId = seeded.project.id;
  const lead = seeded.members.lead[0];
  await publishExtractionForm(as(lead), projectId, { name: 'Characteristics', fields: options.fields ?? V1 });
  const studyIds = await seedStudies(
    db(),
    projectId,
    Array.from({ length: options.studies ?? 1 }, (_, i) => ({ title: `Study ${i + 1}`, authors: [`Zed${i}, A.`, 'Other, B.'], year: 2019 + i })),
  );
  const [r1, r2, r3] = seeded.members.reviewer;
  return { ...seeded, projectId, lead, r1, r2, r3, viewer: seeded.members.viewer[0], studyId: studyIds[0], studyIds };
}

describe('[EXTRACTION] forms are versioned', () => {
  it('publishes version 1, makes no version for an unchanged form, and version 2 for a change', async () => {
    const s = await scene();
    const form = await getExtractionForm(as(s.viewer), s.projectId);
    expect(form.current?.version).toBe(1);
    expect(form.current?.fields.map((f) => f.id)).toEqual(['design', 'sample_size', 'country', 'population']);
    const again = await publishExtractionForm(as(s.lead), s.projectId, { name: 'Characteristics', fields: V1 });
    expect(again).toMatchObject({ isNewVersion: false, version: { version: 1 } });
    const changed = await publishExtractionForm(as(s.lead), s.projectId, { name: 'Characteristics', fields: [...V1, { id: 'notes', label: 'Notes', type: 'long_text', required: false }] });
    expect(changed).toMatchObject({ isNewVersion: true, version: { version: 2 } });
    expect((await getExtractionForm(as(s.r1), s.projectId)).versions.map((v) => [v.version, v.fieldCount])).toEqual([[1, 4], [2, 5]]);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'extraction.form-publish')));
    expect(audit).toHaveLength(2);
  });

  it('refuses a bad definition with a message naming the field, and refuses reviewers', async () => {
    const s = await scene();
    await expect(
      publishExtractionForm(as(s.lead), s.projectId, { fields: [{ id: 'x', label: 'Design', type: 'single_choice', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'Field 1 ("Design"): option 2 repeats the id "a".' });
    await expect(publishExtractionForm(as(s.lead), s.projectId, { fields: [{ id: 'x', label: 'X', type: 'colour' }] })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'fields.0.type': [expect.stringContaining('type must be one of')] },
    });
    await expect(publishExtractionForm(as(s.r1), s.projectId, { fields: V1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps an old answer with its own version, and the table reads it with that version’s labels', async () => {
    const s = await scene();
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews', sample_size: 12 }, complete: true });
    // Version 2 renames an option, drops a field and adds a required one.
    const v2: ExtractionField[] = [
      { ...V1[0], options: [{ id: 'interviews', label: 'Semi-structured interviews' }, { id: 'focus_groups', label: 'Focus groups' }] } as ExtractionField,
      V1[1],
      { id: 'setting', label: 'Setting', type: 'short_text', required: true },
    ];
    await publishExtractionForm(as(s.lead), s.projectId, { name: 'Characteristics', fields: v2 });
    const mine = await getStudyExtraction(as(s.r1), s.projectId, s.studyId);
    expect(mine.form?.version).toBe(2);
    expect(mine.mine).toMatchObject({ formVersion: 1, values: { design: 'interviews', sample_size: 12 }, isComplete: true });
    expect(mine.mine?.fields.find((f) => f.id === 'design')).toMatchObject({ options: [{ id: 'interviews', label: 'Interviews' }, expect.anything()] });
    // Saving against the old version is refused: the client reloads and carries the answers over.
    await expect(saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews', sample_size: 12 } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('version 2'),
    });
    // The consensus view carries the v1 answers onto v2 and the lead finalises on v2.
    const consensus = await getExtractionConsensus(as(s.lead), s.projectId, s.studyId);
    expect(consensus.extractions[0]).toMatchObject({ formVersion: 1, values: { design: 'interviews', sample_size: 12 }, dropped: [] });
    await finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 2, values: { design: 'interviews', sample_size: 12, setting: 'Clinic' } });
    const table = await getCharacteristicsTable(as(s.viewer), s.projectId);
    expect(table.rows[0].cells).toEqual(['Zed0 and Other 2019', 'Study 1', 'Semi-structured interviews', '12 participants', 'Clinic']);
  });

  it('shows a final extraction given against an old version with that version’s labels', async () => {
    const s = await scene();
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups', sample_size: 8 }, complete: true });
    await finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups', sample_size: 8 } });
    await publishExtractionForm(as(s.lead), s.projectId, {
      name: 'Characteristics',
      fields: [{ ...V1[0], options: [{ id: 'interviews', label: 'Interviews' }, { id: 'groups', label: 'Group discussions' }] }, V1[1]],
    });
    const table = await getCharacteristicsTable(as(s.r2), s.projectId);
    expect(table.formVersion).toBe(2);
    // The old answer "focus_groups" keeps its v1 label, though v2 no longer has the option.
    expect(table.rows[0].cells).toEqual(['Zed0 and Other 2019', 'Study 1', 'Focus groups', '8 participants']);
  });
});

describe('[EXTRACTION] extractors answer independently', () => {
  it('validates answers, naming the field', async () => {
    const s = await scene();
    await expect(
      saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { sample_size: 'a dozen', country: ['Atlantis'], colour: 'red' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: {
        'values.sample_size': ['"Sample size" must be a number (got "a dozen").'],
        'values.country': [expect.stringContaining('"Atlantis" is not a country')],
        'values.colour': ['"colour" is not a field of this form (version 1).'],
      },
    });
    // A draft may leave required fields empty; marking complete may not.
    const draft = await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { population: 'Nurses' } });
    expect(draft).toMatchObject({ isComplete: false, values: { population: 'Nurses' } });
    await expect(saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { population: 'Nurses' }, complete: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'To mark it complete, answer the required fields: Design, Sample size.',
    });
    await expect(saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 'one', values: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it("hides a co-extractor's answers from a reviewer until a lead finalises", async () => {
    const s = await scene();
    const marker = `secret-population-${Math.random().toString(36).slice(2)}`;
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews', sample_size: 30, population: marker }, complete: true });
    const seen = await getStudyExtraction(as(s.r2), s.projectId, s.studyId);
    expect(seen.mine).toBeNull();
    expect(seen.others).toEqual([{ name: s.r1.name, isComplete: true }]);
    expect(seen.final).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(marker);
    expect(JSON.stringify(await listExtractionStudies(as(s.r2), s.projectId))).not.toContain(marker);
    expect(JSON.stringify(await getCharacteristicsTable(as(s.r2), s.projectId))).not.toContain(marker);
    await expect(getExtractionConsensus(as(s.r2), s.projectId, s.studyId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews', sample_size: 30, population: marker } });
    expect((await getStudyExtraction(as(s.r2), s.projectId, s.studyId)).final?.values.population).toBe(marker);
  });

  it('takes two extractors per study by default, one when the leads say so', async () => {
    const s = await scene({ studies: 2 });
    const answers = { formVersion: 1, values: { design: 'interviews', sample_size: 5 } };
    await saveExtraction(as(s.r1), s.projectId, s.studyIds[0], answers);
    await saveExtraction(as(s.r2), s.projectId, s.studyIds[0], answers);
    await expect(saveExtraction(as(s.r3), s.projectId, s.studyIds[0], answers)).rejects.toMatchObject({ code: 'CONFLICT', message: 'This study already has its 2 extractors.' });
    // An extractor who has a place keeps it.
    await saveExtraction(as(s.r1), s.projectId, s.studyIds[0], { ...answers, complete: true });
    const list = await listExtractionStudies(as(s.r3), s.projectId);
    expect(list.items.find((i) => i.id === s.studyIds[0])).toMatchObject({ status: 'in_progress', canExtract: false, myStatus: 'none' });
    await expect(updateExtractionSettings(as(s.r1), s.projectId, { extractorsPerStudy: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateExtractionSettings(as(s.lead), s.projectId, { extractorsPerStudy: 3 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await updateExtractionSettings(as(s.lead), s.projectId, { extractorsPerStudy: '1' });
    await saveExtraction(as(s.r3), s.projectId, s.studyIds[1], { ...answers, complete: true });
    await expect(saveExtraction(as(s.r1), s.projectId, s.studyIds[1], answers)).rejects.toMatchObject({ code: 'CONFLICT', message: 'This study already has its extractor.' });
    const after = await listExtractionStudies(as(s.lead), s.projectId);
    expect(after.extractorsPerStudy).toBe(1);
    expect(after.items.find((i) => i.id === s.studyIds[1])?.status).toBe('ready_for_consensus');
    expect(after.items.find((i) => i.id === s.studyIds[0])?.status).toBe('ready_for_consensus');
  });

  it('never gives a study more extractors than allowed when reviewers save at once', async () => {
    const s = await scene();
    const answers = { formVersion: 1, values: { design: 'interviews' } };
    const results = await Promise.allSettled([s.r1, s.r2, s.r3, s.lead].map((u) => saveExtraction(as(u), s.projectId, s.studyId, answers)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const rows = await db().select().from(extractions).where(eq(extractions.studyId, s.studyId));
    expect(rows).toHaveLength(2);
  });

  it('refuses viewers, outsiders and studies of another project', async () => {
    const s = await scene();
    const other = await scene();
    const answers = { formVersion: 1, values: { design: 'interviews' } };
    await expect(saveExtraction(as(s.viewer), s.projectId, s.studyId, answers)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await createUser(db());
    await expect(saveExtraction(as(outsider), s.projectId, s.studyId, answers)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getStudyExtraction(as(s.r1), s.projectId, other.studyId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveExtraction(as(s.r1), s.projectId, 'not-a-uuid', answers)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(finaliseExtraction(as(s.lead), s.projectId, other.studyId, answers)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks for a form before anyone extracts', async () => {
    const seeded = await seedProject(db(), { reviewers: 1 });
    const [studyId] = await seedStudies(db(), seeded.project.id, 1);
    await expect(saveExtraction(as(seeded.members.reviewer[0]), seeded.project.id, studyId, { formVersion: 1, values: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('No extraction form'),
    });
  });
});

describe('[EXTRACTION] consensus and finalisation', () => {
  it('marks differences, lets the lead finalise and reopen, and audits who did what', async () => {
    const s = await scene();
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews', sample_size: '12', country: ['GB'], population: 'Adults ' }, complete: true });
    await saveExtraction(as(s.r2), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups', sample_size: 12.0, population: 'adults' }, complete: true });
    const view = await getExtractionConsensus(as(s.lead), s.projectId, s.studyId);
    expect(view.status).toBe('ready_for_consensus');
    expect(view.extractions.map((e) => e.extractorName)).toEqual([s.r1.name, s.r2.name]);
    expect(view.comparison).toEqual([
      { fieldId: 'design', status: 'differ' },
      { fieldId: 'sample_size', status: 'agree' },
      { fieldId: 'country', status: 'missing' },
      { fieldId: 'population', status: 'agree' },
    ]);
    expect(view.suggested).toEqual({ sample_size: 12, population: 'Adults' });
    // Finalising needs a complete answer set.
    await expect(finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: view.suggested })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'values.design': ['"Design" is required.'] },
    });
    const final = await finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: { ...view.suggested, design: 'focus_groups', country: 'United Kingdom' } });
    expect(final).toMatchObject({ status: 'final', values: { design: 'focus_groups', sample_size: 12, country: ['GB'], population: 'Adults' } });
    await expect(saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'interviews' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: final.values })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getExtractionConsensus(as(s.owner), s.projectId, s.studyId)).consensus).toMatchObject({ status: 'final', finalisedBy: s.lead.name });
    expect((await getCharacteristicsTable(as(s.viewer), s.projectId)).rows).toHaveLength(1);

    const reopened = await reopenExtraction(as(s.lead), s.projectId, s.studyId);
    expect(reopened).toMatchObject({ status: 'draft', formVersion: 1, finalisedAt: null });
    expect((await getCharacteristicsTable(as(s.viewer), s.projectId)).rows).toHaveLength(0);
    await expect(reopenExtraction(as(s.lead), s.projectId, s.studyId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups', sample_size: 12 }, complete: true });
    expect((await getExtractionConsensus(as(s.lead), s.projectId, s.studyId)).comparison[0]).toEqual({ fieldId: 'design', status: 'agree' });

    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.projectId, s.projectId))).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['extraction.complete', s.r1.id],
        ['extraction.complete', s.r2.id],
        ['extraction.finalise', s.lead.id],
        ['extraction.reopen', s.lead.id],
      ]),
    );
  });

  it("keeps a lead who is one of the study's extractors from the co-extractor's answers until their own is complete", async () => {
    const s = await scene();
    const values = { design: 'interviews', sample_size: 3 };
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values, complete: true });
    await saveExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups' } });
    const refusal = { code: 'CONFLICT', status: 409, message: expect.stringMatching(/^Finish your own extraction of this study first/) };
    await expect(getExtractionConsensus(as(s.lead), s.projectId, s.studyId)).rejects.toMatchObject(refusal);
    await expect(finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values })).rejects.toMatchObject(refusal);
    // Another lead (the owner) who did not extract the study sees it.
    expect((await getExtractionConsensus(as(s.owner), s.projectId, s.studyId)).extractions).toHaveLength(2);
    await saveExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values: { design: 'focus_groups', sample_size: 3 }, complete: true });
    expect((await getExtractionConsensus(as(s.lead), s.projectId, s.studyId)).comparison[0]).toEqual({ fieldId: 'design', status: 'differ' });
    expect(await finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values })).toMatchObject({ status: 'final' });
  });

  it('refuses to finalise a study nobody extracted, and refuses reviewers', async () => {
    const s = await scene();
    const values = { design: 'interviews', sample_size: 3 };
    await expect(finaliseExtraction(as(s.lead), s.projectId, s.studyId, { formVersion: 1, values })).rejects.toMatchObject({ code: 'CONFLICT' });
    await saveExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values });
    await expect(finaliseExtraction(as(s.r1), s.projectId, s.studyId, { formVersion: 1, values })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reopenExtraction(as(s.r1), s.projectId, s.studyId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('[EXTRACTION] the characteristics table and summary counts', () => {
  async function finalisedScene() {
    const s = await scene({ fields: [...QUALITATIVE_STUDY_TEMPLATE], studies: 3 });
    const answers = [
      { ...TEMPLATE_ANSWERS, country: ['GB', 'AU'], sample_size: 10, notes: '=HYPERLINK("x")' },
      { ...TEMPLATE_ANSWERS, country: ['GB'], sample_size: 30, technology_type: ['mobile_app', 'web_based_programme'] },
      { ...TEMPLATE_ANSWERS, country: ['TR'], sample_size: 21, guidance: 'unguided' },
    ];
    for (const [i, values] of answers.entries()) {
      await saveExtraction(as(s.r1), s.projectId, s.studyIds[i], { formVersion: 1, values, complete: true });
      await finaliseExtraction(as(s.lead), s.projectId, s.studyIds[i], { formVersion: 1, values });
    }
    return s;
  }

  it('summarises by country, technology and numbers', async () => {
    const s = await finalisedScene();
    const table = await getCharacteristicsTable(as(s.viewer), s.projectId);
    expect(table.studies).toEqual({ total: 3, finalised: 3 });
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Zed0 and Other 2019', 'Zed1 and Other 2020', 'Zed2 and Other 2021']);
    const byId = new Map(table.summary.map((x) => [x.fieldId, x]));
    expect(byId.get('country')).toMatchObject({
      categories: [
        { label: 'United Kingdom', count: 2 },
        { label: 'Australia', count: 1 },
        { label: 'Türkiye', count: 1 },
      ],
    });
    expect(byId.get('technology_type')).toMatchObject({ categories: [{ label: 'Mobile app', count: 3 }, { label: 'Web-based programme', count: 1 }] });
    expect(byId.get('sample_size')).toMatchObject({ median: 21, min: 10, max: 30, total: 61, answered: 3 });
    expect(byId.get('guidance')).toMatchObject({ categories: [{ label: 'Guided', count: 2 }, { label: 'Unguided', count: 1 }] });
  });

  it('exports CSV and an XLSX that reads back with the same cells, a frozen header and widths', async () => {
    const s = await finalisedScene();
    const csv = await exportCharacteristicsTable(as(s.viewer), s.projectId, 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Study,Title,Country,Year,Design,Sample size (participants),Technology type,Population,Setting,Mental health condition,Guided or unguided,Notes',
    );
    expect(lines[1]).toBe(
      `Zed0 and Other 2019,Study 1,Australia; United Kingdom,2021,Qualitative: interviews,10 participants,Mobile app,Service users / patients,Primary care,Depression,Guided,"'=HYPERLINK(""x"")"`,
    );
    expect(lines).toHaveLength(5);

    const xlsx = await exportCharacteristicsTable(as(s.viewer), s.projectId, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Characteristics')!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(lines[0].split(','));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(10);
    expect(sheet.getRow(3).getCell(3).value).toBe('United Kingdom');
    expect(sheet.getRow(3).getCell(7).value).toBe('Mobile app; Web-based programme');
    // A formula-like note stays text in the workbook.
    expect(sheet.getRow(2).getCell(12).value).toBe('=HYPERLINK("x")');
    const summary = workbook.getWorksheet('Summary')!;
    const rows = summary.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Country', 'United Kingdom', 2]);
    expect(rows).toContainEqual(['Sample size', 'Median (participants)', 21]);
  });
});
