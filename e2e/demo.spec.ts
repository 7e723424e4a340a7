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

test('[STAGES] a stage not built yet says so plainly', async ({ page }) => {
  await page.goto('/projects');
  await page.getByRole('link', { name: /Digital mental health/ }).click();
  await page.getByRole('navigation', { name: /Stages of/ }).getByRole('link', { name: /^Coding/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coding' })).toBeVisible();
  await expect(page.getByText('This stage is not built yet.')).toBeVisible();
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
