import { expect, test } from '@playwright/test';
import { exercise, exerciseOf, MODULE, sectionUrl } from './helpers';

test('no request leaves the site’s origin and no cookie is set', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  for (const path of ['/', '/fr/', `/fr/modules/${MODULE}/`, sectionUrl('fr', 'ai-in-your-day'), '/fr/progress/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  const data = exerciseOf('fr', 'ai-in-your-day', 'm1-day-bank-input');
  if (data.type !== 'single') throw new Error('expected single');
  await page.goto(sectionUrl('fr', 'ai-in-your-day'));
  const box = await exercise(page, data.id);
  await box.locator('input[value="0"]').check();
  await box.locator('button[type="submit"]').click();
  await expect(box.locator('.result')).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
