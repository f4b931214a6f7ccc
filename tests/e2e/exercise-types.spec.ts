/**
 * Order, match and self-assessed free-text exercises, operated by keyboard
 * only, on the first exercise of each type the course has. Asserts on what the
 * learner sees and on what survives a reload (the store).
 */
import { expect, test, type Page } from '@playwright/test';
import type { MatchExercise, OrderExercise, TextExercise } from '../../src/lib/exercises/schema';
import { shuffledIndices } from '../../src/lib/exercises/shuffle';
import { COURSE, exercise, exercisesOf, sectionUrl, ui } from './helpers';

function firstOf<T extends 'order' | 'match' | 'text'>(lang: string, type: T) {
  for (const { module, sections } of COURSE) {
    for (const section of sections) {
      const found = exercisesOf(lang, section, module).find((e) => e.type === type);
      if (found) return { url: sectionUrl(lang, section, module), data: found as Extract<OrderExercise | MatchExercise | TextExercise, { type: T }> };
    }
  }
  throw new Error(`the course has no ${type} exercise`);
}

/** Presses Tab until the element is focused (at most 40 times), as a keyboard user would reach it. */
async function tabTo(page: Page, target: import('@playwright/test').Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable with Tab');
}

for (const lang of ['en', 'fr'] as const) {
  test(`${lang}: order exercise by keyboard: move items with the arrow buttons, check, partial then full points, kept after a reload`, async ({ page }) => {
    const { url, data } = firstOf(lang, 'order');
    const t = ui(lang);
    await page.goto(url);
    const box = await exercise(page, data.id);
    const texts = () => box.locator('.order-text').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));
    // It starts shuffled, with no item in its right place.
    const start = shuffledIndices(data.id, data.items.length, true).map((i) => data.items[i]);
    expect(await texts()).toEqual(start);

    // Sort with "move up" buttons only (insertion sort), pressing Enter on the focused button.
    const n = data.items.length;
    for (let target = 0; target < n; target++) {
      const current = await texts();
      let at = current.indexOf(data.items[target]);
      const up = box.getByRole('button', { name: t['exercise.order.moveUp'].replace('{{item}}', data.items[target]) });
      if (at > target) await tabTo(page, up);
      while (at > target) {
        await page.keyboard.press('Enter');
        at--;
        await expect(box.locator('[aria-live="polite"]').first()).toContainText(data.items[target]);
      }
    }
    expect(await texts()).toEqual(data.items);
    await tabTo(page, box.getByRole('button', { name: t['exercise.check'] }));
    await page.keyboard.press('Enter');
    await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'correct');
    await expect(box.getByRole('status')).toContainText(data.feedback.correct);
    await expect(box.getByRole('status')).toContainText(t['exercise.saved']);

    await page.reload();
    const again = await exercise(page, data.id);
    await expect(again.locator('.result')).toHaveAttribute('data-verdict', 'correct');
    await expect(again.locator('.order-item[data-mark="right"]')).toHaveCount(n);
  });
}

test('order exercise: a wrong order earns part of the points and marks each item', async ({ page }) => {
  const { url, data } = firstOf('en', 'order');
  await page.goto(url);
  const box = await exercise(page, data.id);
  await box.getByRole('button', { name: 'Check my answer' }).focus();
  await page.keyboard.press('Enter');
  // The shuffle leaves nothing in place: no points, every item marked with where it belongs.
  await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'incorrect');
  await expect(box.locator('.order-item[data-mark="wrong"]')).toHaveCount(data.items.length);
  await expect(box.locator('.order-item').first()).toContainText(/belongs in place \d/);
});

