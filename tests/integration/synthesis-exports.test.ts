import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { seedCodeCell, seedFramework, seedJbiChecklist } from '@/db/seed/synthesis-factories';
import { parseCsv } from '@/lib/domain/exporters/csv';
import { parseReferences } from '@/lib/domain/references';
import { getAppraisalOverview } from '@/lib/server/appraisal/get-appraisal-overview';
import { saveAppraisal } from '@/lib/server/appraisal/save-appraisal';
import type { Actor } from '@/lib/server/auth/actor';
import { listCerqualAssessments } from '@/lib/server/cerqual/list-cerqual-assessments';
import { saveCerqualAssessment } from '@/lib/server/cerqual/save-cerqual-assessment';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { listCellQuotes } from '@/lib/server/synthesis/list-cell-quotes';
import { getExport } from '@/lib/server/exports/get-export';
import { recordVote } from '@/lib/server/screening/record-vote';
import { resolveRecord } from '@/lib/server/screening/resolve-record';
import { exportFrameworkMatrix } from '@/lib/server/synthesis/export-framework-matrix';
import { saveCellStatement } from '@/lib/server/synthesis/save-cell-statement';
import { exportSoqf } from '@/lib/server/cerqual/export-soqf';
import { buildProjectExport, encodeExportFile } from '@/lib/server/backup/export-project';
import { importProject } from '@/lib/server/backup/import-project';
import { getFrameworkMatrix } from '@/lib/server/synthesis/get-framework-matrix';
import { listFrameworks } from '@/lib/server/synthesis/list-frameworks';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const bytes = (body: string | Uint8Array) => (typeof body === 'string' ? new TextEncoder().encode(body) : body);
const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

async function readXlsx(body: string | Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(body).slice().buffer as ArrayBuffer);
  return wb;
}
const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};
async function docxXml(body: string | Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes(body))).file('word/document.xml')!.async('string');
}

const TEXT_A = 'Clinicians feared losing rapport over video 😀. Patients valued =flexible times.';
const TEXT_B = 'Managers lacked funds for licences.';

/** A coded, appraised project: two studies, a framework with a mapped code and a statement, JBI appraisals. */
async function codedProject() {
  const s = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const projectId = s.project.id;
  const [r1, r2] = s.members.reviewer;
  const lead = s.members.lead[0];
  const framework = await seedFramework(db(), projectId);
  const [studyA, studyB] = await seedStudies(db(), projectId, [TEXT_A, TEXT_B]);
  const parent = await seedCode(db(), projectId, { name: 'Alliance <script>alert(1)</script>', polarity: 'barrier', color: '#aa3377' });
  const child = await seedCode(db(), projectId, { name: 'Video rapport', parentId: parent });
  const funds = await seedCode(db(), projectId, { name: 'Funding', polarity: 'barrier' });
  const rel = framework.themes['Relationships'];
  await seedCodeCell(db(), projectId, framework.id, parent, { domainId: rel.domainId, themeId: rel.id, levelId: framework.levels.micro });
  const flexibleStart = TEXT_A.indexOf('Patients');
  await applyCoding(as(r1), projectId, { studyId: studyA, codeIds: [child], start: 0, end: flexibleStart - 1, memo: 'Memo: =SUM(1) & <i>note</i>' });
  await applyCoding(as(r2), projectId, { studyId: studyA, codeIds: [child, funds], start: flexibleStart, end: TEXT_A.length });
  await applyCoding(as(r2), projectId, { studyId: studyB, codeIds: [funds], start: 0, end: TEXT_B.length });
  await saveCellStatement(as(lead), projectId, framework.id, { domainId: rel.domainId, themeId: rel.id, levelId: framework.levels.micro, summary: 'Rapport suffers on video.', recommendation: '=Train clinicians' });
  const checklistId = await seedJbiChecklist(db(), projectId);
  return { s, projectId, r1, r2, lead, framework, studyA, studyB, parent, child, funds, checklistId };
}

const yesTo = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, { answer: 'yes' }]));
const ALL = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'];

