import { expect, test } from '@playwright/test';
import { exercise, exerciseOf, sectionUrl, ui } from './helpers';

test.describe('a browser that refuses IndexedDB (blocked site data, some private windows)', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
      Object.defineProperty(IDBFactory.prototype, 'open', { value: refuse, configurable: true });
    });
  });

  test('the learner is told progress will not be kept, and exercises still work', async ({ page }) => {
    const t = ui('de');
    const data = exerciseOf('de', 'defining-ai', 'm1-def-adaptivity');
    if (data.type !== 'single') throw new Error('expected single');
    await page.goto(sectionUrl('de', 'defining-ai'));
    await expect(page.locator('.notice')).toHaveText(t['storage.unavailable']);
    const box = await exercise(page, data.id);
    await box.locator(`input[value="${data.options.findIndex((o) => o.correct)}"]`).check();
    await box.getByRole('button', { name: t['exercise.check'] }).click();
    await expect(box.getByRole('status')).toContainText(t['exercise.correct']);
    await expect(box.getByRole('status')).toContainText(t['storage.writeFailed']);
    // The answer can still be taken away in a file.
    const download = page.waitForEvent('download');
    await box.getByRole('button', { name: t['storage.saveFile'] }).click();
    expect((await download).suggestedFilename()).toMatch(/^ai4belgium-progress-.*\.json$/);
    // The page still counts the answer while it is open.
    await expect(page.locator('.section-aside .status').nth(1)).toHaveText('1 von 2 beantwortet');

    await page.goto('/de/progress/');
    await expect(page.locator('.notice')).toHaveText(t['storage.unavailable']);
  });
});
