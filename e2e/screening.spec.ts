import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiClient, risRecords } from './support/api';
import { DEMO, DEMO_PASSWORD, signIn, signUp, uniqueEmail } from './support/accounts';

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/**
 * Screen every record in the queue with the keyboard, choosing the key from the
 * record's number in its title ("Keyboard study N ..."): the queue's order is
 * the ranking's, which changes as votes arrive, so decisions follow the record.
 */
async function screenWithKeyboard(page: Page, keyFor: (n: number) => string, count: number, note?: { record: number; text: string }) {
  for (let i = 0; i < count; i++) {
    const title = (await page.locator('#record-title').textContent()) ?? '';
    const n = Number(/Keyboard study (\d+) /.exec(title)?.[1]);
    expect(n, `a numbered record is shown: ${title}`).toBeGreaterThan(0);
    if (note?.record === n) {
      // N focuses the note; clicking the record leaves the field so the keys vote again.
      await page.keyboard.press('n');
      await page.getByLabel(/^Note/).fill(note.text);
      await page.locator('#record-title').click();
    }
    await page.keyboard.press(keyFor(n));
    // The next record shows at once; wait until this vote is saved before moving on.
    await expect(page.getByTestId('screening-status')).toContainText(`Keyboard study ${n} `);
  }
  await expect(page.getByRole('heading', { name: 'Your queue is empty' })).toBeVisible();
}

test('[SCREENING] two reviewers screen 10 records with the keyboard, disagree on 3, the lead resolves them; blinding holds', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const lead = await pageFor(browser, DEMO.lead);
  const owner = await pageFor(browser, DEMO.owner);
  const ownerApi = apiClient(owner.request, baseURL!);
  const created = await ownerApi.post('/api/v1/projects', { title: `Keyboard screening ${Date.now()}` });
  expect(created.status).toBe(201);
  const projectId = created.body.id as string;
  for (const [email, role] of [[DEMO.lead, 'lead'], [DEMO.reviewer1, 'reviewer'], [DEMO.reviewer2, 'reviewer']] as const) {
    expect((await ownerApi.post(`/api/v1/projects/${projectId}/members`, { email, role })).status).toBe(201);
  }
  const viewerEmail = uniqueEmail('viewer');
  const viewer = await (await browser.newContext()).newPage();
  await signUp(viewer, { name: 'Vic Viewer', email: viewerEmail });
  expect((await ownerApi.post(`/api/v1/projects/${projectId}/members`, { email: viewerEmail, role: 'viewer' })).status).toBe(201);
  await apiClient(lead.request, baseURL!).importRis(projectId, 'ten.ris', risRecords('Keyboard', 10));

  const screeningUrl = `/projects/${projectId}/screening/title-abstract`;
  const first = await pageFor(browser, DEMO.reviewer1);
  await first.goto(screeningUrl);
  await expect(first.locator('#record-title')).toBeVisible();
  // Reviewer 1 includes records 1-5 and excludes 6-10, with a note on record 1 (a future conflict).
  await screenWithKeyboard(first, (n) => (n <= 5 ? 'i' : 'e'), 10, { record: 1, text: 'secret note from reviewer one' });

  const second = await pageFor(browser, DEMO.reviewer2);
  await second.goto(screeningUrl);
  await expect(second.locator('#record-title')).toBeVisible();
  await expect(second.getByText('secret note from reviewer one')).toHaveCount(0);
  // Blind in every route: reviewer 2 finds the record reviewer 1 annotated and asks the API for it.
  const shown = (await second.locator('#record-title').textContent())!;
  const found = await second.evaluate(
    async (url) => (await fetch(url)).json(),
    `/api/v1/projects/${projectId}/references?q=Keyboard&limit=50`,
  );
  const detail = (found.items as { id: string; title: string }[]).find((r) => r.title.startsWith('Keyboard study 1 of'))!;
  expect(detail, 'record 1 is listed').toBeTruthy();
  const record = await second.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/projects/${projectId}/references/${detail.id}`);
  expect(record.title).toContain('Keyboard study 1 of');
  expect(record.votes).toBeNull();
  expect(record.states).toBeNull();
  expect(JSON.stringify(record)).not.toContain('secret note');
  expect(shown).toContain('Keyboard study');
  // Reviewer 2 disagrees on 3 (excludes 1 and 2, includes 6); maybe with include (record 5) moves on.
  await screenWithKeyboard(second, (n) => ({ 1: 'e', 2: 'e', 5: 'm', 6: 'i' })[n] ?? (n <= 5 ? 'i' : 'e'), 10);

  await lead.goto(`/projects/${projectId}`);
  const ta = lead.getByTestId('screening-title_abstract');
  await expect(ta.locator('[data-column="Conflicts"]')).toHaveText('3');
  await expect(ta.locator('[data-column="Included"]')).toHaveText('3');
  await expect(ta.locator('[data-column="Excluded"]')).toHaveText('4');

  await lead.goto(`/projects/${projectId}/conflicts`);
  await expect(lead.getByTestId('conflict-count')).toHaveText('3');
  await expect(lead.getByText('secret note from reviewer one')).toBeVisible();
  for (const expected of ['2', '1', '0']) {
    await lead.getByRole('button', { name: 'Resolve' }).first().click();
    await expect(lead.getByTestId('conflict-count')).toHaveText(expected);
  }
  await expect(lead.getByText('No conflicts at this stage.')).toBeVisible();
  await lead.goto(`/projects/${projectId}`);
  await expect(ta.locator('[data-column="Conflicts"]')).toHaveText('0');
  await expect(ta.locator('[data-column="Included"]')).toHaveText('6');
  await expect(lead.getByTestId('screening-full_text').locator('[data-column="Awaiting votes"]')).toHaveText('6');

  // A viewer follows along but cannot vote, in the page or through the API.
  await viewer.goto(screeningUrl);
  await expect(viewer.getByText('As a viewer you can follow the progress, but not vote.')).toBeVisible();
  const status = await viewer.evaluate(
    async ({ url, referenceId }) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ referenceId, stage: 'title_abstract', decision: 'include' }) })).status,
    { url: `/api/v1/projects/${projectId}/votes`, referenceId: detail.id },
  );
  expect(status).toBe(403);
});
