import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { OWNER_STATE } from './support/accounts';

test.use({ storageState: OWNER_STATE });

test('[DEMO] the seeded review is there with its team and references', async ({ page }) => {
  await page.goto('/projects');
  await page.getByRole('link', { name: /Digital mental health: barriers and facilitators/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digital mental health: barriers and facilitators' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('table')).toContainText('digital-mental-health.ris');
  await expect(page.getByText('Records identified').locator('..')).toContainText('15');
});

test('[STAGES] every stage is built: none says "not built yet", and Coding opens the demo codebook', async ({ page }) => {
  await page.goto('/projects');
  await page.getByRole('link', { name: /Digital mental health/ }).click();
  const stages = page.getByRole('navigation', { name: /Stages of/ });
  await expect(stages.getByText('not built yet')).toHaveCount(0);
  await stages.getByRole('link', { name: /^Coding/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coding' })).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /Barriers to delivering care remotely/ })).toBeVisible();
});

test('[A11Y] sign-in, projects, dashboard and settings have no axe violations', async ({ page, browser }) => {
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto('/sign-in');
  expect((await new AxeBuilder({ page: anonymous }).analyze()).violations).toEqual([]);

  await page.goto('/projects');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('link', { name: /Digital mental health/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto(`${page.url()}/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
