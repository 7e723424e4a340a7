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

test('[SECURITY] script and HTML in code names and quote memos are shown as text and never run', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  const pageFor = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, email, DEMO_PASSWORD);
    return page;
  };
  const lead = await pageFor(DEMO.lead);
  const leadApi = apiClient(lead.request, baseURL!);
  const projectId = (await leadApi.post('/api/v1/projects', { title: 'Hostile coding' })).body.id as string;
  for (const email of [DEMO.reviewer1, DEMO.reviewer2]) {
    expect((await leadApi.post(`/api/v1/projects/${projectId}/members`, { email, role: 'reviewer' })).status).toBe(201);
  }
  const ris = ['TY  - JOUR', 'TI  - Hostile coding study', 'AU  - Doe, J.', 'PY  - 2022', 'AB  - Staff lacked time. Costs were high.', 'ER  - ', ''].join('\n');
  await leadApi.importRis(projectId, 'coding.ris', ris);
  const reviewers = [await pageFor(DEMO.reviewer1), await pageFor(DEMO.reviewer2)].map((p) => apiClient(p.request, baseURL!));
  const referenceId = (await reviewers[0].get(`/api/v1/projects/${projectId}/screening/title_abstract/next`)).body.id as string;
  for (const stage of ['title_abstract', 'full_text']) {
    for (const api of reviewers) expect((await api.post(`/api/v1/projects/${projectId}/votes`, { referenceId, stage, decision: 'include' })).status).toBe(201);
  }

  const codeName = 'Cost <img src=x onerror="window.__tandemXss = 5; alert(5)">';
  const memo = '<script>window.__tandemXss = 6; alert(6)</script> memo';
  const code = await leadApi.post(`/api/v1/projects/${projectId}/codes`, { name: codeName });
  expect(code.status).toBe(201);
  await lead.goto(`/projects/${projectId}/coding`);
  await lead.getByRole('link', { name: 'Hostile coding study' }).first().click();
  await lead.waitForURL(/\/coding\/studies\/[0-9a-f-]{36}$/);
  const studyId = new URL(lead.url()).pathname.split('/').at(-1)!;
  const coded = await leadApi.post(`/api/v1/projects/${projectId}/codings`, { studyId, codeIds: [code.body.id], start: 0, end: 17, memo });
  expect(coded.status, JSON.stringify(coded.body)).toBe(201);

  await lead.reload();
  await expect(lead.getByTestId('quote').first()).toContainText(memo);
  await expect(lead.getByText(codeName).first()).toBeVisible();
  for (const path of ['/coding', `/coding/codes/${code.body.id}`, '/synthesis', '/exports']) {
    await lead.goto(`/projects/${projectId}${path}`);
    await expect(lead.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(await lead.evaluate(() => (window as unknown as { __tandemXss?: number }).__tandemXss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
