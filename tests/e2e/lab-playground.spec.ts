import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes, sectionUrl } from './helpers';

const MODULE = 'neural-networks';
const SECTION = 'learning';

/** One Playground placement on the section page, hydrated, with its stored progress read. */
async function placement(page: Page, lang: string, exerciseId: string, hash = '') {
  await page.goto(sectionUrl(lang, SECTION, MODULE) + hash);
  const lab = page.locator('section.lab', { has: page.locator(`.lab-objective[data-exercise="${exerciseId}"]`) });
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: lab })).not.toHaveAttribute('ssr', /.*/);
  await expect(lab).toHaveAttribute('data-progress', 'read');
  return lab;
}

/** Presses a control with the keyboard. */
async function press(page: Page, control: ReturnType<Page['locator']>, key = 'Enter') {
  await control.focus();
  await page.keyboard.press(key);
}

test('XOR by keyboard: one neuron fails, a hidden layer solves it, and the objective is stored', async ({ page }) => {
  const lab = await placement(page, 'en', 'm5-playground-xor');
  await press(page, lab.getByRole('button', { name: 'Open the Playground' }));
  const data = lab.getByRole('combobox', { name: 'Data', exact: true });
  await expect(data).toBeFocused();
  await expect(data).toHaveValue('xor');
  const description = lab.locator('[id$="-description"]');
  await expect(description).toContainText('Data: XOR: four groups in the corners, noise 0%, 200 training points and 200 test points.');
  await expect(description).toContainText('The network has no hidden layer');

  // One neuron draws one straight line: far below the objective.
  await press(page, lab.getByRole('button', { name: 'Train', exact: true }));
  const panel = lab.locator('.lab-panel');
  await expect(panel).toHaveAttribute('data-phase', 'done');
  await expect(lab.locator('.lab-progress span')).toHaveText('Epoch 200 of 200');
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'false');
  await expect(lab.getByTestId('pg-results')).toContainText(/accuracy on the test points: [4-7]\d%/);

  // A hidden layer (4 neurons, tanh) bends the boundary.
  await press(page, lab.getByRole('button', { name: 'Add a hidden layer' }));
  await expect(lab.getByText('Layer 1: 4 neurons')).toBeVisible();
  await expect(lab.locator('.lab-progress span')).toHaveText('');
  await press(page, lab.getByRole('button', { name: 'Train', exact: true }));
  await expect(panel).toHaveAttribute('data-phase', 'done');
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');
  await expect(lab.locator('.lab-objective')).toContainText('Saved in this browser.');
  const ms = Number(await lab.locator('.pg-panel').getAttribute('data-objective-ms'));
  console.log(`XOR objective (1 hidden layer of 4 tanh neurons) reached after ${ms} ms of training`);
  expect(ms).toBeLessThan(2000);
  await expect(lab.locator('.pg-panel')).toHaveAttribute('data-engine', 'plain');

  // The chart and the text alternatives say what the pictures show.
  await expect(lab.locator('.pg-chart svg[role="img"]')).toHaveAttribute('aria-label', /^After 200 epochs, the loss is 0\.\d{3} on the training points and 0\.\d{3} on the test points\.$/);
  await expect(lab.getByRole('img', { name: /through 1 hidden layer to its output neuron/ })).toBeVisible();
  console.log(`plain JavaScript: ${await panel.getAttribute('data-samples-per-second')} samples/s`);
  await expect(description).toContainText(/After 200 epochs: loss 0\.\d{3} on the training points and 0\.\d{3} on the test points; accuracy on the test points (9[5-9]|100)%\./);

  // One more epoch goes on from the trained weights.
  await press(page, lab.getByRole('button', { name: 'Train one epoch' }));
  await expect(lab.locator('.lab-progress span')).toHaveText('Epoch 201 of 201');
  // Start again: new random weights, the count starts over.
  await press(page, lab.getByRole('button', { name: 'Start again' }));
  await expect(lab.locator('.lab-progress span')).toHaveText('');
  await expect(lab.getByTestId('pg-results')).toHaveCount(0);

  // On a 360 px phone the opened lab, with its largest network, fits without sideways scrolling; axe finds nothing in either theme.
  await page.setViewportSize({ width: 360, height: 740 });
  for (let i = 0; i < 3; i++) await press(page, lab.getByRole('button', { name: 'Add a hidden layer' }));
  for (let i = 0; i < 4; i++) await press(page, lab.getByRole('button', { name: 'One neuron more in hidden layer 4' }));
  await expect(lab.getByText('Layer 4: 8 neurons')).toBeVisible();
  await press(page, lab.getByRole('button', { name: 'Train one epoch' }));
  await expect(lab.locator('.lab-progress span')).toHaveText('Epoch 1 of 1');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const { light, dark } = await axeBothThemes(page, { include: 'section.lab:has(.lab-objective[data-exercise="m5-playground-xor"])' });
  expect(light).toEqual([]);
  expect(dark).toEqual([]);
});

