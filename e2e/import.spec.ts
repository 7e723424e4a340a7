import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn } from './support/accounts';

const work = (n: number, topic: string) => ({
  title: `Implementing ${topic} in routine mental health care: a qualitative study ${n}`,
  authors: [`Rivera${n}, Ana`, `Okafor${n}, Chidi`],
  year: 2019 + n,
  journal: 'Journal of Medical Internet Research',
  volume: String(20 + n),
  pages: `e${1000 + n}`,
  doi: `10.2196/e2e.${n}`,
  abstract: `Background: clinicians' views of ${topic}. <b>Markup</b> stays text.`,
});

type Work = Partial<ReturnType<typeof work>> & { title: string };

function ris(works: Work[]): string {
  return works
    .map((w) =>
      [
        'TY  - JOUR',
        `TI  - ${w.title}`,
        ...(w.authors ?? []).map((a) => `AU  - ${a}`),
        w.year ? `PY  - ${w.year}` : '',
        w.journal ? `JO  - ${w.journal}` : '',
        w.volume ? `VL  - ${w.volume}` : '',
        w.pages ? `SP  - ${w.pages}` : '',
        w.doi ? `DO  - ${w.doi}` : '',
        w.abstract ? `AB  - ${w.abstract}` : '',
        'ER  - ',
        '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}

const apps = work(1, 'smartphone apps');
const telehealth = work(2, 'telehealth');
const peer = work(3, 'online peer support');
// One exact copy (merged at once) and one title-only copy (a probable duplicate for a person).
const FILE = ris([apps, telehealth, peer, { ...telehealth }, { title: apps.title }]);

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test('[IMPORT] a lead imports a file, sees the summary and the references, and resolves a duplicate with the keyboard', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO.lead, DEMO_PASSWORD);
  await page.getByLabel('Title').fill(`Import journey ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Create review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Import journey/ })).toBeVisible();
  const stages = page.getByRole('navigation', { name: /Stages of/ });

  await stages.getByRole('link', { name: /^Import/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.getByRole('form', { name: 'Import search results' });
  await form.getByLabel('Database searched').fill('Medline');
  await form.getByLabel(/Date searched/).fill('2024-03-01');
  await form.getByLabel(/Search string/).fill('("mental health") AND (digital OR app*)');
  await form.getByLabel('Files').setInputFiles({ name: 'medline-export.ris', mimeType: 'application/x-research-info-systems', buffer: Buffer.from(FILE) });
  await form.getByRole('button', { name: 'Import' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('imported 5 records (RIS, utf-8)', { timeout: 30_000 });
  await expect(summary.getByText('Duplicates merged automatically').locator('..')).toContainText('1');
  await expect(summary.getByText('Probable duplicates to review').locator('..')).toContainText('1');
  await expect(summary.getByText('Kept for screening').locator('..')).toContainText('4');
  await expect(page.getByRole('table', { name: 'Records identified per source' })).toContainText('medline-export.ris');
  await page.screenshot({ path: 'test-results/import-page.png', fullPage: true });

  await stages.getByRole('link', { name: /^References/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'References' })).toBeVisible();
  await expect(page.getByTestId('reference-count')).toHaveText('5 records');
  const list = page.getByRole('list', { name: 'References' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await page.getByLabel('Search title, abstract, authors').fill('telehealth');
  await expect(page.getByTestId('reference-count')).toHaveText('2 records');
  await page.getByLabel('Status').selectOption('removed');
  await expect(page.getByTestId('reference-count')).toHaveText('1 record');
  await expect(list).toContainText('Removed as duplicate');
  await page.getByLabel('Status').selectOption('all');
  await page.getByLabel('Search title, abstract, authors').fill('');
  await expect(page.getByTestId('reference-count')).toHaveText('5 records');
  await list.getByRole('button', { name: peer.title }).click();
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail).toContainText('<b>Markup</b> stays text.');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/references-page.png', fullPage: true });

  await stages.getByRole('link', { name: /^Duplicates/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Duplicates' })).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveText('1');
  const comparison = page.getByRole('table', { name: 'The two records compared field by field' });
  await expect(comparison).toContainText(apps.title);
  await expect(comparison.getByRole('row', { name: /DOI/ })).toContainText('one side missing');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/duplicates-page.png', fullPage: true });
  await page.keyboard.press('s');
  await expect(page.getByRole('status')).toContainText('Merged');
  await expect(page.getByTestId('pending-count')).toHaveText('0');
  await expect(page.getByText('No probable duplicates are waiting.')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('pending-count')).toHaveText('0');
  await stages.getByRole('link', { name: /^References/ }).click();
  await page.getByLabel('Status').selectOption('removed');
  await expect(page.getByTestId('reference-count')).toHaveText('2 records');
});

test('[IMPORT] a file that is no reference export is refused with its line, and nothing is imported', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO.lead, DEMO_PASSWORD);
  await page.getByLabel('Title').fill(`Bad file ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Create review' }).click();
  await page.getByRole('navigation', { name: /Stages of/ }).getByRole('link', { name: /^Import/ }).click();
  const form = page.getByRole('form', { name: 'Import search results' });
  await form.getByLabel('Database searched').fill('Embase');
  await form.getByLabel('Files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Dear team,\nthe search results follow next week.\n') });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'line 1' })).toContainText('not a recognised reference format');
  await expect(page.getByText('No search results imported yet.')).toBeVisible();
});
