/**
 * The public count: asked once after a module is completed, with what is sent
 * shown in full; nothing sent without a yes; offline reports sent once when
 * the network returns; the choice changeable on the progress page; the impact
 * page in every language, with numbers in the page's language, and a clear
 * message when the service cannot be reached.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { backupText } from '../../src/lib/progress/backup';
import { COURSE, LOCALES, perfectAnswers, ui } from './helpers';

const TALLY = 'http://127.0.0.1:4401';

async function completeModule(page: Page, lang: string, module = COURSE[0].module) {
  await page.goto(`/${lang}/progress/`);
  await expect(page.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
  await page.getByLabel(ui(lang)['keep.loadLabel']).setInputFiles({
    name: 'p.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupText(perfectAnswers(module))),
  });
  await expect(page.getByTestId('keep-message')).toContainText(ui(lang)['import.done'].split('{{')[0]);
}

function watchReports(page: Page) {
  const sent: { item: string; status: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/completions') || response.request().method() !== 'POST') return;
    sent.push({ item: JSON.parse(response.request().postData() ?? '{}').item, status: response.status() });
  });
  return sent;
}

test('asked once after completing a module; what is sent is shown; nothing is sent before yes; offline reports go once', async ({ page, context }) => {
  const t = ui('nl');
  const sent = watchReports(page);
  await page.goto('/nl/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-tally="prompt"]')).toHaveCount(0); // nothing completed yet

  await completeModule(page, 'nl');
  await page.goto('/nl/');
  const prompt = page.locator('[data-tally="prompt"]');
  await expect(prompt).toContainText(t['tally.title']);
  await prompt.getByLabel(t['tally.regionLabel']).selectOption('flanders');
  await prompt.getByLabel(t['tally.ageLabel']).selectOption('25-34');
  const preview = JSON.parse(await prompt.getByTestId('tally-preview').textContent() ?? '{}');
  expect(preview).toMatchObject({ item: 'what-is-ai', lang: 'nl', region: 'flanders', age: '25-34' });
  expect(Object.keys(preview).sort()).toEqual(['age', 'item', 'lang', 'region', 'token']);
  expect(sent).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // Say yes while offline: nothing can go yet.
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await prompt.getByRole('button', { name: t['tally.yes'] }).click();
  await expect(page.locator('[data-tally="prompt"][role="status"]')).toHaveText(t['tally.thanks']);
  await page.waitForTimeout(300);
  expect(sent).toEqual([]);
  // Back online: the report goes, once.
  await context.setOffline(false);
  await expect.poll(() => sent).toEqual([{ item: 'what-is-ai', status: 201 }]);
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-tally="prompt"]')).toHaveCount(0); // asked once
  expect(sent).toHaveLength(1);

  // The progress page shows the choice and what was counted, and can stop it.
  await page.goto('/nl/progress/');
  const settings = page.locator('[data-tally="settings"]');
  await expect(settings.getByTestId('tally-state')).toHaveText(t['tally.stateYes']);
  await expect(settings.getByTestId('tally-sent')).toContainText(t['module.label'].replace('{{n}}', '1'));
  await settings.getByRole('button', { name: t['tally.stop'] }).click();
  await expect(settings.getByTestId('tally-state')).toHaveText(t['tally.stateNo']);
  // A second module completed afterwards is not sent.
  await completeModule(page, 'nl', COURSE[1].module);
  await page.goto('/nl/');
  await page.waitForLoadState('networkidle');
  expect(sent).toHaveLength(1);
});

test('saying no sends nothing and the question is not asked again', async ({ page }) => {
  const t = ui('fr');
  const sent = watchReports(page);
  await completeModule(page, 'fr');
  await page.goto(`/fr/modules/${COURSE[0].module}/`);
  const prompt = page.locator('[data-tally="prompt"]');
  await prompt.getByRole('button', { name: t['tally.no'] }).click();
  await expect(page.locator('[data-tally="prompt"][role="status"]')).toHaveText(t['tally.declined']);
  await page.goto('/fr/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-tally="prompt"]')).toHaveCount(0);
  expect(sent).toEqual([]);
});

test.describe('the impact page', () => {
  test.beforeAll(async ({ request }) => {
    // Enough people for the published cells: 14 in Flanders, 11 who did not say.
    for (let i = 0; i < 25; i++) {
      const token = `impact${String(i).padStart(16, '0')}`;
      const data = { token, item: 'what-is-ai', lang: i < 14 ? 'nl' : 'fr', ...(i < 14 ? { region: 'flanders' } : {}) };
      const response = await request.post(`${TALLY}/api/completions`, { data });
      expect([200, 201]).toContain(response.status());
    }
  });

  for (const lang of LOCALES) {
    test(`${lang}: progress toward 1 % in the page’s language, small groups hidden`, async ({ page }) => {
      const t = ui(lang);
      await page.goto(`/${lang}/impact/`);
      const impact = page.getByTestId('impact');
      await expect(impact).toBeVisible();
      const goal = { nl: '118.256', de: '118.256', fr: '118\u202f256', en: '118,256' }[lang];
      await expect(impact.locator('[data-goal="any-module"]')).toContainText(goal);
      await expect(impact.locator('[data-goal="flanders"]')).toContainText({ nl: '68.648', de: '68.648', fr: '68\u202f648', en: '68,648' }[lang]);
      await expect(impact.locator('[data-goal="flanders"]')).toContainText(/1[4-9]|[2-9]\d/);
      await expect(impact.locator('[data-goal="course"]')).toContainText(t['impact.fewer'].replace('{{number}}', '10'));
      await expect(impact.getByTestId('impact-languages').locator('[data-lang="de"]')).toContainText(t['impact.fewer'].replace('{{number}}', '10'));
    });
  }

  test('says so when the counting service cannot be reached', async ({ page }) => {
    await page.route(`${TALLY}/**`, (route) => route.abort());
    await page.goto('/de/impact/');
    await expect(page.getByTestId('impact-error')).toHaveText(ui('de')['impact.unreachable']);
  });
});
