/**
 * LAB "Digits" (Module 5, section 3) in the browser: the network trains on the
 * shipped MNIST digits in the worker, on the plain CPU backend (what a machine
 * without a graphics card gets), to the objective; the learner draws with the
 * mouse and picks test digits with the keyboard. The first test trains for
 * real (about a minute on a 2-core machine): run it in the `alone` project.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes, sectionUrl } from './helpers';

const MODULE = 'neural-networks';

async function openLab(page: Page, lang: string) {
  await page.goto(sectionUrl(lang, 'seeing', MODULE));
  const lab = page.locator('section.lab[data-lab="digits"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(section.lab[data-lab="digits"])')).not.toHaveAttribute('ssr', /.*/);
  await expect(lab).toHaveAttribute('data-progress', 'read');
  return lab;
}

/** Draws a "7" on the drawing area with the mouse: a bar, then a long stroke down to the left. */
async function drawSeven(page: Page, lab: ReturnType<Page['locator']>) {
  const pad = lab.locator('canvas.digits-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  await page.mouse.move(...at(0.75, 0.2), { steps: 8 });
  await page.mouse.move(...at(0.45, 0.85), { steps: 12 });
  await page.mouse.up();
}

test('LAB digits trains to 95 % on the plain CPU backend; drawing and picking test digits show ten probabilities', async ({ page }) => {
  test.setTimeout(150_000);
  const lab = await openLab(page, 'en');
  // Nothing heavy before the learner asks: no data, no TF.js.
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await expect(lab.getByLabel('Epochs')).toHaveValue('2');
  await expect(lab.getByText('Train the network to see its answer.')).toBeVisible();
  expect(fetched.filter((u) => u.includes('digits.bin'))).toEqual([]);

  const started = Date.now();
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.locator('.digits')).toHaveAttribute('data-data', 'ready', { timeout: 20_000 });
  await expect(lab.locator('.lab-backend')).toContainText('your processor (plain JavaScript)', { timeout: 20_000 });
  const loadedMs = Date.now() - started;
  await expect(lab.locator('.lab-progress span')).toHaveText(/Epoch 1 of 2/, { timeout: 20_000 });

  // While it trains, the page keeps drawing frames and the drawing area answers.
  const worstGap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const start = last;
        const frame = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < 1000) requestAnimationFrame(frame);
          else resolve(worst);
        };
        requestAnimationFrame(frame);
      }),
  );
  expect(worstGap).toBeLessThan(250);
  await drawSeven(page, lab);
  await expect(lab.getByTestId('answer')).toContainText('The network says', { timeout: 10_000 });

  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true', { timeout: 120_000 });
  const reachedMs = Date.now() - started;
  const epochAtObjective = await lab.locator('.lab-progress span').textContent();
  // The objective counts as soon as an evaluation reaches it; stopping keeps the network as it is.
  // (The run may have just ended by itself.)
  await lab.getByRole('button', { name: 'Stop' }).click({ timeout: 2_000 }).catch(() => {});
  const panel = lab.locator('.lab-panel');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  console.log(
    `digits: data loaded after ${loadedMs} ms, objective after ${reachedMs} ms from pressing Train (${epochAtObjective});`,
    `worker: ${await panel.getAttribute('data-samples-per-second')} images/s, objective at ${await panel.getAttribute('data-objective-ms')} ms of training,`,
    `peak tensors ${await panel.getAttribute('data-peak-tensors')}; worst frame gap while training ${worstGap.toFixed(0)} ms`,
  );
  await expect(lab.locator('.lab-objective')).toContainText('Saved in this browser.');
  await expect(lab.getByTestId('test-accuracy')).toHaveText(/Accuracy on the 1,000 test digits: (9[5-9]|100)\s?%/);

  // The confusion matrix: 10 rows (true digits) of 10 cells (the network's answers), 1,000 digits in all.
  const matrix = lab.locator('table.lab-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(10);
  await expect(matrix.locator('tbody tr').first().locator('td')).toHaveCount(10);
  const cells = (await matrix.locator('tbody td').allTextContents()).map(Number);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(1000);
  // The mistakes: thumbnails with the true digit and the network's answer, named for screen readers.
  const mistakes = lab.locator('.digits-mistakes button');
  expect(await mistakes.count()).toBeGreaterThan(0);
  await expect(mistakes.first()).toHaveAccessibleName(/^(\d) → (\d) Test digit \d+: a \1; the network says \2 \(\d+\s?%\)$/);

  // Drawing with the mouse: ten probabilities, as text, and the 28 × 28 picture and feature maps.
  await lab.getByRole('button', { name: 'Clear' }).click();
  await expect(lab.getByText('Draw a digit or pick a test digit.')).toBeVisible();
  await drawSeven(page, lab);
  const bars = lab.locator('ol.digits-bars li');
  await expect(bars).toHaveCount(10);
  for (let d = 0; d < 10; d++) await expect(bars.nth(d)).toHaveText(new RegExp(`^${d}\\d+\\s?%$`));
  await expect(lab.getByTestId('answer')).toHaveText(/^The network says \d, with a probability of \d+\s?%\.$/);
  await expect(lab.getByRole('img', { name: /^Your drawing as the network gets it/ })).toBeVisible();
  await expect(lab.locator('.digits-maps canvas')).toHaveCount(8);
  await expect(lab.getByRole('img', { name: /^Filter 1: its pattern/ })).toBeVisible();
  const ms = Number(await lab.locator('.digits-probabilities').getAttribute('data-predict-ms'));
  expect(ms).toBeLessThan(50);

  // The keyboard alternative: pick test digits with the buttons.
  const next = lab.getByRole('button', { name: 'Next test digit' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(lab.getByTestId('picked')).toHaveText('Test digit 1 of 1,000: a 0.');
  await page.keyboard.press('Enter');
  await expect(lab.getByTestId('picked')).toHaveText('Test digit 2 of 1,000: a 1.');
  await expect(lab.getByRole('img', { name: 'Test digit 2, a 1, as the network gets it: 28 × 28 pixels.' })).toBeVisible();
  // (This "1" of MNIST looks much like a 2: the network may well say so.)
  await expect(lab.getByTestId('answer')).toHaveText(/^The network says \d, with a probability of \d+\s?%\.$/);
  await expect(lab.locator('#lab-m5-digits-objective-description')).toContainText(/The network says \d, with a probability of \d+\s?%\. Next most likely: \d/);
  // A mistake opens by keyboard too.
  await mistakes.first().focus();
  await page.keyboard.press('Enter');
  await expect(mistakes.first()).toHaveAttribute('aria-pressed', 'true');

  // Everything the trained lab shows passes axe in both themes, and fits a 360 px screen.
  const { light, dark } = await axeBothThemes(page, { include: 'section.lab[data-lab="digits"]' });
  expect(light).toEqual([]);
  expect(dark).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('LAB digits in French: translated controls; a damaged data file gives a translated error and the lab recovers', async ({ page }) => {
  const lab = await openLab(page, 'fr');
  await expect(lab.getByRole('button', { name: 'Entraîner', exact: true })).toBeVisible();
  await expect(lab.getByLabel('Nombre d’époques')).toHaveValue('2');
  await expect(lab.getByLabel('Taux d’apprentissage')).toHaveValue('0.008');
  await expect(lab.getByRole('button', { name: 'Effacer' })).toBeVisible();
  await expect(lab.getByRole('heading', { name: 'Dessinez un chiffre' })).toBeVisible();
  await expect(lab.getByText('Entraînez le réseau pour voir sa réponse.')).toBeVisible();
  await expect(lab.locator('canvas.digits-pad')).toHaveAttribute('aria-label', /^Zone de dessin/);
  const before = await axeBothThemes(page, { include: 'section.lab[data-lab="digits"]' });
  expect(before).toEqual({ light: [], dark: [] });

  // A damaged file: the message says so, in French, and nothing else changes.
  await page.route('**/data/digits.bin', (route) => route.fulfill({ status: 200, body: Buffer.from('pas des chiffres') }));
  const next = lab.getByRole('button', { name: 'Chiffre de test suivant' });
  await next.click();
  await expect(lab.locator('.lab-message')).toHaveText('Le fichier des chiffres est arrivé endommagé. Rechargez la page, puis réessayez.');
  await expect(lab.locator('.digits')).toHaveAttribute('data-data', 'failed');
  await page.unroute('**/data/digits.bin');
  // The file arrives whole this time: the first test digit is shown (no network needed for that).
  await next.click();
  await expect(lab.getByTestId('picked')).toHaveText(/^Chiffre de test 1 sur 1\s000\u202f: un 0\.$/);
  await expect(lab.locator('.lab-message')).toHaveText('');
  await expect(lab.getByRole('img', { name: /^Le chiffre de test 1, un 0/ })).toBeVisible();
  await expect(lab.getByRole('heading', { name: 'Ce que dit le réseau' })).toBeVisible();
  await expect(lab.getByText('Entraînez le réseau pour voir sa réponse.')).toBeVisible();
});