test('the spiral objective (test loss ≤ 0.2) is reached from a shared link, in French', async ({ page }) => {
  const hash = '#m5-playground-spiral=v1.spiral.0.50.8-8-8.tanh.0.1.10.0.1.1000';
  const lab = await placement(page, 'fr', 'm5-playground-spiral', hash);
  // The link opens this placement only, with its settings.
  await expect(lab.getByRole('combobox', { name: 'Données', exact: true })).toHaveValue('spiral');
  await expect(lab.getByText('Couche 3\u202f: 8 neurones')).toBeVisible();
  await expect(lab.getByLabel('Taux d’apprentissage')).toHaveValue('0.1');
  await expect(lab.getByLabel('Nombre d’époques')).toHaveValue('1000');
  await expect(page.getByRole('button', { name: 'Ouvrir le Terrain de jeu' })).toHaveCount(2);
  await press(page, lab.getByRole('button', { name: 'Entraîner', exact: true }));
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');
  await expect(lab.locator('.lab-objective')).toContainText('Objectif atteint');
  console.log(`spiral objective reached after ${await lab.locator('.pg-panel').getAttribute('data-objective-ms')} ms of training`);
  await expect(lab.locator('[id$="-description"]')).toContainText('Après 1000 époques');
});

test('a link speaks to its own placement: the overfitting objective is reached from one, a damaged one says so', async ({ page }) => {
  // One hash for two placements: the overfit one opens with its settings, the XOR one refuses its damaged value, the spiral one stays closed.
  const hash = '#m5-playground-overfit=v1.clusters.45.10.8-8.tanh.0.3.10.0.1.1000&m5-playground-xor=v1.xor.0.50.9.tanh.0.03.10.0.1.200';
  const lab = await placement(page, 'en', 'm5-playground-overfit', hash);
  await expect(lab.getByLabel(/^Share of training points: 10%/)).toHaveValue('10');
  await expect(lab.locator('.pg-counts')).toHaveCount(0);
  await press(page, lab.getByRole('button', { name: 'Train', exact: true }));
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'done');
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');
  const text = (await lab.getByTestId('pg-results').textContent()) ?? '';
  const [train, testLoss] = [...text.matchAll(/loss on the (?:training|test) points: (\d+\.\d+)/gi)].map((m) => Number(m[1]));
  expect(testLoss - train).toBeGreaterThanOrEqual(0.3);
  await lab.getByRole('combobox', { name: 'Data', exact: true }).selectOption('xor');
  await expect(lab.locator('.pg-counts')).toHaveText('You have switched to other data: this objective counts on the two clouds only.');

  const xor = page.locator('section.lab', { has: page.locator('.lab-objective[data-exercise="m5-playground-xor"]') });
  await xor.scrollIntoViewIfNeeded();
  await expect(xor.locator('.lab-message')).toHaveText('The link to this experiment is damaged or incomplete, so the lab starts from its usual data.');
  await expect(xor.getByRole('combobox', { name: 'Data', exact: true })).toHaveValue('xor');
  await expect(xor.getByText('no hidden layer', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the Playground' })).toHaveCount(1);
});

test('TF.js trains the same network when chosen (WebAssembly here)', async ({ page }) => {
  const lab = await placement(page, 'en', 'm5-playground-xor', '#m5-playground-xor=v1.xor.0.10.4.tanh.0.03.30.0.1.50');
  await lab.getByLabel('Training engine').selectOption('tfjs');
  await expect(lab.getByRole('button', { name: 'Train one epoch' })).toHaveCount(0);
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(lab.locator('.lab-backend')).toContainText('your processor (WebAssembly), because this model is small');
  await expect(lab.locator('.pg-panel')).toHaveAttribute('data-engine', 'tfjs');
  await expect(lab.locator('.lab-progress span')).toHaveText('Epoch 50 of 50');
  await expect(lab.getByTestId('pg-results')).toContainText('accuracy on the test points');
  const sps = Number(await lab.locator('.lab-panel').getAttribute('data-samples-per-second'));
  expect(sps).toBeGreaterThan(0);
  console.log(`TF.js (WebAssembly): ${sps} samples/s`);
});
