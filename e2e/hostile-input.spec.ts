import { expect, test } from '@playwright/test';
import { apiClient } from './support/api';
import { DEMO, DEMO_PASSWORD, signIn } from './support/accounts';

const SCRIPT_TITLE = 'Apps <script>window.__tandemXss = 1</script> for anxiety';
const IMG_ABSTRACT = 'Results <img src=x onerror="window.__tandemXss = 2; alert(2)"> were mixed.';
const NOTE = '<img src=x onerror="alert(3)"> looks relevant';

test('[SECURITY] script and HTML in imported titles, abstracts and notes are shown as text and never run', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  const lead = await (await browser.newContext()).newPage();
  lead.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(lead, DEMO.lead, DEMO_PASSWORD);
  const api = apiClient(lead.request, baseURL!);
  const created = await api.post('/api/v1/projects', { title: 'Hostile input <b>bold</b>' });
  const projectId = created.body.id as string;
  expect((await api.post(`/api/v1/projects/${projectId}/members`, { email: DEMO.owner, role: 'reviewer' })).status).toBe(201);
  const ris = ['TY  - JOUR', `TI  - ${SCRIPT_TITLE}`, 'AU  - Doe, J.', 'PY  - 2021', `AB  - ${IMG_ABSTRACT}`, 'ER  - ', ''].join('\n');
  await api.importRis(projectId, 'hostile.ris', ris);

  // The API hands the text back exactly as imported: escaping is the page's job, not the data's.
  const next = await api.get(`/api/v1/projects/${projectId}/screening/title_abstract/next`);
  expect(next.body.title).toBe(SCRIPT_TITLE);
  expect(next.body.abstract).toBe(IMG_ABSTRACT);

  await lead.goto(`/projects/${projectId}/screening/title-abstract`);
  await expect(lead.locator('#record-title')).toContainText('<script>window.__tandemXss = 1</script>');
  await expect(lead.getByText('<img src=x onerror=', { exact: false })).toBeVisible();
  await lead.keyboard.press('n');
  await lead.getByLabel(/^Note/).fill(NOTE);
  await lead.locator('#record-title').click();
  await lead.keyboard.press('i');
  await expect(lead.getByRole('heading', { name: 'Your queue is empty' })).toBeVisible();

  // The lead's note shows on the conflicts page once a second voter disagrees.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, DEMO.owner, DEMO_PASSWORD);
  const vote = await apiClient(owner.request, baseURL!).post(`/api/v1/projects/${projectId}/votes`, {
    referenceId: next.body.id,
    stage: 'title_abstract',
    decision: 'exclude',
    note: '<script>alert(4)</script>',
  });
  expect(vote.status).toBe(201);
  await lead.goto(`/projects/${projectId}/conflicts`);
  await expect(lead.getByText(NOTE)).toBeVisible();
  await expect(lead.getByText('<script>alert(4)</script>')).toBeVisible();
  for (const path of ['', '/screening/title-abstract', '/references', '/settings']) {
    await lead.goto(`/projects/${projectId}${path}`);
    await expect(lead.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(lead.getByText('Hostile input <b>bold</b>').first()).toBeVisible();
  expect(await lead.evaluate(() => (window as unknown as { __tandemXss?: number }).__tandemXss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('[SECURITY] every page carries a Content-Security-Policy and the other security headers', async ({ request }) => {
  const res = await request.get('/sign-in');
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('[SECURITY] a cookie-authenticated write from another site is refused', async ({ browser, baseURL }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO.owner, DEMO_PASSWORD);
  const res = await page.request.post('/api/v1/projects', { headers: { origin: 'https://evil.example' }, data: { title: 'Forged' } });
  expect(res.status()).toBe(403);
  const same = await page.request.post('/api/v1/projects', { headers: { origin: baseURL! }, data: { title: 'Same site' } });
  expect(same.status()).toBe(201);
});
