import { expect, test } from '@playwright/test';

for (const [browserLocale, lang] of [
  ['nl-BE', 'nl'],
  ['fr-BE', 'fr'],
  ['de-BE', 'de'],
  ['en-GB', 'en'],
] as const) {
  test.describe(`a browser in ${browserLocale}`, () => {
    test.use({ locale: browserLocale });
    test(`is sent from / to /${lang}/`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });
  });
}

test.describe('a browser in a language the course does not have', () => {
  test.use({ locale: 'es-ES' });
  test('stays on / and is offered the four languages', async ({ page }) => {
    await page.goto('/');
    await page.waitForTimeout(300);
    await expect(page).toHaveURL('/');
    const links = page.locator('.lang-grid a');
    await expect(links).toHaveCount(4);
    await expect(links.nth(0)).toHaveAttribute('href', '/nl/');
    await expect(links.nth(1)).toContainText('Français');
    await links.nth(2).click();
    await expect(page).toHaveURL('/de/');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'nl-BE' });
  test('/ is a page offering the four languages', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.lang-grid a')).toHaveText([/Nederlands/, /Français/, /Deutsch/, /English/]);
  });
});