describe('[APPRAISAL] two appraisers and a consensus', () => {
  it('keeps appraisals independent, shows disagreements to leads, and summarises the consensus', async () => {
    const { s, projectId, r1, r2, lead, studyA, studyB, checklistId } = await codedProject();
    await saveAppraisal(as(r1), projectId, { studyId: studyA, checklistId, answers: { ...yesTo(ALL), q6: { answer: 'no' } }, verdict: 'include' });
    const second = await saveAppraisal(as(r2), projectId, { studyId: studyA, checklistId, answers: { ...yesTo(ALL), q7: { answer: 'unclear', comment: 'not addressed' } }, verdict: 'include' });
    expect(second.isComplete).toBe(true);
    const draft = await saveAppraisal(as(r1), projectId, { studyId: studyB, checklistId, answers: { q1: { answer: 'yes' } } });
    expect(draft.isComplete).toBe(false);
    await expect(saveAppraisal(as(r1), projectId, { studyId: studyA, checklistId, answers: { q11: { answer: 'yes' } } })).rejects.toMatchObject({ code: 'VALIDATION', fields: { 'answers.q11': expect.any(Array) } });
    await expect(saveAppraisal(as(r1), projectId, { studyId: studyA, checklistId, answers: { q1: { answer: 'maybe' } } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(saveAppraisal(as(r1), projectId, { studyId: checklistId, checklistId, answers: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveAppraisal(as(r1), projectId, { studyId: studyA, checklistId, answers: {} }, 'consensus')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveAppraisal(as(s.members.viewer[0]), projectId, { studyId: studyA, checklistId, answers: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A reviewer sees their own answers and how many appraisals exist, never the other's.
    const mine = await getAppraisalOverview(as(r1), projectId);
    const a = mine.studies.find((x) => x.studyId === studyA)!;
    expect(a.mine?.answers.q6.answer).toBe('no');
    expect(a.independent).toBeNull();
    expect(a.independentCount).toBe(2);
    expect(a.disagreements).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('not addressed');

    const leadView = await getAppraisalOverview(as(lead), projectId, { checklistId });
    const la = leadView.studies.find((x) => x.studyId === studyA)!;
    expect(la.independent!.map((x) => x.summary.label)).toEqual(expect.arrayContaining(['9/10 yes', '9/10 yes']));
    expect(la.disagreements!.map((d) => d.key)).toEqual(['q6', 'q7']);

    await saveAppraisal(as(lead), projectId, { studyId: studyA, checklistId, answers: { ...yesTo(ALL), q6: { answer: 'no' }, q9: { answer: 'not_applicable' } }, verdict: 'include', comment: 'Agreed at meeting' }, 'consensus');
    const after = await getAppraisalOverview(as(r2), projectId);
    const ca = after.studies.find((x) => x.studyId === studyA)!;
    expect(ca.consensus?.summary).toMatchObject({ yes: 8, no: 1, notApplicable: 1, label: '8/9 yes' });
    expect(after.byQuestion.find((q) => q.key === 'q6')).toMatchObject({ yes: 0, no: 1, unanswered: 0 });

    const xlsx = await getExport(as(lead), projectId, 'appraisals', { format: 'xlsx' });
    const wb = await readXlsx(xlsx.body);
    const rowsOut = sheetRows(wb.getWorksheet('Appraisal')!);
    expect(rowsOut[0].slice(0, 4)).toEqual(['Study', 'Title', 'Appraisal', 'Q1: Is there congruity between the stated philosophical perspective and the research methodology?']);
    const consensusRow = rowsOut.find((r) => r[1] === 'Study 1' && r[2] === 'Consensus')!;
    expect(consensusRow.slice(3, 13)).toEqual(['Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'No', 'Yes', 'Yes', 'Not applicable', 'Yes']);
    expect(consensusRow.slice(13)).toEqual(['8/9 yes', 'Include', 'Agreed at meeting']);
    expect(rowsOut.filter((r) => r[1] === 'Study 1')).toHaveLength(3);
    // A reviewer's export holds the consensus only.
    const reviewerCsv = parseCsv(text((await getExport(as(r1), projectId, 'appraisals', { format: 'csv' })).body));
    expect(reviewerCsv.filter((r) => r[1] === 'Study 1').map((r) => r[2])).toEqual(['Consensus']);
    const docx = await docxXml((await getExport(as(lead), projectId, 'appraisals', { format: 'docx' })).body);
    expect(docx).toContain('Critical appraisal: JBI Critical Appraisal Checklist for Qualitative Research');
    expect(docx).toContain('Summary by question');
  });
});

describe('[APPRAISAL] a lead who is also an appraiser', () => {
  it("sees the co-appraiser's answers and records the consensus only once their own appraisal is complete", async () => {
    const { projectId, r1, lead, studyA, studyB, checklistId } = await codedProject();
    await saveAppraisal(as(r1), projectId, { studyId: studyA, checklistId, answers: { ...yesTo(ALL), q7: { answer: 'unclear', comment: 'not addressed' } }, verdict: 'include' });
    await saveAppraisal(as(r1), projectId, { studyId: studyB, checklistId, answers: yesTo(ALL), verdict: 'include' });
    await saveAppraisal(as(lead), projectId, { studyId: studyA, checklistId, answers: { q1: { answer: 'no' } } });

    const early = await getAppraisalOverview(as(lead), projectId, { checklistId });
    const a = early.studies.find((x) => x.studyId === studyA)!;
    expect(a).toMatchObject({ independent: null, disagreements: null, independentCount: 2, finishOwnFirst: true });
    expect(a.mine?.answers.q1.answer).toBe('no');
    expect(JSON.stringify(early)).not.toContain('not addressed');
    // A study the lead has not started: they see the appraisals as before.
    expect(early.studies.find((x) => x.studyId === studyB)).toMatchObject({ finishOwnFirst: false, independent: [expect.objectContaining({ appraiserId: r1.id })] });
    expect(text((await getExport(as(lead), projectId, 'appraisals', { format: 'csv' })).body)).not.toContain('not addressed');
    await expect(saveAppraisal(as(lead), projectId, { studyId: studyA, checklistId, answers: yesTo(ALL) }, 'consensus')).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringMatching(/^Finish your own appraisal of this study first/),
    });

    await saveAppraisal(as(lead), projectId, { studyId: studyA, checklistId, answers: { ...yesTo(ALL), q1: { answer: 'no' } }, verdict: 'include' });
    const done = (await getAppraisalOverview(as(lead), projectId, { checklistId })).studies.find((x) => x.studyId === studyA)!;
    expect(done.finishOwnFirst).toBe(false);
    expect(done.independent).toHaveLength(2);
    expect(done.disagreements!.map((d) => d.key)).toEqual(['q1', 'q7']);
    expect((await saveAppraisal(as(lead), projectId, { studyId: studyA, checklistId, answers: yesTo(ALL) }, 'consensus')).isComplete).toBe(true);
  });
});

describe('[CERQUAL] assessments and the SoQF table', () => {
  it('saves a theme finding, derives its studies from the matrix, warns, and exports the SoQF table', async () => {
    const { s, projectId, lead, framework, studyA } = await codedProject();
    const components = {
      methodological_limitations: { concern: 'minor', explanation: 'One study lacked reflexivity.' },
      coherence: { concern: 'no_or_very_minor' },
      adequacy: { concern: 'serious', explanation: '' },
      relevance: { concern: 'no_or_very_minor' },
    };
    const input = { themeId: framework.themes['Relationships'].id, finding: 'Video weakens rapport, <b>for some</b>.', components, overall: 'low', overallExplanation: 'Downgraded for adequacy.' };
    const { id } = await saveCerqualAssessment(as(lead), projectId, input);
    await expect(saveCerqualAssessment(as(lead), projectId, input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(saveCerqualAssessment(as(s.members.reviewer[0]), projectId, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveCerqualAssessment(as(lead), projectId, { ...input, themeId: null, overall: 'sure' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { overall: expect.any(Array) } });
    await expect(saveCerqualAssessment(as(lead), projectId, { ...input, themeId: null, studyIds: [projectId] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await saveCerqualAssessment(as(lead), projectId, { ...input, id, overall: 'moderate' });
    const custom = await saveCerqualAssessment(as(lead), projectId, { ...input, themeId: null, finding: 'Funding gaps stall roll-out.', studyIds: [studyA], overall: 'high', components: { ...components, adequacy: { concern: 'no_or_very_minor' } } });
    expect(custom.id).toBeDefined();

    const overview = await listCerqualAssessments(as(s.members.viewer[0]), projectId);
    expect(overview.assessments).toHaveLength(2);
    const [theme] = overview.assessments;
    expect(theme.overall).toBe('moderate');
    expect(theme.studyLabels).toEqual(['Doe 2021']);
    expect(theme.warnings).toEqual(['Adequacy of data: explain the serious concerns.']);
    expect(overview.findings.some((f) => f.kind === 'statement' && f.label === 'Rapport suffers on video.')).toBe(true);

    const csv = parseCsv(text((await exportSoqf(as(lead), projectId, 'csv')).body));
    expect(csv[0]).toEqual(['#', 'Summary of review finding', 'Studies contributing to the review finding', 'CERQual assessment of confidence in the evidence', 'Explanation of CERQual assessment']);
    expect(csv[1].slice(0, 4)).toEqual(['1', 'Video weakens rapport, <b>for some</b>.', '1 study: Doe 2021', 'Moderate confidence']);
    expect(csv[1][4]).toMatch(/^Downgraded for adequacy\. Methodological limitations: minor concerns \(One study lacked reflexivity\.\)/);
    const wb = await readXlsx((await exportSoqf(as(lead), projectId, 'xlsx')).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary of Qualitative Findings', 'Evidence profile']);
    expect(sheetRows(wb.getWorksheet('Evidence profile')!)[1].slice(0, 4)).toEqual([1, 'Video weakens rapport, <b>for some</b>.', 'Minor concerns', 'One study lacked reflexivity.']);
    const docx = await docxXml((await exportSoqf(as(lead), projectId, 'docx')).body);
    expect(docx).toContain('Video weakens rapport, &lt;b&gt;for some&lt;/b&gt;.');
    expect(docx).toContain('High confidence');

    // A project copy (backup and restore) keeps the synthesis, every link re-pointed into the copy.
    const copy = await importProject(db(), encodeExportFile(await buildProjectExport(db(), projectId)));
    const copied = await listCerqualAssessments(as(lead), copy.projectId);
    expect(copied.assessments.map((a) => [a.finding, a.overall, a.studyLabels])).toEqual(overview.assessments.map((a) => [a.finding, a.overall, a.studyLabels]));
    expect(copied.assessments[1].namedStudyIds).toHaveLength(1);
    expect(copied.assessments[1].namedStudyIds[0]).not.toBe(studyA);
    const [copiedFramework] = await listFrameworks(as(lead), copy.projectId);
    const copiedMatrix = await getFrameworkMatrix(as(lead), copy.projectId, copiedFramework.id);
    expect(copiedMatrix.matrix.domains.flatMap((d) => d.rows).find((r) => r.label === 'Relationships')!.summary).toBe('Relationships (n = 1; micro = 1)');
    expect(copiedMatrix.statements.map((x) => x.summary)).toEqual(['Rapport suffers on video.']);
  });
});

describe('[SYNTHESIS] double coding stays blind in the matrix and its exports', () => {
  it("shows a coder only their own codings on a study still being double-coded; the lead sees both", async () => {
    const { projectId, r1, r2, lead, framework, studyA, studyB } = await codedProject();
    await assignDoubleCoding(as(lead), projectId, { mode: 'studies', studyIds: [studyA], firstCoderId: r1.id, secondCoderId: r2.id });
    const rel = framework.themes['Relationships'];
    const cell = { domainId: rel.domainId, themeId: rel.id, levelId: framework.levels.micro };
    // Study A: r1 coded "Video rapport" (its first sentence), r2 coded both codes on the second; study B has no Relationships coding.
    const mine = await listCellQuotes(as(r1), projectId, framework.id, cell);
    expect(mine.quotes.map((q) => q.coder)).toEqual([r1.name]);
    const theirs = await listCellQuotes(as(r2), projectId, framework.id, cell);
    expect(theirs.quotes.map((q) => q.coder)).toEqual([r2.name]);
    expect((await listCellQuotes(as(lead), projectId, framework.id, cell)).quotes).toHaveLength(2);
    const quotesCsv = parseCsv(text((await getExport(as(r1), projectId, 'quotes', { format: 'csv' })).body));
    expect(new Set(quotesCsv.slice(1).filter((r) => r[1] === studyA).map((r) => r[2]))).toEqual(new Set([r1.name]));
    expect(quotesCsv.slice(1).filter((r) => r[1] === studyB)).toHaveLength(1);
    const qde = await (await JSZip.loadAsync(bytes((await getExport(as(r1), projectId, 'qdpx', {})).body))).file('project.qde')!.async('string');
    // r1's quote on study A and r2's on study B (not double-coded); r2's quote on study A stays hidden.
    expect((qde.match(/<PlainTextSelection /g) ?? []).length).toBe(2);
    expect(qde).not.toContain('name="Patients valued =flexible times."');
    expect((await getExport(as(lead), projectId, 'quotes', { format: 'csv' })).body).toContain('Patients valued =flexible times.');
  });
});

describe('[EXPORT] every export parsed back', () => {
  it('exports the matrix as CSV, XLSX and DOCX with the counts and statements', async () => {
    const { projectId, r1, framework } = await codedProject();
    const csv = parseCsv(text((await exportFrameworkMatrix(as(r1), projectId, framework.id, 'csv')).body));
    expect(csv[0].slice(0, 7)).toEqual(['Domain', 'Domain n', 'Theme', 'Theme n', 'Nano - patient: studies', 'Nano - patient: barriers', 'Nano - patient: facilitators']);
    const relationships = csv.find((r) => r[2] === 'Relationships')!;
    expect(relationships.slice(0, 4)).toEqual(['Professional and interpersonal', '1', 'Relationships', '1']);
    expect(relationships.slice(7, 10)).toEqual(['1', '1', '0']);
    expect(relationships.at(-1)).toBe('Relationships (n = 1; micro = 1)');
    expect(csv).toHaveLength(1 + 20);
    const wb = await readXlsx((await exportFrameworkMatrix(as(r1), projectId, framework.id, 'xlsx')).body);
    const statements = sheetRows(wb.getWorksheet('Statements')!);
    expect(statements[1]).toEqual(['Professional and interpersonal', 'Relationships', 'Micro - professionals', 1, 1, 0, 'Rapport suffers on video.', '=Train clinicians']);
    expect(wb.getWorksheet('Statements')!.getCell('H2').type).toBe(ExcelJS.ValueType.String);
    const docx = await docxXml((await exportFrameworkMatrix(as(r1), projectId, framework.id, 'docx')).body);
    expect(docx).toContain('Relationships (n = 1; micro = 1)');
    expect(docx).toContain('Rapport suffers on video.');
  });

  it('exports coded quotes with code paths, memos defused for spreadsheets', async () => {
    const { projectId, r1 } = await codedProject();
    const csv = parseCsv(text((await getExport(as(r1), projectId, 'quotes', { format: 'csv' })).body));
    expect(csv[0]).toEqual(['study', 'study_id', 'coder', 'code', 'code_path', 'polarity', 'quote', 'memo', 'document_id', 'start', 'end', 'quote_id', 'coded_at']);
    expect(csv).toHaveLength(1 + 4);
    const first = csv.find((r) => r[3] === 'Video rapport' && r[7])!;
    expect(first[4]).toBe('Alliance <script>alert(1)</script> > Video rapport');
    expect(first[5]).toBe('barrier');
    expect(first[7]).toBe('Memo: =SUM(1) & <i>note</i>');
    const withFormula = csv.find((r) => r[6].includes('=flexible'))!;
    expect(withFormula[6]).toBe('Patients valued =flexible times.');
    const wb = await readXlsx((await getExport(as(r1), projectId, 'quotes', { format: 'xlsx' })).body);
    expect(sheetRows(wb.worksheets[0])).toHaveLength(5);
  });

  it('exports a REFI-QDA project that validates against the QDA-XML 1.0 schema and round-trips', async () => {
    const { projectId, r1, r2, parent, child, funds, studyA } = await codedProject();
    const file = await getExport(as(r1), projectId, 'qdpx', {});
    expect(file.fileName).toMatch(/\.qdpx$/);
    const zip = await JSZip.loadAsync(bytes(file.body));
    const qde = await zip.file('project.qde')!.async('string');
    const xsd = join(process.cwd(), 'tests', 'fixtures', 'refi-qda', 'Project.xsd');
    if (existsSync('/usr/bin/xmllint')) {
      const dir = mkdtempSync(join(tmpdir(), 'qdpx-'));
      try {
        writeFileSync(join(dir, 'project.qde'), qde);
        const out = execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'project.qde')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        expect(out).toBe('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      if (process.env.CI) throw new Error('CI must validate the .qdpx: install xmllint (libxml2-utils); .ci/run does.');
      console.warn('xmllint is not installed (apt-get install libxml2-utils): the schema validation is skipped; the structure is still checked.');
    }
    const p = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['User', 'Code', 'TextSource', 'PlainTextSelection', 'Coding', 'Note'].includes(name) }).parse(qde).Project;
    expect(p.Users.User.map((u: { guid: string }) => u.guid)).toEqual(expect.arrayContaining([r1.id, r2.id]));
    const root = p.CodeBook.Codes.Code.find((c: { guid: string }) => c.guid === parent);
    expect(root).toMatchObject({ name: 'Alliance <script>alert(1)</script>', color: '#aa3377', isCodable: 'true' });
    expect(root.Code.map((c: { guid: string }) => c.guid)).toEqual([child]);
    const sources = p.Sources.TextSource;
    expect(sources).toHaveLength(2);
    const selections = sources.flatMap((src: { PlainTextSelection?: unknown[] }) => src.PlainTextSelection ?? []);
    expect(selections).toHaveLength(3);
    const codedWith = selections.flatMap((sel: { Coding: { CodeRef: { targetGUID: string } }[] }) => sel.Coding.map((c) => c.CodeRef.targetGUID));
    expect(codedWith.sort()).toEqual([child, child, funds, funds].sort());
    // Positions count code points: the emoji before "Patients" is one character, two UTF-16 units.
    const sourceA = sources.find((src: { PlainTextSelection: { startPosition: string }[] }) => src.PlainTextSelection.length === 2);
    const plain = await zip.file(`sources/${sourceA.plainTextPath.replace('internal://', '')}`)!.async('string');
    expect(plain).toBe(TEXT_A);
    const second = sourceA.PlainTextSelection.find((sel: { startPosition: string }) => sel.startPosition !== '0');
    expect(Number(second.startPosition)).toBe(TEXT_A.indexOf('Patients') - 1);
    expect(Array.from(plain).slice(Number(second.startPosition), Number(second.endPosition)).join('')).toBe('Patients valued =flexible times.');
    const memoNote = p.Notes.Note[0];
    expect(memoNote.PlainTextContent).toBe('Memo: =SUM(1) & <i>note</i>');
    const first = sourceA.PlainTextSelection.find((sel: { startPosition: string }) => sel.startPosition === '0');
    expect(first.NoteRef.targetGUID).toBe(memoNote.guid);
    expect(studyA).toBeDefined();
  });

  it('exports references (RIS round-trips through our parser; CSV/XLSX with votes, reasons and resolutions) and the full voting history, blind-aware', async () => {
    const s = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
    const projectId = s.project.id;
    const [r1, r2] = s.members.reviewer;
    const ids = await seedScreenableReferences(db(), projectId, 3, { prefix: 'Telehealth trial' });
    await recordVote(as(r1), projectId, { referenceId: ids[0], stage: 'title_abstract', decision: 'include', note: '=HYPERLINK("x")' });
    await recordVote(as(r2), projectId, { referenceId: ids[0], stage: 'title_abstract', decision: 'include' });
    await recordVote(as(r1), projectId, { referenceId: ids[1], stage: 'title_abstract', decision: 'exclude' });
    await recordVote(as(r1), projectId, { referenceId: ids[1], stage: 'title_abstract', decision: 'include' });
    await recordVote(as(r2), projectId, { referenceId: ids[1], stage: 'title_abstract', decision: 'exclude' });
    await resolveRecord(as(s.members.lead[0]), projectId, { referenceId: ids[1], stage: 'title_abstract', decision: 'exclude', note: 'off topic' });

    const ris = await getExport(as(r1), projectId, 'references', { format: 'ris' });
    const parsed = parseReferences(text(ris.body));
    expect(parsed.records.map((r) => r.title).sort()).toEqual(['Telehealth trial 1', 'Telehealth trial 2', 'Telehealth trial 3']);
    expect(parsed.records.find((r) => r.title === 'Telehealth trial 1')).toMatchObject({ authors: ['Doe, Jane'], year: 2020, abstract: 'Abstract of record 1.' });

    // Blind screening is on: outcomes and votes are for leads and viewers.
    await expect(getExport(as(r1), projectId, 'references', { format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getExport(as(r1), projectId, 'references', { format: 'ris', state: 'included' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getExport(as(r1), projectId, 'votes', { format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getExport(as(r1), projectId, 'references', { format: 'docx' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(getExport(as(r1), projectId, 'nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const csv = parseCsv(text((await getExport(as(s.members.viewer[0]), projectId, 'references', { format: 'csv' })).body));
    const header = csv[0];
    const col = (name: string) => header.indexOf(name);
    const first = csv.find((r) => r[col('title')] === 'Telehealth trial 1')!;
    expect(first[col('title_abstract_state')]).toBe('included');
    expect(first[col('title_abstract_votes')]).toBe(`${r1.name}: include - =HYPERLINK("x"); ${r2.name}: include`);
    const second = csv.find((r) => r[col('title')] === 'Telehealth trial 2')!;
    expect(second[col('title_abstract_state')]).toBe('resolved_excluded');
    expect(second[col('title_abstract_resolution')]).toBe(`exclude by ${s.members.lead[0].name}`);
    const included = parseReferences(text((await getExport(as(s.owner), projectId, 'references', { format: 'ris', state: 'included' })).body));
    expect(included.records.map((r) => r.title)).toEqual(['Telehealth trial 1']);
    const wb = await readXlsx((await getExport(as(s.owner), projectId, 'references', { format: 'xlsx', state: 'conflict' })).body);
    expect(sheetRows(wb.worksheets[0])).toHaveLength(1);

    const history = parseCsv(text((await getExport(as(s.owner), projectId, 'votes', { format: 'csv' })).body));
    expect(history[0]).toEqual(['at', 'event', 'stage', 'reference_id', 'title', 'by', 'decision', 'reason', 'note', 'previous']);
    const events = history.slice(1).map((r) => [r[1], r[4], r[5], r[6], r[9]]);
    expect(events).toEqual([
      ['vote.cast', 'Telehealth trial 1', r1.name, 'include', ''],
      ['vote.cast', 'Telehealth trial 1', r2.name, 'include', ''],
      ['vote.cast', 'Telehealth trial 2', r1.name, 'exclude', ''],
      ['vote.change', 'Telehealth trial 2', r1.name, 'include', 'exclude'],
      ['vote.cast', 'Telehealth trial 2', r2.name, 'exclude', ''],
      ['resolution.create', 'Telehealth trial 2', s.members.lead[0].name, 'exclude', ''],
    ]);
    expect(history[1][8]).toBe("'=HYPERLINK(\"x\")");
  });
});

describe('[EXPORT] download routes are not cut off by the API deadline', () => {
  it('opts every export and download route out of the 30 s deadline (and only those)', async () => {
    type Options = { deadlineMs?: number | null } | undefined;
    vi.resetModules();
    vi.doMock('@/lib/server/api/api-route', async (importOriginal) => {
      const actual = await importOriginal<typeof import('@/lib/server/api/api-route')>();
      return {
        ...actual,
        apiRoute: (handler: Parameters<typeof actual.apiRoute>[0], options?: Options) => Object.assign(actual.apiRoute(handler, options), { options }),
      };
    });
    try {
      const deadlineOf = (route: unknown) => (route as { options?: Options }).options?.deadlineMs;
      const exportsRoute = await import('@/app/api/v1/projects/[id]/exports/[kind]/route');
      const matrixRoute = await import('@/app/api/v1/projects/[id]/frameworks/[frameworkId]/matrix/route');
      const cerqualRoute = await import('@/app/api/v1/projects/[id]/cerqual/route');
      const tableRoute = await import('@/app/api/v1/projects/[id]/extraction/table/route');
      for (const route of [exportsRoute.GET, matrixRoute.GET, cerqualRoute.GET, tableRoute.GET]) expect(deadlineOf(route)).toBeNull();
      // Writes keep the deadline.
      expect(deadlineOf(cerqualRoute.PUT)).toBeUndefined();
    } finally {
      vi.doUnmock('@/lib/server/api/api-route');
      vi.resetModules();
    }
  });
});
