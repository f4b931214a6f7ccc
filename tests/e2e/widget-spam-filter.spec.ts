import { expect, test, type Page } from '@playwright/test';
import { hydrateAll, sectionUrl } from './helpers';

/**
 * WIDGET "spam-filter" (Module 3, naive Bayes), operated with the keyboard
 * only. The figures are worked out by hand from the built-in messages:
 * 4 spam and 4 normal, so the starting odds are 4 to 4, and the prefilled
 * message "Free prize for you tonight, click now" gets the votes
 * free ×4, prize ×2, tonight ×1, click ×3, now ×2: odds 48 to 1, 48/49 ≈ 98 %.
 */
const MODULE = 'uncertainty-and-data';
const SECTION = 'naive-bayes';

async function openWidget(page: Page, lang = 'en') {
  await page.goto(sectionUrl(lang, SECTION, MODULE));
  await hydrateAll(page);
  const widget = page.locator('.w-spam-filter');
  await widget.scrollIntoViewIfNeeded();
  return widget;
}

test('spam filter: the prefilled message, a label flipped with the arrow keys, and the live verdict', async ({ page }) => {
  const widget = await openWidget(page);
  const live = widget.locator('[aria-live="polite"]');
  await expect(widget.getByRole('heading', { name: 'A spam filter by hand' })).toBeVisible();
  await expect(widget.locator('.sf-msg')).toHaveCount(8);
  await expect(widget.getByRole('textbox', { name: 'New message to check' })).toHaveValue('Free prize for you tonight, click now');

  await expect(widget.locator('.sf-verdict')).toHaveText('Spam');
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 98%');
  await expect(live).toHaveText('Spam. Probability that it is spam: 98%. Words counted: 5.');
  await expect(widget.getByText('Prior: 4 of the 8 training messages are spam, so the odds are 4 to 4.')).toBeVisible();
  await expect(widget.locator('.sf-combined')).toHaveText('Prior times every vote: odds of 48 to 1 that it is spam.');
  await expect(widget.locator('.sf-ignored')).toContainText('Skipped here: for, you.');
  await expect(widget.locator('.sf-table tbody th')).toHaveText(['free', 'prize', 'tonight', 'click', 'now']);
  const row = (word: string) => widget.locator('.sf-table tbody tr').filter({ has: page.getByRole('rowheader', { name: word, exact: true }) });
  await expect(row('free').locator('td')).toContainText(['3 of 4', '0 of 4', '×4']);
  await expect(row('free').locator('td').nth(2)).toContainText('towards spam');
  await expect(row('tonight').locator('td').nth(2)).toContainText('neutral');

  // Flip the first training message to "not spam" with the arrow key.
  const first = widget.locator('.sf-msg').first();
  await expect(first).toContainText('You won a free prize, click now to claim it');
  const spam = first.getByRole('radio', { name: 'Spam', exact: true });
  const notSpam = first.getByRole('radio', { name: 'Not spam', exact: true });
  await expect(spam).toBeChecked();
  await spam.focus();
  await page.keyboard.press('ArrowRight');
  await expect(notSpam).toBeChecked();
  await expect(notSpam).toBeFocused();
  // Now 3 spam, 5 normal; "prize" is only in a normal message: (0+1)/(3+2) ÷ (1+1)/(5+2) = 0.7.
  await expect(widget.getByText('Prior: 3 of the 8 training messages are spam, so the odds are 3 to 5.')).toBeVisible();
  await expect(row('prize').locator('td')).toContainText(['0 of 3', '1 of 5', '×0.7']);
  await expect(row('prize').locator('td').nth(2)).toContainText('towards normal');
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 71%');
  await expect(live).toHaveText('Spam. Probability that it is spam: 71%. Words counted: 5.');

  // And back.
  await page.keyboard.press('ArrowLeft');
  await expect(spam).toBeChecked();
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 98%');
  await expect(live).toHaveText('Spam. Probability that it is spam: 98%. Words counted: 5.');
});

