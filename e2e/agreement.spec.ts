import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { OWNER_STATE } from './support/accounts';

test.use({ storageState: OWNER_STATE });

type StatSummary = { value: number | null; reason?: string };
type Report = {
  reviewers: { id: string; name: string }[];
  records: { doubleScreened: number };
  pairs: { n: number; binary: { kappa: StatSummary } }[];
  overall: { binary: { fleissKappa: StatSummary } };
  methods: { binary: string | null };
};

async function openAgreement(page: Page): Promise<string> {
  await page.goto('/projects');
  await page.getByRole('link', { name: /Digital mental health/ }).click();
  await page.getByRole('navigation', { name: /Stages of/ }).getByRole('link', { name: /^Agreement/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeVisible();
  return new URL(page.url()).pathname.split('/')[2];
}

test('[AGREEMENT] the demo review shows title/abstract agreement, or says plainly that there is none yet', async ({ page }) => {
  const projectId = await openAgreement(page);
  const stages = page.getByRole('navigation', { name: 'Screening stage' });
  await expect(stages.getByRole('link', { name: 'Title/abstract' })).toHaveAttribute('aria-current', 'page');

  // The page must show what the API computes from the same votes.
  const response = await page.request.get(`/api/v1/projects/${projectId}/agreement?stage=title_abstract`);
  expect(response.status()).toBe(200);
  const report = (await response.json()) as Report;
  if (report.records.doubleScreened === 0) {
    await expect(page.getByRole('heading', { name: 'No agreement to show yet' })).toBeVisible();
  } else {
    const kappa = report.reviewers.length === 2 ? report.pairs[0].binary.kappa : report.overall.binary.fleissKappa;
    const summary = page.getByRole('region', { name: 'Summary' });
    if (kappa.value === null) await expect(summary).toContainText(kappa.reason!);
    else await expect(summary.getByTestId('headline-kappa')).toHaveText(kappa.value.toFixed(2));
    await expect(page.getByText(report.methods.binary!, { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: /Each pair of reviewers/ })).toContainText(report.reviewers[0].name);
    await expect(page.getByRole('button', { name: /Copy sentence/ }).first()).toBeVisible();
  }

  await stages.getByRole('link', { name: 'Full text' }).click();
  await expect(page).toHaveURL(/stage=full_text/);
  await expect(stages.getByRole('link', { name: 'Full text' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: /Download CSV \(full-text screening\)/ })).toBeVisible();

  const csv = await page.request.get(`/api/v1/projects/${projectId}/agreement/export?stage=title_abstract`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await csv.text()).split('\r\n')[0]).toBe('stage,scope,reviewer_a,reviewer_b,scheme,statistic,value,ci95_lower,ci95_upper,n,records,reason');
});

test('[A11Y] the agreement page has no axe violations at either stage', async ({ page }) => {
  await openAgreement(page);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('navigation', { name: 'Screening stage' }).getByRole('link', { name: 'Full text' }).click();
  await expect(page).toHaveURL(/stage=full_text/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
