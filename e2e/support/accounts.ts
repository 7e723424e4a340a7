import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The demo owner's saved session, written by auth.setup.ts inside this run's output folder. */
export const OWNER_STATE = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', '.auth', 'owner.json');

export const DEMO_PASSWORD = 'tandem-demo-2026';
export const DEMO = {
  owner: 'owner@tandem.demo',
  lead: 'lead@tandem.demo',
  reviewer1: 'reviewer1@tandem.demo',
  reviewer2: 'reviewer2@tandem.demo',
} as const;

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

export async function signUp(page: Page, { name, email, password = 'e2e password 123' }: { name: string; email: string; password?: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}
