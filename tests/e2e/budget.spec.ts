import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { COURSE, hydrateAll, lessonUrls, LOCALES, sectionUrl } from './helpers';

/** A lesson page may load at most this much JavaScript, gzipped, until every exercise on it is ready. */
const BUDGET = 30 * 1024;

test('a lesson page loads at most 30 KB of gzipped JavaScript', async ({ page }) => {
  test.setTimeout(240_000);
  const report: string[] = [];
  // The JavaScript of a page does not depend on its language (islands get their
  // strings as HTML attributes), so every lesson page is measured in English
  // and, as a check of that, the module pages' first lessons in the other languages.
  const urls = [
    ...lessonUrls('en'),
    ...LOCALES.filter((l) => l !== 'en').flatMap((l) => COURSE.map(({ module, sections }) => sectionUrl(l, sections[0], module))),
  ];
  for (const url of urls) {
    const section = url;
    const scripts = new Map<string, number>();
    const collect = async (response: import('@playwright/test').Response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!/javascript/.test(type) && !response.url().endsWith('.js')) return;
      scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
    };
    page.on('response', collect);
    await page.goto(url);
    await hydrateAll(page);
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    // Inline scripts count too.
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
    );
    const total = [...scripts.values()].reduce((a, b) => a + b, 0) + gzipSync(inline, { level: 9 }).length;
    report.push(`${section}: ${(total / 1024).toFixed(1)} KB in ${scripts.size} files`);
    expect(scripts.size, `${section} loads its islands`).toBeGreaterThan(0);
    expect.soft(total, section).toBeLessThanOrEqual(BUDGET);
  }
  console.log(report.join('\n'));
});

test('Dexie is downloaded only once the learner starts answering, never on page load', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (r) => loaded.push(r.url()));
  await page.goto(sectionUrl('en', 'history'));
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  const dexie = async () => {
    for (const url of loaded.filter((u) => u.endsWith('.js'))) {
      const body = await page.evaluate((u) => fetch(u).then((r) => r.text()), url);
      if (body.includes('Dexie')) return true;
    }
    return false;
  };
  expect(await dexie()).toBe(false);
  const box = page.locator('section.exercise[data-type="number"]');
  await box.getByRole('textbox').fill('1956');
  await box.locator('button[type="submit"]').click();
  await expect(box.getByText('Saved in this browser.')).toBeVisible();
  expect(await dexie()).toBe(true);
});
