import { expect, test } from '@playwright/test';
import { exercise, exerciseOf, sectionUrl, ui } from './helpers';

test('single choice: feedback for a wrong answer, retry, then correct; remembered after a reload', async ({ page }) => {
  const data = exerciseOf('en', 'defining-ai', 'm1-def-adaptivity');
  if (data.type !== 'single') throw new Error('expected single');
  const wrong = data.options.findIndex((o) => !o.correct);
  const right = data.options.findIndex((o) => o.correct);
  await page.goto(sectionUrl('en', 'defining-ai'));
  const box = await exercise(page, data.id);

  await box.getByRole('button', { name: 'Check my answer' }).click();
  await expect(box.getByRole('alert')).toHaveText('Choose an answer first.');

  await box.getByRole('radio', { name: data.options[wrong].text }).check();
  await box.getByRole('button', { name: 'Check my answer' }).click();
  const status = box.getByRole('status');
  await expect(status).toContainText('Not quite.');
  await expect(status).toContainText('0 of 1 point');
  await expect(status).toContainText(data.options[wrong].feedback);
  await expect(status).toContainText('Saved in this browser.');

  await box.getByRole('button', { name: 'Try again' }).click();
  await expect(box.getByRole('radio').first()).toBeFocused();
  await box.getByRole('radio', { name: data.options[right].text }).check();
  await box.getByRole('button', { name: 'Check my answer' }).click();
  await expect(status).toContainText('Correct.');
  await expect(status).toContainText('1 of 1 point');
  await expect(status).toContainText(data.options[right].feedback);
  await expect(status).toContainText('Saved in this browser.');

  await page.reload();
  const again = await exercise(page, data.id);
  await expect(again.getByRole('radio', { name: data.options[right].text })).toBeChecked();
  await expect(again.getByRole('status')).toContainText('Correct.');
  await expect(again.getByRole('status')).toContainText(data.options[right].feedback);
});

test('multiple choice: partial credit explained, full credit for exactly the right set', async ({ page }) => {
  const data = exerciseOf('en', 'ai-in-your-day', 'm1-day-spot-ai');
  if (data.type !== 'multiple') throw new Error('expected multiple');
  const right = data.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
  const wrong = data.options.findIndex((o) => !o.correct);
  await page.goto(sectionUrl('en', 'ai-in-your-day'));
  const box = await exercise(page, data.id);
  await expect(box).toContainText('Select all that apply.');

  await box.getByRole('checkbox', { name: data.options[right[0]].text }).check();
  await box.getByRole('checkbox', { name: data.options[wrong].text }).check();
  await box.getByRole('button', { name: 'Check my answer' }).click();
  const status = box.getByRole('status');
  await expect(status).toContainText(`Right answers ticked: 1 of ${right.length}. Wrong answers ticked: 1.`);
  await expect(status).toContainText(data.options[wrong].feedback);
  await expect(status).toContainText(`0 of ${data.points} points`);

  await box.getByRole('button', { name: 'Try again' }).click();
  for (const i of right) await box.getByRole('checkbox', { name: data.options[i].text }).check();
  await box.getByRole('button', { name: 'Check my answer' }).click();
  await expect(status).toContainText('Correct.');
  await expect(status).toContainText(`${data.points} of ${data.points} points`);
});

test('number answer: reads a Dutch number, explains a wrong one, refuses text that is no number', async ({ page }) => {
  const data = exerciseOf('nl', 'ai-in-your-day', 'm1-day-one-percent');
  if (data.type !== 'number') throw new Error('expected number');
  const t = ui('nl');
  await page.goto(sectionUrl('nl', 'ai-in-your-day'));
  const box = await exercise(page, data.id);
  const field = box.getByLabel(t['exercise.numberLabel']);

  await field.fill('ongeveer veel');
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByRole('alert')).toContainText('12,5');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('11.825.551');
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByRole('status')).toContainText(t['exercise.incorrect']);
  await expect(box.getByRole('status')).toContainText(data.feedback.incorrect);

  await box.getByRole('button', { name: t['exercise.tryAgain'] }).click();
  await field.fill('118.256');
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByRole('status')).toContainText(t['exercise.correct']);
  await expect(box.getByRole('status')).toContainText(data.feedback.correct);
  await expect(box.getByRole('status')).toContainText(t['exercise.saved']);

  await page.reload();
  const again = await exercise(page, data.id);
  await expect(again.getByLabel(t['exercise.numberLabel'])).toHaveValue('118.256');
  await expect(again.getByRole('status')).toContainText(t['exercise.correct']);
});

test('keyboard only: tick with Space, move with Tab, check with Enter, retry with Enter', async ({ page }) => {
  const data = exerciseOf('fr', 'history', 'm1-history-why-now');
  if (data.type !== 'multiple') throw new Error('expected multiple');
  const t = ui('fr');
  await page.goto(sectionUrl('fr', 'history'));
  const box = await exercise(page, data.id);
  // Land on the first option as Tab would, then use only the keyboard.
  await box.getByRole('checkbox').first().focus();
  for (let i = 0; i < data.options.length; i++) {
    if (data.options[i].correct) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
  }
  await expect(box.getByRole('button', { name: t['exercise.check'] })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toContainText(t['exercise.correct']);
  await expect(box.getByRole('button', { name: t['exercise.tryAgain'] })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('checkbox').first()).toBeFocused();
  await expect(box.getByRole('status')).toBeEmpty();
});

test('an answer given in French shows on the Dutch page too (the same exercise ids in every language)', async ({ page }) => {
  const fr = exerciseOf('fr', 'defining-ai', 'm1-def-adaptivity');
  const nl = exerciseOf('nl', 'defining-ai', 'm1-def-adaptivity');
  if (fr.type !== 'single' || nl.type !== 'single') throw new Error('expected single');
  const right = fr.options.findIndex((o) => o.correct);
  await page.goto(sectionUrl('fr', 'defining-ai'));
  const box = await exercise(page, fr.id);
  await box.getByRole('radio', { name: fr.options[right].text }).check();
  await box.getByRole('button', { name: ui('fr')['exercise.check'] }).click();
  await expect(box.getByRole('status')).toContainText(ui('fr')['exercise.saved']);

  await page.goto(sectionUrl('nl', 'defining-ai'));
  const nlBox = await exercise(page, nl.id);
  await expect(nlBox.getByRole('radio', { name: nl.options[right].text })).toBeChecked();
  await expect(nlBox.getByRole('status')).toContainText(nl.options[right].feedback);
});
