/**
 * axe (WCAG 2.1 AA) on every page of the course in every language.
 *
 * Each page is loaded and hydrated once and scanned with every rule in the
 * light theme. Colours do not depend on the language (the four languages share
 * one stylesheet and one DOM structure), so each page is also scanned in the
 * dark theme with the colour rules in one of the four languages, taken in turn:
 * every page is checked in the dark theme, and every language on a quarter of
 * its pages. The teach pages with a class, its QR code, the guide and the join
 * page are scanned in both themes, in every language, by classroom.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes, COURSE, hydrateAll, lessonUrls, LOCALES, WCAG_TAGS as TAGS } from './helpers';

async function scanPage(page: Page, path: string, dark: boolean) {
  await page.goto(path);
  await hydrateAll(page);
  return axeBothThemes(page, { dark });
}

// Nine tests (two a language, and the chooser) that may run side by side.
test.describe.configure({ mode: 'parallel' });

for (const [langIndex, lang] of LOCALES.entries()) {
  const groups = {
    'every lesson page': lessonUrls(lang),
    'home, module pages, progress, certificate, about-the-data, an empty class page and impact': [
      `/${lang}/`,
      ...COURSE.map(({ module }) => `/${lang}/modules/${module}/`),
      `/${lang}/progress/`,
      `/${lang}/certificate/`,
      `/${lang}/about-data/`,
      `/${lang}/teach/class/`,
      `/${lang}/impact/`,
    ],
  };
  for (const [name, paths] of Object.entries(groups)) {
    test(`WCAG 2.1 AA, ${lang}: ${name} (light theme; dark theme on every fourth page)`, async ({ page }) => {
      test.setTimeout(300_000);
      for (const [i, path] of paths.entries()) {
        const dark = (i + langIndex) % LOCALES.length === 0;
        expect.soft(await scanPage(page, path, dark), path).toEqual({ light: [], dark: [] });
      }
    });
  }
}

test.describe('the language chooser at /', () => {
  test.use({ locale: 'es-ES' });
  test('has no violations in either theme', async ({ page }) => {
    expect(await scanPage(page, '/', true)).toEqual({ light: [], dark: [] });
  });
});

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

test('answered order, match and free-text exercises (marks, model answer, rubric) have no violations in either theme', async ({ page }) => {
  const scanExercises = async () => {
    const { light, dark } = await axeBothThemes(page, { include: 'section.exercise' });
    return [...light, ...dark].map((v) => v.id);
  };
  await page.goto('/en/modules/solving-problems/search-and-planning/');
  await hydrateAll(page);
  // An order exercise checked as shuffled (every item marked wrong), a match exercise with the first choice everywhere.
  const order = page.locator('section.exercise[data-type="order"]').first();
  await order.getByRole('button', { name: 'Check my answer' }).click();
  await expect(order.locator('.result')).toBeVisible();
  const match = page.locator('section.exercise[data-type="match"]').first();
  for (const select of await match.locator('select').all()) await select.selectOption({ index: 1 });
  await match.getByRole('button', { name: 'Check my answer' }).click();
  await expect(match.locator('.result')).toBeVisible();
  expect(await scanExercises()).toEqual([]);

  await page.goto('/en/modules/solving-problems/optimisation/');
  await hydrateAll(page);
  const text = page.locator('section.exercise[data-type="text"]').first();
  await text.getByRole('textbox').fill('Good enough, fast: a timetable that works today beats a perfect one next year.');
  await text.getByRole('button', { name: 'Compare with a model answer' }).click();
  await text.getByRole('checkbox').first().check();
  expect(await scanExercises()).toEqual([]);
  await text.getByRole('button', { name: 'Save my assessment' }).click();
  await expect(text.locator('.result')).toBeVisible();
  expect(await scanExercises()).toEqual([]);
});
