import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, OWNER_STATE, signIn } from './support/accounts';
import { apiClient } from './support/api';

const ABSTRACT = 'Clinicians feared losing rapport over video. Patients valued flexible appointment times.';
const RIS = ['TY  - JOUR', 'TI  - Video therapy in community mental health', 'AU  - Okafor, N.', 'PY  - 2022', `AB  - ${ABSTRACT}`, 'ER  - '].join('\n');
// Full-page screenshots for a person to look at, only when asked (E2E_SCREENSHOTS=1): the spec stays lean in CI.
const shots = process.env.E2E_SCREENSHOTS ? (process.env.E2E_OUTPUT_DIR ?? 'test-results') : null;
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, name), fullPage: true });
};

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test('[SYNTHESIS] a lead (the owner) adds Cochrane x Furst, maps a code, the matrix counts the study and opens the quote; a reviewer appraises with JBI', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = await (await browser.newContext({ storageState: OWNER_STATE })).newPage();
  const ownerApi = apiClient(owner.request, baseURL!);
  const projectId = (await ownerApi.post('/api/v1/projects', { title: `Synthesis ${Date.now()}` })).body.id as string;
  expect((await ownerApi.post(`/api/v1/projects/${projectId}/members`, { email: DEMO.reviewer1, role: 'reviewer' })).status).toBe(201);
  // The owner is a lead who also manages members: it plays the lead here, which saves a sign-in.
  const lead = owner;
  const leadApi = ownerApi;
  const reviewer = await pageFor(browser, DEMO.reviewer1);
  const reviewerApi = apiClient(reviewer.request, baseURL!);
  await leadApi.importRis(projectId, 'one.ris', RIS);
  const referenceId = (await ownerApi.get(`/api/v1/projects/${projectId}/screening/title_abstract/next`)).body.id as string;
  for (const stage of ['title_abstract', 'full_text']) {
    for (const api of [ownerApi, reviewerApi]) expect((await api.post(`/api/v1/projects/${projectId}/votes`, { referenceId, stage, decision: 'include' })).status).toBe(201);
  }
  const studyId = (await leadApi.get(`/api/v1/projects/${projectId}/appraisals`)).body.studies[0].studyId as string;
  const code = await leadApi.post(`/api/v1/projects/${projectId}/codes`, { name: 'Loss of rapport', polarity: 'barrier' });
  expect(code.status).toBe(201);
  const end = ABSTRACT.indexOf(' Patients');
  expect((await leadApi.post(`/api/v1/projects/${projectId}/codings`, { studyId, codeIds: [code.body.id], start: 0, end, memo: 'Said by <b>three</b> clinicians' })).status).toBe(201);

  // The lead adds the preset and maps the code to Relationships at the micro level.
  await lead.goto(`/projects/${projectId}/synthesis`);
  await lead.getByRole('button', { name: /^Add preset Evidence-practice gap domains/ }).click();
  await expect(lead.getByRole('heading', { level: 2, name: /^Evidence-practice gap domains/ })).toBeVisible();
  const mapping = lead.getByRole('region', { name: 'Map codes to cells' });
  await mapping.getByLabel('Code', { exact: true }).selectOption({ label: 'Loss of rapport (barrier)' });
  await mapping.getByRole('checkbox', { name: 'Relationships at Micro - professionals' }).check();
  await mapping.getByRole('button', { name: 'Save cells for this code' }).click();
  await expect(mapping.getByText('"Loss of rapport" now sits in 1 cell.')).toBeVisible();

  const matrix = lead.getByRole('table', { name: 'Framework matrix' });
  await expect(matrix.getByTestId('matrix-row-summary').filter({ hasText: /^Relationships/ })).toHaveText('Relationships (n = 1; micro = 1)');
  await matrix.getByRole('button', { name: /^Relationships at Micro - professionals: 1 study, 1 with barriers, 0 with facilitators/ }).click();
  const cell = lead.getByRole('region', { name: 'Relationships at Micro - professionals' });
  await expect(cell.getByRole('list', { name: /^Quotes in/ })).toContainText('Clinicians feared losing rapport over video.');
  await expect(cell).toContainText('Said by <b>three</b> clinicians');
  await cell.getByLabel('Summary statement').fill('Rapport is harder to build over video.');
  await cell.getByRole('button', { name: 'Save statement' }).click();
  await expect(cell.getByText('Statement saved.')).toBeVisible();
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  await snap(lead, 'synthesis-page.png');

  // The lead adds the JBI checklist; a reviewer appraises the study.
  await lead.goto(`/projects/${projectId}/appraisal`);
  await lead.getByRole('button', { name: 'Add the JBI checklist for qualitative research' }).click();
  await expect(lead.getByRole('heading', { level: 2, name: 'JBI Critical Appraisal Checklist for Qualitative Research' })).toBeVisible();
  await reviewer.goto(`/projects/${projectId}/appraisal`);
  await reviewer.getByRole('link', { name: /^Appraise Okafor 2022/ }).click();
  const form = reviewer.getByRole('region', { name: /^Okafor 2022/ });
  const groups = form.getByRole('group');
  await expect(groups).toHaveCount(10);
  for (const group of await groups.all()) await group.getByRole('radio', { name: 'Yes', exact: true }).check();
  await groups.nth(5).getByRole('radio', { name: 'No', exact: true }).check();
  await form.getByRole('button', { name: 'Save my appraisal' }).click();
  await expect(form.getByText('Saved: every question answered.')).toBeVisible();
  await expect(reviewer.getByRole('table', { name: 'Appraisal per study' })).toContainText('9/10 yes');
  expect((await new AxeBuilder({ page: reviewer }).analyze()).violations).toEqual([]);
  await snap(reviewer, 'appraisal-page.png');

  // Framework fit and GRADE-CERQual: the lead's pages render and are accessible.
  await lead.goto(`/projects/${projectId}/synthesis/fit`);
  await expect(lead.getByRole('table', { name: 'Framework fit, side by side' })).toContainText('1 of 1 (100.0%)');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  await snap(lead, 'fit-page.png');
  await lead.goto(`/projects/${projectId}/appraisal/cerqual`);
  await expect(lead.getByRole('heading', { level: 2, name: 'Assess a finding' })).toBeVisible();
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  await snap(lead, 'cerqual-page.png');

  // The exports page offers every file; the REFI-QDA project downloads.
  await lead.goto(`/projects/${projectId}/exports`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  const qdpx = await lead.request.get(`/api/v1/projects/${projectId}/exports/qdpx`);
  expect(qdpx.status()).toBe(200);
  expect(qdpx.headers()['content-type']).toBe('application/zip');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  await snap(lead, 'exports-page.png');
});
