import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { COURSE, hydrateAll, lessonUrls, LOCALES } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The dark theme changes colours only (the same DOM, the same CSS rules but
 * for custom properties under prefers-color-scheme), so in it the pages are
 * scanned with the rules that depend on colour; the light theme runs them all.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function scan(page: import('@playwright/test').Page, scheme: 'light' | 'dark' = 'light') {
  await hydrateAll(page);
  const builder = new AxeBuilder({ page });
  const { violations } = await (scheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder.withTags(TAGS)).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`WCAG 2.1 AA, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const lang of LOCALES) {
      test(`${lang}: home, module pages, every lesson page, progress, certificate, about-the-data and teach pages`, async ({ page }) => {
        test.setTimeout(240_000);
        const paths = [
          `/${lang}/`,
          ...COURSE.map(({ module }) => `/${lang}/modules/${module}/`),
          ...lessonUrls(lang),
          `/${lang}/progress/`,
          `/${lang}/certificate/`,
          `/${lang}/about-data/`,
          `/${lang}/teach/`,
          `/${lang}/teach/class/`,
          `/${lang}/teach/guide/`,
          `/${lang}/join/`,
          `/${lang}/impact/`,
        ];
        for (const path of paths) {
          await page.goto(path);
          expect(await scan(page, scheme), path).toEqual([]);
        }
      });
    }
    test.describe('the language chooser at /', () => {
      test.use({ locale: 'es-ES' });
      test('has no violations', async ({ page }) => {
        await page.goto('/');
        expect(await scan(page)).toEqual([]);
      });
    });
  });
}

test('an answered exercise (feedback shown) has no violations', async ({ page }) => {
  await page.goto(lessonUrls('en')[0]);
  await hydrateAll(page);
  const box = page.locator('section.exercise').first();
  await box.scrollIntoViewIfNeeded();
  await box.locator('input').nth(1).check();
  await box.locator('button[type="submit"]').click();
  await expect(box.locator('.result')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('section.exercise').withTags(TAGS).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
