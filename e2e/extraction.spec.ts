import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn } from './support/accounts';
import { apiClient, risRecords } from './support/api';

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/** Fill the template's required fields (and a note) on the extraction page, then mark complete. */
async function extract(page: Page, answers: { sampleSize: string; design: string; note: string }) {
  await page.getByLabel(/^Country/).fill('New Zealand');
  await page.getByLabel(/^Country/).press('Enter');
  await expect(page.getByRole('button', { name: 'Remove New Zealand' })).toBeVisible();
  await page.getByLabel(/^Publication year/).fill('2010');
  await page.getByRole('group', { name: /^Design/ }).getByLabel(answers.design, { exact: true }).check();
  await page.getByLabel(/^Sample size/).fill(answers.sampleSize);
  await page.getByRole('group', { name: /^Technology type/ }).getByLabel('Mobile app').check();
  await page.getByRole('group', { name: /^Population/ }).getByLabel('Health professionals').check();
  await page.getByRole('group', { name: /^Mental health condition/ }).getByLabel('Depression').check();
  await page.getByRole('group', { name: /^Guided or unguided/ }).getByLabel('Guided', { exact: true }).check();
  await page.getByLabel(/^Notes/).fill(answers.note);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByTestId('save-state')).toContainText('Saved and complete');
}

test('[EXTRACTION] a lead builds the form from the template, two reviewers extract blind, the lead finalises and the table shows it', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // The lead creates the review (and so owns it), adds the reviewers and includes one study at both stages.
  const lead = await pageFor(browser, DEMO.lead);
  const leadApi = apiClient(lead.request, baseURL!);
  const created = await leadApi.post('/api/v1/projects', { title: `Extraction ${Date.now()}` });
  const projectId = created.body.id as string;
  for (const email of [DEMO.reviewer1, DEMO.reviewer2]) {
    expect((await leadApi.post(`/api/v1/projects/${projectId}/members`, { email, role: 'reviewer' })).status).toBe(201);
  }
  await leadApi.importRis(projectId, 'one.ris', risRecords('Extraction', 1));
  const referenceId = (await leadApi.get(`/api/v1/projects/${projectId}/references?limit=5`)).body.items[0].id as string;
  for (const stage of ['title_abstract', 'full_text']) {
    expect((await leadApi.post(`/api/v1/projects/${projectId}/resolutions`, { referenceId, stage, decision: 'include' })).status).toBe(200);
  }
  const base = `/projects/${projectId}/extraction`;

  // The lead starts from the template, removes a field and renames another, and publishes.
  await lead.goto(`${base}/form`);
  await lead.getByRole('button', { name: /Start from the template/ }).click();
  await expect(lead.getByTestId('builder-field')).toHaveCount(10);
  await lead.getByRole('button', { name: 'Remove Setting', exact: true }).click();
  await lead.getByLabel('Label', { exact: true }).nth(1).fill('Publication year');
  await lead.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(lead.getByText('Published version 1.')).toBeVisible();
  await expect(lead.getByTestId('builder-state')).toHaveText('Version 1 is published');
  if (process.env.E2E_SCREENSHOTS) await lead.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/extraction-form-builder.png`, fullPage: true });

  // Reviewer 1 extracts; reviewer 2 extracts without seeing reviewer 1's answers.
  const first = await pageFor(browser, DEMO.reviewer1);
  await first.goto(base);
  await first.getByRole('link', { name: /^Extract Author0/ }).click();
  await expect(first.getByLabel(/^Publication year/)).toBeVisible();
  await expect(first.getByLabel(/^Setting/)).toHaveCount(0);
  // Marking complete without the required fields is refused, naming them.
  await first.getByRole('button', { name: 'Mark complete' }).click();
  await expect(first.getByText(/^To mark it complete, answer the required fields: Country, Publication year/)).toBeVisible();
  await extract(first, { sampleSize: '12', design: 'Qualitative: interviews', note: 'secret note from reviewer one' });

  const second = await pageFor(browser, DEMO.reviewer2);
  await second.goto(base);
  await second.getByRole('link', { name: /^Extract Author0/ }).click();
  await expect(second.getByText(/Also extracting: Rosa Reviewer \(complete\)/)).toBeVisible();
  await expect(second.getByText('secret note from reviewer one')).toHaveCount(0);
  const studyId = new URL(second.url()).pathname.split('/').pop()!;
  const studyUrl = `/api/v1/projects/${projectId}/extraction/studies/${studyId}`;
  expect(await second.evaluate(async (url) => (await fetch(url)).text(), studyUrl)).not.toContain('secret note');
  // Reviewer 2 saves through the API (the same use-case as the page), with a different sample size.
  const saved = await second.evaluate(
    async ({ url, values }) => (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ formVersion: 1, values, complete: true }) })).status,
    {
      url: studyUrl,
      values: {
        country: ['NZ'],
        publication_year: 2010,
        design: 'qualitative_interviews',
        sample_size: '30',
        technology_type: ['mobile_app'],
        population: ['health_professionals'],
        mental_health_condition: ['depression'],
        guidance: 'guided',
        notes: 'reviewer two',
      },
    },
  );
  expect(saved).toBe(200);

  // The lead sees the differences side by side, takes reviewer 2's sample size and finalises.
  await lead.goto(`${base}/${studyId}/consensus`);
  await expect(lead.locator('[data-field-row="sample_size"]')).toHaveAttribute('data-status', 'differ');
  await expect(lead.locator('[data-field-row="design"]')).toHaveAttribute('data-status', 'agree');
  await expect(lead.getByText('secret note from reviewer one')).toBeVisible();
  await lead.getByRole('button', { name: "Use Raj Reviewer's answer for Sample size" }).click();
  await lead.getByRole('button', { name: "Use Rosa Reviewer's answer for Notes" }).click();
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  if (process.env.E2E_SCREENSHOTS) await lead.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/extraction-consensus.png`, fullPage: true });
  await lead.getByRole('button', { name: 'Finalise' }).click();
  await expect(lead.getByTestId('consensus-summary')).toContainText('Finalised');

  await lead.goto(`${base}/table`);
  const table = lead.getByTestId('characteristics-table');
  await expect(table.getByRole('row', { name: /Author0 2010/ })).toContainText('30 participants');
  await expect(table.getByRole('row', { name: /Author0 2010/ })).toContainText('New Zealand');
  await expect(lead.getByTestId('summary-country')).toContainText('New Zealand');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  const csv = await lead.request.get(`/api/v1/projects/${projectId}/extraction/table?format=csv`);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain('Author0 2010,');
  if (process.env.E2E_SCREENSHOTS) await lead.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/extraction-table.png`, fullPage: true });
});
