import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn } from './support/accounts';
import { apiClient } from './support/api';

/** Four records on nudging physicians, twelve on soil: after one of each is screened, a nudging record should lead. */
function topicRis(): string {
  const nudging = Array.from({ length: 4 }, (_, i) => ({
    title: `Nudging physicians with reminders and defaults, trial ${i + 1}`,
    abstract: `Default order sets and reminders nudged physician prescribing in primary care clinic ${i + 1}.`,
  }));
  const soil = Array.from({ length: 12 }, (_, i) => ({
    title: `Soil bacteria and fungi under crops, field ${i + 1}`,
    abstract: `Rainfall, nitrogen fixing bacteria and fungi in the soil of field ${i + 1} after harvest.`,
  }));
  return [...soil.slice(0, 6), ...nudging, ...soil.slice(6)]
    .map((r, i) => ['TY  - JOUR', `TI  - ${r.title}`, `AU  - Writer${i}, B.`, `PY  - ${2015 + (i % 8)}`, `AB  - ${r.abstract}`, 'ER  - '].join('\n'))
    .join('\n\n');
}

async function signedIn(page: Page) {
  await signIn(page, DEMO.lead, DEMO_PASSWORD);
}

test('[PRIORITY] the demo review has a progress page with its recall curve and a labelled estimate, and no axe violations', async ({ page }) => {
  await signedIn(page);
  await page.getByRole('link', { name: /Digital mental health/ }).click();
  await page.getByRole('navigation', { name: /Stages of/ }).getByRole('link', { name: 'Screening progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening progress' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screening stage' }).getByRole('link', { name: 'Title/abstract' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('recall-summary')).toContainText(/settled records?, \d+ includes? (was|were) found/);
  await expect(page.getByTestId('recall-curve').locator('path.recharts-line-curve').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Relevant records left: an estimate' })).toBeVisible();
  await page.getByText('The curve as a table').click();
  await expect(page.getByRole('table', { name: 'Includes found after each number of records screened' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('[PRIORITY] after one include and one exclude the likely includes come first, with their predicted relevance; the estimate follows', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signedIn(page);
  const api = apiClient(page.request, baseURL!);
  const created = await api.post('/api/v1/projects', { title: `Priority screening ${Date.now()}` });
  expect(created.status).toBe(201);
  const projectId = created.body.id as string;
  await api.importRis(projectId, 'topics.ris', topicRis());

  // One reviewer per record, and the model's view shown to reviewers.
  await page.goto(`/projects/${projectId}/settings`);
  const form = page.getByRole('form', { name: 'Screening settings' });
  await form.getByLabel('Reviewers per record at title/abstract').selectOption('1');
  await expect(form.getByLabel('Title/abstract screening', { exact: true })).toHaveValue('relevance');
  await form.getByLabel(/Show the predicted relevance to reviewers/).check();
  await form.getByRole('button', { name: 'Save screening settings' }).click();
  await expect(page.getByText('Screening settings saved.')).toBeVisible();
  await form.screenshot({ path: 'test-results/priority-settings.png' });

  // Screen until there is one include (a nudging record) and one exclude (a soil record); the order is random so far.
  await page.goto(`/projects/${projectId}/screening/title-abstract`);
  const title = page.locator('#record-title');
  let [included, excluded] = [false, false];
  while (!(included && excluded)) {
    const text = (await title.textContent()) ?? '';
    const isNudging = text.includes('Nudging');
    const [key, decision] = isNudging ? (included ? ['m', 'maybe'] : ['i', 'include']) : ['e', 'exclude'];
    await page.keyboard.press(key);
    if (isNudging) included = true;
    else excluded = true;
    await expect(title).not.toHaveText(text);
    // Saved before the next key (or the reload below), so no vote is left in flight.
    await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText(`Saved: ${decision} “${text.slice(0, 40)}`);
  }

  // The rank job runs in the background: reload until the queue is ranked.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('predicted-relevance').count();
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);
  await expect(title).toContainText('Nudging');
  await expect(page.getByTestId('predicted-relevance')).toContainText(/Predicted relevance 0\.\d\d/);
  await expect(page.getByTestId('predicted-relevance')).toContainText(/model trained on \d+ screened records/);
  await page.screenshot({ path: 'test-results/priority-screening.png', fullPage: true });

  await page.getByRole('link', { name: 'Recall curve and how much is left' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening progress' })).toBeVisible();
  await expect(page.getByTestId('recall-curve').locator('path.recharts-line-curve').first()).toBeVisible();
  await expect(page.getByTestId('stopping-estimate')).toContainText('Relevant records left (upper bound');
  await expect(page.getByText('This is an estimate, not a guarantee.')).toBeVisible();
  await expect(page.getByTestId('ranking-status')).toContainText('a model trained on the settled records');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'test-results/priority-progress.png', fullPage: true });
});
