import { expect, test, type Page } from '@playwright/test';
import { exercise, exercisesOf, MODULE, SECTIONS, sectionUrl } from './helpers';

async function answerEverything(page: Page, lang: string) {
  for (const section of SECTIONS) {
    await page.goto(sectionUrl(lang, section));
    for (const data of exercisesOf(lang, section)) {
      const box = await exercise(page, data.id);
      const retry = box.getByRole('button', { name: 'Try again' });
      if (await retry.isVisible()) await retry.click();
      if (data.type === 'lab') continue;
      if (data.type === 'number') {
        await box.getByRole('textbox').fill(String(Math.round(data.answer)));
      } else if (data.type === 'single' || data.type === 'multiple') {
        for (const [i, o] of data.options.entries()) {
          if (o.correct) await box.locator(`input[value="${i}"]`).check();
        }
      }
      await box.locator('button[type="submit"]').click();
      await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'correct');
      await expect(box.getByText('Saved in this browser.')).toBeVisible();
    }
  }
}

const totals = () => {
  const all = SECTIONS.flatMap((s) => exercisesOf('en', s));
  return { count: all.length, points: all.reduce((sum, e) => sum + e.points, 0) };
};

test('progress: not started, in progress, complete; shown on home, module and progress pages', async ({ page }) => {
  const { count, points } = totals();
  await page.goto('/en/');
  await expect(page.locator('.card .status').first()).toHaveText('Not started');
  await page.goto('/en/progress/');
  await expect(page.locator('[data-testid="answered"]').first()).toHaveText(`0 of ${count} exercises answered`);

  // One exercise: in progress.
  const first = exercisesOf('en', 'defining-ai').find((e) => e.id === 'm1-def-adaptivity')!;
  if (first.type !== 'single') throw new Error('expected single');
  await page.goto(sectionUrl('en', 'defining-ai'));
  const box = await exercise(page, first.id);
  await box.locator(`input[value="${first.options.findIndex((o) => o.correct)}"]`).check();
  await box.locator('button[type="submit"]').click();
  await expect(box.getByText('Saved in this browser.')).toBeVisible();
  await expect(page.locator('.section-aside .status').nth(1)).toHaveText('1 of 2 answered');
  await page.goto('/en/');
  await expect(page.locator('.card .status').first()).toHaveText(`In progress: 1 of ${points} points`);

  await answerEverything(page, 'en');
  await page.goto('/en/');
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await expect(page.locator('.card .status').first()).toHaveText(`Completed on ${today}: ${points} of ${points} points`);
  await page.goto(`/en/modules/${MODULE}/`);
  await expect(page.locator('.status[data-status="complete"]').first()).toHaveText(`Completed on ${today}: ${points} of ${points} points`);
  await expect(page.locator('.steps .status')).toHaveText(SECTIONS.map(() => 'Done'));
  await page.goto('/en/progress/');
  await expect(page.locator('[data-testid="answered"]').first()).toHaveText(`${count} of ${count} exercises answered`);
  await expect(page.locator('[data-testid="points"]').first()).toHaveText(`${points} of ${points} points`);
  await expect(page.locator('.card').first()).toContainText(/Completed on \d{1,2} \w+ 20\d\d/);
  // The same progress, read in German.
  await page.goto('/de/progress/');
  await expect(page.locator('[data-testid="answered"]').first()).toHaveText(`${count} von ${count} Übungen beantwortet`);
});

test('reset asks for confirmation, can be cancelled, and then deletes everything', async ({ page }) => {
  const data = exercisesOf('en', 'history').find((e) => e.type === 'number')!;
  await page.goto(sectionUrl('en', 'history'));
  const box = await exercise(page, data.id);
  await box.getByRole('textbox').fill('1956');
  await box.locator('button[type="submit"]').click();
  await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'correct');
  await expect(box.getByText('Saved in this browser.')).toBeVisible();

  await page.goto('/en/progress/');
  await expect(page.locator('[data-testid="answered"]').first()).toContainText('1 of');
  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Are you sure?');
  await expect(dialog.getByRole('button', { name: 'No, keep my progress' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-testid="answered"]').first()).toContainText('1 of');

  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('Your progress has been deleted.')).toBeVisible();
  await expect(page.locator('[data-testid="answered"]').first()).toContainText('0 of');

  await page.goto(sectionUrl('en', 'history'));
  const again = await exercise(page, data.id);
  await expect(again.getByRole('textbox')).toHaveValue('');
  await expect(again.locator('.result')).toHaveCount(0);
});
