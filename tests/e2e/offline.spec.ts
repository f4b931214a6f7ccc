/**
 * Offline: after the first visit the service worker has every page in every
 * language, the labs' code, wasm files and data; the learner can go on with
 * no network. A new version is offered, never forced, and keeps what the
 * learner typed.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { COURSE, exercise, LOCALES, sectionUrl, ui } from './helpers';

test.use({ serviceWorkers: 'allow' });

async function installed(page: import('@playwright/test').Page) {
  // `ready` resolves once the worker is active, i.e. after the whole course is precached.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('after the first visit the course works offline: every module in every language, exercises and a lab', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/en/');
  await installed(page);
  await context.setOffline(true);

  for (const lang of LOCALES) {
    const t = ui(lang);
    await page.goto(`/${lang}/`);
    await expect(page.locator('h1')).toHaveText(t['site.name']);
    await expect(page.locator('#offline-status')).toHaveText(t['app.offline']);
    for (const { module, sections } of COURSE) {
      await page.goto(`/${lang}/modules/${module}/`);
      await expect(page.locator('.steps > li')).toHaveCount(sections.length);
      for (const section of sections) {
        const response = await page.goto(sectionUrl(lang, section, module));
        expect(response?.status(), `${lang} ${section}`).toBe(200);
        await expect(page.locator('#section-title')).toBeVisible();
      }
    }
    await page.goto(`/${lang}/progress/`);
    await expect(page.locator('h1')).toHaveText(t['progress.title']);
    await page.goto(`/${lang}/certificate/`);
    await expect(page.locator('h1')).toHaveText(t['certificate.title']);
  }

  // Answer an exercise offline: it is saved on the device.
  const t = ui('fr');
  await page.goto(sectionUrl('fr', 'history'));
  const box = await exercise(page, 'm1-history-dartmouth');
  await box.getByRole('textbox').fill('1956');
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByText(t['exercise.saved'])).toBeVisible();

  // Train a lab offline: TF.js, its worker and its wasm files come from the cache.
  await page.goto(sectionUrl('en', 'nearest-neighbours', 'machine-learning'));
  const lab = page.locator('section.lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-progress', 'read');
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
  await expect(lab.locator('.lab-backend')).toContainText('WebAssembly');
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');

  // Back online, the indicator goes away.
  await context.setOffline(false);
  await expect(page.locator('#offline-status')).toHaveText('');
});

test('a new version is offered, not forced; updating keeps what the learner had typed', async ({ page }) => {
  const t = ui('de');
  await page.goto(sectionUrl('de', 'history'));
  await installed(page);
  await page.reload(); // a later visit, from the installed course
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const box = await exercise(page, 'm1-history-dartmouth');
  await box.getByRole('textbox').fill('1955');

  // Publish a new version of the course: its service worker changes.
  const sw = `${process.env.E2E_ROOT ?? 'dist'}/sw.js`;
  const original = readFileSync(sw, 'utf8');
  writeFileSync(sw, `${original}\n// a new version of the course, ${Date.now()}\n`);
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page.locator('#update-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText(t['app.updateReady']);
    // Nothing reloads by itself: the learner keeps typing.
    await box.getByRole('textbox').fill('1956');
    await page.waitForTimeout(500);
    await expect(box.getByRole('textbox')).toHaveValue('1956');

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: t['app.updateNow'] }).click();
    await reloaded;
    const again = await exercise(page, 'm1-history-dartmouth');
    await expect(again.getByRole('textbox')).toHaveValue('1956');
    await expect(page.locator('#update-banner')).toBeHidden();
    // The restored draft can be checked as usual.
    await again.getByRole('button', { name: t['exercise.check'] }).click();
    await expect(again.locator('.result')).toHaveAttribute('data-verdict', 'correct');
  } finally {
    writeFileSync(sw, original);
  }
});