for (const lang of ['en', 'nl'] as const) {
  test(`${lang}: match exercise by keyboard: every line must be answered, one wrong pair costs its share`, async ({ page }) => {
    const { url, data } = firstOf(lang, 'match');
    const t = ui(lang);
    await page.goto(url);
    const box = await exercise(page, data.id);
    const selects = box.locator('select');
    await expect(selects).toHaveCount(data.pairs.length);

    // Checking with nothing chosen: a translated error, focus on the first empty list.
    await tabTo(page, box.getByRole('button', { name: t['exercise.check'] }));
    await page.keyboard.press('Enter');
    await expect(box.getByRole('alert')).toHaveText(t['exercise.match.chooseAll']);
    await expect(selects.first()).toBeFocused();

    // Choose with the keyboard: the list's options are in a fixed shuffled order.
    const listed = shuffledIndices(data.id, data.pairs.length);
    const chooseFor = async (row: number, pair: number) => {
      await selects.nth(row).focus();
      await page.keyboard.press('Home'); // "Choose…"
      for (let k = 0; k <= listed.indexOf(pair); k++) await page.keyboard.press('ArrowDown');
    };
    // All right except the first two, swapped.
    for (let row = 0; row < data.pairs.length; row++) await chooseFor(row, row < 2 ? 1 - row : row);
    for (let row = 0; row < data.pairs.length; row++) {
      await expect(selects.nth(row)).toHaveValue(String(row < 2 ? 1 - row : row));
    }
    await tabTo(page, box.getByRole('button', { name: t['exercise.check'] }));
    await page.keyboard.press('Enter');
    const expected = Math.floor((data.points * (data.pairs.length - 2)) / data.pairs.length);
    await expect(box.locator('.result')).toHaveAttribute('data-verdict', expected > 0 ? 'partial' : 'incorrect');
    await expect(box.getByRole('status')).toContainText(t['exercise.points_other'].replace('{{score}}', String(expected)).replace('{{count}}', String(data.points)));
    await expect(box.locator('.match-row[data-mark="wrong"]')).toHaveCount(2);
    await expect(box.locator('.match-row').first()).toContainText(data.pairs[0].right);

    // Try again keeps the choices; fix the two lines.
    await expect(box.getByRole('button', { name: t['exercise.tryAgain'] })).toBeFocused();
    await page.keyboard.press('Enter');
    await chooseFor(0, 0);
    await chooseFor(1, 1);
    await tabTo(page, box.getByRole('button', { name: t['exercise.check'] }));
    await page.keyboard.press('Enter');
    await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'correct');
    await expect(box.getByRole('status')).toContainText(t['exercise.saved']);
  });
}

for (const lang of ['en', 'de'] as const) {
  test(`${lang}: free text by keyboard: write, compare with the model answer, tick rubric items, points as ticked, kept after a reload`, async ({ page }) => {
    const { url, data } = firstOf(lang, 'text');
    const t = ui(lang);
    await page.goto(url);
    const box = await exercise(page, data.id);
    const area = box.getByRole('textbox');
    // Nothing written: a translated error.
    await tabTo(page, box.getByRole('button', { name: t['exercise.text.compare'] }));
    await page.keyboard.press('Enter');
    await expect(box.getByRole('alert')).toHaveText(t['exercise.text.writeFirst']);
    await expect(area).toBeFocused();
    const mine = 'A test <answer> with data: and “quotes”.';
    await page.keyboard.type(mine);
    await tabTo(page, box.getByRole('button', { name: t['exercise.text.compare'] }));
    await page.keyboard.press('Enter');
    await expect(box.getByText(data.modelAnswer)).toBeVisible();
    await expect(area).toHaveAttribute('readonly', '');
    // Tick the first and last rubric items with Space.
    const ticks = box.getByRole('checkbox');
    await expect(ticks).toHaveCount(data.rubric.length);
    for (const i of [0, data.rubric.length - 1]) {
      await tabTo(page, ticks.nth(i));
      await page.keyboard.press('Space');
    }
    await tabTo(page, box.getByRole('button', { name: t['exercise.text.save'] }));
    await page.keyboard.press('Enter');
    await expect(box.locator('.result')).toHaveAttribute('data-verdict', 'partial');
    await expect(box.getByRole('status')).toContainText(t['exercise.text.ticked'].replace('{{hits}}', '2').replace('{{total}}', String(data.rubric.length)));
    await expect(box.getByRole('status')).toContainText(t['exercise.saved']);

    await page.reload();
    const again = await exercise(page, data.id);
    await expect(again.getByRole('textbox')).toHaveValue(mine);
    await expect(again.getByRole('checkbox').first()).toBeChecked();
    await expect(again.getByRole('checkbox').nth(1)).not.toBeChecked();
    // "Change my answer" goes back to writing, the text kept.
    await again.getByRole('button', { name: t['exercise.text.edit'] }).focus();
    await page.keyboard.press('Enter');
    await expect(again.getByRole('textbox')).toBeFocused();
    await expect(again.getByRole('textbox')).toHaveValue(mine);
  });
}
