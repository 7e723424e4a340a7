import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/accounts';

test('[PROJECTS] sign up, create a review, add a second user who sees it; a viewer cannot change members', async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const colleague = await (await browser.newContext()).newPage();
  const colleagueEmail = uniqueEmail('viewer');
  await signUp(colleague, { name: 'Vera Viewer', email: colleagueEmail });
  await expect(colleague.getByText('You are not in any review yet.')).toBeVisible();

  await signUp(owner, { name: 'Olga Owner', email: uniqueEmail('owner') });
  await owner.getByLabel('Title').fill('Apps for anxiety: a qualitative synthesis');
  await owner.getByRole('button', { name: 'Create review' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Apps for anxiety: a qualitative synthesis' })).toBeVisible();
  const projectUrl = owner.url();

  await owner.getByRole('link', { name: 'Members and settings' }).click();
  const addForm = owner.getByRole('form', { name: 'Add a member' });
  await addForm.getByLabel('Email').fill(colleagueEmail);
  await addForm.getByLabel('Role').selectOption('viewer');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(owner.getByRole('status')).toContainText(`${colleagueEmail} was added as viewer`);
  await expect(owner.getByRole('table', { name: 'Members' })).toContainText('Vera Viewer');

  await colleague.reload();
  await colleague.getByRole('link', { name: /Apps for anxiety/ }).click();
  await expect(colleague).toHaveURL(projectUrl);
  await expect(colleague.getByText('You are viewer')).toBeVisible();

  await colleague.goto(`${projectUrl}/settings`);
  await expect(colleague.getByRole('table', { name: 'Members' })).toContainText('Olga Owner');
  await expect(colleague.getByRole('form', { name: 'Add a member' })).toHaveCount(0);
  await expect(colleague.getByRole('table', { name: 'Members' }).getByRole('combobox')).toHaveCount(0);
  await expect(colleague.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(colleague.getByText("Only the project's owners can change its members.")).toBeVisible();

  // The server refuses too, whatever the page shows: a same-origin API call with the viewer's session.
  const projectId = projectUrl.split('/').pop()!;
  const status = await colleague.evaluate(async ({ id, email }) => {
    const res = await fetch(`/api/v1/projects/${id}/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, role: 'owner' }),
    });
    return res.status;
  }, { id: projectId, email: 'someone@example.test' });
  expect(status).toBe(403);
});

test('[MEMBERS] an invited email joins the review on sign-up', async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { name: 'Ines Inviter', email: uniqueEmail('inviter') });
  await owner.getByLabel('Title').fill('Telehealth workforce review');
  await owner.getByRole('button', { name: 'Create review' }).click();
  await owner.getByRole('link', { name: 'Members and settings' }).click();
  const invitee = uniqueEmail('invitee');
  const addForm = owner.getByRole('form', { name: 'Add a member' });
  await addForm.getByLabel('Email').fill(invitee);
  await addForm.getByLabel('Role').selectOption('reviewer');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(owner.getByRole('status')).toContainText('has no account yet');
  await expect(owner.getByText('Invited, waiting for sign-up')).toBeVisible();

  const newcomer = await (await browser.newContext()).newPage();
  await signUp(newcomer, { name: 'Nia Newcomer', email: invitee });
  await expect(newcomer.getByRole('link', { name: /Telehealth workforce review/ })).toContainText('Reviewer');
});

test('[ACCOUNTS] a wrong password gets a clear message and no session', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('owner@tandem.demo');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('[ACCOUNTS] an API token created on the account page works with the API and stops when revoked', async ({ page, request }) => {
  await signUp(page, { name: 'Toby Token', email: uniqueEmail('token') });
  await page.goto('/account');
  await page.getByLabel('Token name').fill('my script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-api-token').textContent())!.trim();
  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).name).toBe('Toby Token');
  await page.getByRole('button', { name: 'Revoke my script' }).click();
  await expect(page.getByText(/revoked/)).toBeVisible();
  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});
