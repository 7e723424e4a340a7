import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn, signUp, uniqueEmail } from './support/accounts';
import { apiClient } from './support/api';

const ABSTRACT = 'Staff lacked time to learn the app. Licences cost too much for small clinics. Patients valued the reminders.';
const RIS = ['TY  - JOUR', 'TI  - Coding study of a mental health app', 'AU  - Doe, J.', 'PY  - 2021', `AB  - ${ABSTRACT}`, 'ER  - '].join('\n');

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/** Select a phrase of the study text the way a mouse would leave it: a DOM range over the rendered text. */
async function selectPhrase(page: Page, phrase: string) {
  await page.getByTestId('document-text').evaluate((root, wanted) => {
    const segments = [...root.querySelectorAll<HTMLElement>('[data-start]')];
    const segment = segments.find((s) => s.textContent?.includes(wanted));
    if (!segment?.firstChild) throw new Error(`"${wanted}" is not in one segment`);
    const at = segment.textContent!.indexOf(wanted);
    const range = document.createRange();
    range.setStart(segment.firstChild, at);
    range.setEnd(segment.firstChild, at + wanted.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
  await expect(page.getByRole('button', { name: 'Code selection (C)' })).toBeEnabled();
}

/** Press C, then tick (or create) each code by typing its name and Enter; Enter on the empty search applies. */
async function codeSelection(page: Page, names: string[]) {
  await page.keyboard.press('c');
  const palette = page.getByRole('dialog', { name: 'Apply codes' });
  for (const name of names) {
    await palette.getByRole('combobox', { name: 'Search codes' }).fill(name);
    // The best match is ticked with Enter; a new code is created from its option (a fuzzy match may come first).
    const create = palette.getByRole('option', { name: `Create code “${name}”` });
    if (await create.count()) await create.click();
    else await palette.getByRole('combobox', { name: 'Search codes' }).press('Enter');
    await expect(palette.getByText(new RegExp(`To apply: .*${name}`))).toBeVisible();
  }
  await palette.getByRole('combobox', { name: 'Search codes' }).press('Enter');
  await expect(palette).toBeHidden();
}

test('[CODING] two coders code the same study blind, the agreement appears; a code made while coding moves under a theme; a viewer cannot code', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await pageFor(browser, DEMO.owner);
  const ownerApi = apiClient(owner.request, baseURL!);
  const projectId = (await ownerApi.post('/api/v1/projects', { title: `Coding ${Date.now()}` })).body.id as string;
  for (const [email, role] of [[DEMO.lead, 'lead'], [DEMO.reviewer1, 'reviewer'], [DEMO.reviewer2, 'reviewer']] as const) {
    expect((await ownerApi.post(`/api/v1/projects/${projectId}/members`, { email, role })).status).toBe(201);
  }
  const viewerEmail = uniqueEmail('coding-viewer');
  const viewer = await (await browser.newContext()).newPage();
  await signUp(viewer, { name: 'Vera Viewer', email: viewerEmail });
  expect((await ownerApi.post(`/api/v1/projects/${projectId}/members`, { email: viewerEmail, role: 'viewer' })).status).toBe(201);
  const lead = await pageFor(browser, DEMO.lead);
  await apiClient(lead.request, baseURL!).importRis(projectId, 'one.ris', RIS);
  const rosa = await pageFor(browser, DEMO.reviewer1);
  const raj = await pageFor(browser, DEMO.reviewer2);
  const referenceId = (await apiClient(rosa.request, baseURL!).get(`/api/v1/projects/${projectId}/screening/title_abstract/next`)).body.id as string;
  // Both reviewers include the record at both stages: it becomes a study.
  for (const stage of ['title_abstract', 'full_text']) {
    for (const page of [rosa, raj]) expect((await apiClient(page.request, baseURL!).post(`/api/v1/projects/${projectId}/votes`, { referenceId, stage, decision: 'include' })).status).toBe(201);
  }

  // The lead chooses the study for double coding by Rosa and Raj.
  await lead.goto(`/projects/${projectId}/coding`);
  const double = lead.getByRole('region', { name: 'Double coding' });
  await double.getByLabel('Chosen studies').check();
  await double.getByLabel('Coding study of a mental health app').check();
  await double.getByLabel('First coder').selectOption({ label: 'Rosa Reviewer' });
  await double.getByLabel('Second coder').selectOption({ label: 'Raj Reviewer' });
  await double.getByRole('button', { name: 'Assign double coding' }).click();
  await expect(double.getByText('1 study assigned for double coding.')).toBeVisible();

  // Rosa codes the first sentence with a code she creates inline.
  await rosa.goto(`/projects/${projectId}/coding`);
  await expect(rosa.getByText('Assigned to you')).toBeVisible();
  await rosa.getByRole('link', { name: 'Coding study of a mental health app' }).click();
  await expect(rosa.getByText(/You see only your own quotes/)).toBeVisible();
  await selectPhrase(rosa, 'Staff lacked time to learn the app.');
  await codeSelection(rosa, ['Lack of time']);
  const rosaQuote = rosa.getByTestId('quote');
  await expect(rosaQuote).toHaveCount(1);
  await expect(rosaQuote).toContainText('Staff lacked time to learn the app.');
  await expect(rosaQuote).toContainText('Rosa Reviewer');

  // Raj does not see Rosa's quote; he codes the same sentence with her code and another sentence with a new code.
  await raj.goto(`/projects/${projectId}/coding`);
  await raj.getByRole('link', { name: 'Coding study of a mental health app' }).click();
  await expect(raj.getByText('No quotes yet.')).toBeVisible();
  await selectPhrase(raj, 'Staff lacked time to learn the app');
  await codeSelection(raj, ['Lack of time']);
  await selectPhrase(raj, 'Licences cost too much');
  await codeSelection(raj, ['Cost of licences']);
  await expect(raj.getByTestId('quote')).toHaveCount(2);
  await expect(raj.getByTestId('quote').filter({ hasText: 'Rosa Reviewer' })).toHaveCount(0);
  // The stored offsets are exactly the selected words.
  const codes = (await apiClient(raj.request, baseURL!).get(`/api/v1/projects/${projectId}/codes`)).body.codes as { id: string; name: string }[];
  const cost = codes.find((c) => c.name === 'Cost of licences')!;
  const costQuotes = (await apiClient(raj.request, baseURL!).get(`/api/v1/projects/${projectId}/codes/${cost.id}/quotes`)).body;
  expect(costQuotes.quotes.map((q: { text: string; start: number }) => [q.text, q.start])).toEqual([['Licences cost too much', ABSTRACT.indexOf('Licences')]]);

  // The lead compares; the agreement appears: 1 of the 2 codes applied was applied by both.
  await lead.reload();
  await lead.getByRole('button', { name: 'Compare the coders of Coding study of a mental health app' }).click();
  await expect(lead.getByText(/now see each other's quotes/)).toBeVisible();
  await lead.goto(`/projects/${projectId}/agreement`);
  await lead.getByRole('link', { name: 'Coding agreement' }).click();
  await expect(lead.getByTestId('coding-agreement-overall')).toHaveText('1 of 2 codes (50%)');
  await lead.getByRole('link', { name: /Compare the coders of/ }).click();
  const comparison = lead.getByRole('table', { name: /Each coded unit/ });
  await expect(comparison.getByRole('row')).toHaveCount(3);
  await expect(comparison).toContainText('Licences cost too much for small clinics.');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);

  // The lead moves the code Rosa created while coding under a new theme, then moves "Cost" from the keyboard.
  await lead.goto(`/projects/${projectId}/coding`);
  const codebook = lead.getByRole('region', { name: 'Codebook' });
  await codebook.getByLabel('New code').fill('Workforce');
  await codebook.getByLabel('Kind').selectOption('descriptive_theme');
  await codebook.getByRole('button', { name: 'Add code' }).click();
  await expect(codebook.getByRole('treeitem').filter({ hasText: 'Workforce' })).toBeVisible();
  await codebook.getByRole('treeitem').filter({ hasText: 'Lack of time' }).click();
  await codebook.getByLabel('Parent').selectOption({ label: 'Workforce' });
  await codebook.getByRole('button', { name: 'Save code' }).click();
  await expect(codebook.getByRole('treeitem', { name: /Lack of time/ })).toHaveAttribute('aria-level', '2');
  const costRow = codebook.getByRole('treeitem', { name: /Cost of licences/ });
  await costRow.focus();
  await lead.keyboard.press('Alt+ArrowDown');
  await expect(codebook.getByText('Moved "Cost of licences" to the top level.')).toBeVisible();
  await costRow.focus();
  await lead.keyboard.press('Alt+ArrowRight');
  await expect(codebook.getByRole('treeitem', { name: /Cost of licences/ })).toHaveAttribute('aria-level', '2');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);

  // A viewer reads the coding but cannot code, in the page or through the API.
  await viewer.goto(`/projects/${projectId}/coding`);
  await viewer.getByRole('link', { name: 'Coding study of a mental health app' }).click();
  await expect(viewer.getByTestId('quote')).toHaveCount(3);
  await expect(viewer.getByRole('button', { name: 'Code selection (C)' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Remove .* from this quote/ })).toHaveCount(0);
  const studyId = new URL(viewer.url()).pathname.split('/').at(-1)!;
  const refused = await apiClient(viewer.request, baseURL!).post(`/api/v1/projects/${projectId}/codings`, { studyId, codeIds: [cost.id], start: 0, end: 5 });
  expect(refused.status).toBe(403);
});