test('spam filter: typing a new message, adding and removing an own training message', async ({ page }) => {
  const widget = await openWidget(page);
  const live = widget.locator('[aria-live="polite"]');

  const message = widget.getByRole('textbox', { name: 'New message to check' });
  await message.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Bread for Sunday dinner, mum');
  // Each word is in 0 of 4 spam and 1 of 4 normal messages: ×0.5 four times, odds 1 to 16.
  await expect(widget.locator('.sf-table tbody th')).toHaveText(['bread', 'sunday', 'dinner', 'mum']);
  await expect(widget.locator('.sf-ignored')).toContainText('Skipped here: for.');
  await expect(widget.locator('.sf-verdict')).toHaveText('Not spam');
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 6%');
  await expect(widget.locator('.sf-combined')).toHaveText('Prior times every vote: odds of 16 to 1 that it is not spam.');
  await expect(live).toHaveText('Not spam. Probability that it is spam: 6%. Words counted: 4.');

  // An empty message is refused, and says why.
  const draft = widget.getByRole('textbox', { name: 'Your own training message' });
  await draft.focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Add as spam', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('alert')).toHaveText('Type a message first.');
  await expect(draft).toBeFocused();
  await expect(widget.locator('.sf-msg')).toHaveCount(8);

  // Add one as spam.
  await page.keyboard.type('Sunday dinner deal, click now');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.sf-msg')).toHaveCount(9);
  const own = widget.locator('.sf-msg').last();
  await expect(own).toContainText('Sunday dinner deal, click now');
  await expect(own).toContainText('Yours');
  await expect(own.getByRole('radio', { name: 'Spam', exact: true })).toBeChecked();
  await expect(draft).toHaveValue('');
  await expect(widget.getByText('Prior: 5 of the 9 training messages are spam, so the odds are 5 to 4.')).toBeVisible();
  await expect(widget.locator('.sf-table tbody tr').nth(1).locator('td')).toContainText(['1 of 5', '1 of 4']);
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 14%');
  await expect(live).toHaveText('Not spam. Probability that it is spam: 14%. Words counted: 4.');

  // Remove it again: focus returns to the field.
  const remove = own.getByRole('button', { name: 'Remove your message ‘Sunday dinner deal, click now’' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.sf-msg')).toHaveCount(8);
  await expect(draft).toBeFocused();
  await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 6%');
  await expect(live).toHaveText('Not spam. Probability that it is spam: 6%. Words counted: 4.');
});

test('spam filter: with no normal message left, it says it cannot compare', async ({ page }) => {
  const widget = await openWidget(page);
  const live = widget.locator('[aria-live="polite"]');
  const normal = widget.locator('.sf-msg[data-spam="false"]');
  await expect(normal).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    await normal.first().getByRole('radio', { name: 'Not spam', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
  }
  await expect(normal).toHaveCount(0);
  const need = 'No training message is marked as not spam, so the filter has nothing to compare with. Mark at least one as not spam.';
  await expect(widget.locator('.sf-need')).toHaveText(need);
  await expect(widget.locator('.sf-verdict')).toHaveCount(0);
  await expect(widget.locator('.sf-table')).toHaveCount(0);
  await expect(live).toHaveText(need);

  await page.keyboard.press('ArrowRight');
  await expect(widget.locator('.sf-verdict')).toBeVisible();
  await expect(live).toHaveText(/^(Spam|Not spam|Undecided)\. Probability that it is spam: /);
});

test('spam filter in French: translated messages, numbers and verdict', async ({ page }) => {
  const widget = await openWidget(page, 'fr');
  const live = widget.locator('[aria-live="polite"]');
  await expect(widget.getByRole('heading', { name: 'Un filtre anti-spam à la main' })).toBeVisible();
  await expect(widget.getByRole('textbox', { name: 'Nouveau message à vérifier' })).toHaveValue('Un prix gratuit pour vous ce soir, cliquez maintenant');
  await expect(widget.locator('.sf-verdict')).toHaveText('Spam');
  // French puts a (narrow) no-break space before the colon and the per cent sign.
  await expect(widget.locator('.sf-prob')).toHaveText(/^Probabilité que ce soit du spam\s:\s98\s%$/);
  await expect(live).toHaveText(/^Spam\. Probabilité que ce soit du spam\s:\s98\s%\. Mots comptés\s:\s5\.$/);
  await expect(widget.locator('.sf-ignored')).toContainText(/Ignorés ici\s:\sun, pour, vous, ce\./);
  await expect(widget.locator('.sf-table thead th')).toHaveText(['Mot', 'Spams', 'Normaux', 'Vote']);

  const first = widget.locator('.sf-msg').first();
  await expect(first).toContainText('Vous avez gagné un prix gratuit');
  await first.getByRole('radio', { name: 'Spam', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('radio', { name: 'Normal', exact: true })).toBeChecked();
  const prix = widget.locator('.sf-table tbody tr').filter({ has: page.getByRole('rowheader', { name: 'prix', exact: true }) });
  await expect(prix.locator('td')).toContainText(['0 sur 3', '1 sur 5', '×0,7']);
  await expect(prix.locator('td').nth(2)).toContainText('vers le message normal');
  await expect(widget.locator('.sf-prob')).toHaveText(/^Probabilité que ce soit du spam\s:\s71\s%$/);
  await page.keyboard.press('ArrowLeft');

  const message = widget.getByRole('textbox', { name: 'Nouveau message à vérifier' });
  await message.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Du pain pour dimanche, maman');
  // pain, dimanche, maman: each in 0 of 4 spams and 1 of 4 normal messages, odds 1 to 8.
  await expect(widget.locator('.sf-verdict')).toHaveText('Message normal');
  await expect(widget.locator('.sf-prob')).toHaveText(/^Probabilité que ce soit du spam\s:\s11\s%$/);
  await expect(widget.locator('.sf-combined')).toHaveText(/8 contre 1 que ce ne soit pas du spam\.$/);
  await expect(live).toHaveText(/^Message normal\. Probabilité que ce soit du spam\s:\s11\s%\. Mots comptés\s:\s3\.$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true });
  test('spam filter: fits the screen, with large targets', async ({ page }) => {
    const widget = await openWidget(page);
    const box = await widget.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    const sizes = await widget.locator('.sf-choice label, button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThanOrEqual(16);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
    // A tap flips a label too.
    const first = widget.locator('.sf-msg').first();
    await first.getByText('Not spam', { exact: true }).tap();
    await expect(widget.locator('.sf-prob')).toHaveText('Probability that it is spam: 71%');
  });
});
