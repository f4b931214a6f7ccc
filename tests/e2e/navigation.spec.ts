import { expect, test } from '@playwright/test';
import { COURSE, lessonUrls, LOCALES, MODULE, SECTIONS, sectionUrl } from './helpers';

test('the language switch leads to the same page in the other language', async ({ page }) => {
  await page.goto(sectionUrl('en', 'history'));
  const englishTitle = await page.locator('h1').textContent();
  await page.locator('.lang-switch a[hreflang="fr"]').click();
  await expect(page).toHaveURL(sectionUrl('fr', 'history'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).not.toHaveText(englishTitle ?? '');
  await page.locator('.lang-switch a[hreflang="de"]').click();
  await expect(page).toHaveURL(sectionUrl('de', 'history'));
  await page.locator('.lang-switch a[hreflang="nl"]').click();
  await expect(page).toHaveURL(sectionUrl('nl', 'history'));
  await page.goto('/nl/progress/');
  await page.locator('.lang-switch a[hreflang="en"]').click();
  await expect(page).toHaveURL('/en/progress/');
});

test('every page has its language, a translated title and description, and hreflang alternates', async ({ page }) => {
  const titles = new Set<string>();
  for (const lang of LOCALES) {
    for (const path of [`/${lang}/`, `/${lang}/modules/${MODULE}/`, sectionUrl(lang, 'defining-ai'), `/${lang}/progress/`]) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const title = await page.title();
      expect(title.length).toBeGreaterThan(5);
      titles.add(title);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description?.length ?? 0).toBeGreaterThan(30);
      const alternates = page.locator('link[rel="alternate"][hreflang]');
      await expect(alternates).toHaveCount(5);
      for (const other of LOCALES) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
          'href',
          new RegExp(path.replace(`/${lang}/`, `/${other}/`).replace(/\//g, '\\/') + '$'),
        );
      }
    }
  }
  expect(titles.size).toBe(16); // every page title differs: translated, and per page
});

test('the home lists the module, which lists its sections with minutes; sections link forward and back', async ({ page }) => {
  await page.goto('/en/');
  const cards = page.locator('.card-list .card');
  await expect(cards).toHaveCount(COURSE.length);
  await expect(cards.first()).toContainText('What is AI?');
  await cards.first().locator('h3 a').click();
  await expect(page).toHaveURL(`/en/modules/${MODULE}/`);
  const steps = page.locator('.steps > li');
  await expect(steps).toHaveCount(SECTIONS.length);
  await expect(steps.first()).toContainText(/about \d+ min/);
  await steps.first().locator('a').click();
  await expect(page).toHaveURL(sectionUrl('en', SECTIONS[0]));
  await expect(page.locator('.kicker').first()).toContainText('Section 1 of 4');
  await expect(page.locator('.section-aside a[aria-current="page"]')).toContainText('1.');
  for (let i = 1; i < SECTIONS.length; i++) {
    await page.locator('.pager a[rel="next"]').click();
    await expect(page).toHaveURL(sectionUrl('en', SECTIONS[i]));
    await expect(page.locator('.kicker').first()).toContainText(`Section ${i + 1} of 4`);
  }
  await page.locator('.pager a.next').click();
  await expect(page).toHaveURL(`/en/modules/${MODULE}/`);
});

test('every lesson page is readable on a 360 px phone: no sideways scrolling, 18 px text', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  for (const lang of LOCALES) {
    // Islands are rendered on the server too, so exercises and widgets are measured as they first appear.
    for (const url of lessonUrls(lang)) {
      const section = url;
      await page.goto(url);
      const { scroll, font } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        font: parseFloat(getComputedStyle(document.querySelector('.lesson p')!).fontSize),
      }));
      expect(scroll, `${lang}/${section}`).toBeLessThanOrEqual(360);
      expect(font).toBeGreaterThanOrEqual(18);
    }
  }
  await page.close();
});

test('unknown pages get a 404 page in the four languages', async ({ page }) => {
  const response = await page.goto('/en/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('a[hreflang]')).toHaveCount(4);
});
