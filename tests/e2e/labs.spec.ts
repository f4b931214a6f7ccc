import { expect, test, type Page } from '@playwright/test';
import { encodeState } from '../../src/labs/points/state';
import { generatePreset } from '../../src/labs/points/data';
import { sectionUrl } from './helpers';

const ML = 'machine-learning';

async function openLab(page: Page, section: string, hash = '') {
  await page.goto(sectionUrl('en', section, ML) + hash);
  const lab = page.locator('section.lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(section.lab)')).not.toHaveAttribute('ssr', /.*/);
  await expect(lab).toHaveAttribute('data-progress', 'read');
  return lab;
}

for (const { section, lab: labId, result } of [
  { section: 'nearest-neighbours', lab: 'points', result: 'test-accuracy' },
  { section: 'regression', lab: 'regression', result: 'test-error' },
]) {
  test(`LAB ${labId} trains to its objective on WebAssembly and on the plain CPU backend, and the objective counts`, async ({ page }) => {
    const lab = await openLab(page, section);
    await expect(lab).toHaveAttribute('data-lab', labId);
    await lab.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(lab.getByTestId(result)).toBeVisible({ timeout: 30_000 });
    await expect(lab.locator('.lab-backend')).toContainText('your processor (WebAssembly), because this model is small');
    await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');
    await expect(lab.locator('.lab-objective')).toContainText('Saved in this browser.');

    await lab.getByLabel('Where the model trains').selectOption('cpu');
    await expect(lab.locator('.lab-backend')).toContainText('your processor (plain JavaScript), because you chose it');
    await lab.getByRole('button', { name: 'Start again' }).click();
    await expect(lab.locator('.lab-progress span')).toHaveText('');
    await lab.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(lab.locator('.lab-progress span')).toHaveText(/Step (\d+) of \1/, { timeout: 30_000 });
    await expect(lab.getByTestId(result)).toBeVisible();
    await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true');

    await page.goto(`/en/modules/${ML}/`);
    const row = page.locator('.steps > li').filter({ has: page.locator(`a[href$="/${section}/"]`) });
    await expect(row.locator('.status')).toHaveText('1 of 2 answered');
    await page.goto('/en/');
    await expect(page.locator('.card').filter({ hasText: 'Machine learning' }).locator('.status')).toHaveText(/In progress: 2 of \d+ points/);
  });
}

test('the page stays responsive while a model trains: pause, resume, and smooth frames', async ({ page }) => {
  const lab = await openLab(page, 'regression');
  await lab.getByLabel('A curve').check();
  await lab.getByLabel('Training steps').selectOption('5000');
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  const pause = lab.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  // Frames keep coming while the worker trains.
  const worstGap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const start = last;
        const frame = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < 400) requestAnimationFrame(frame);
          else resolve(worst);
        };
        requestAnimationFrame(frame);
      }),
  );
  expect(worstGap).toBeLessThan(250);
  await pause.click();
  await expect(lab.getByRole('button', { name: 'Resume' })).toBeVisible();
  const stepWhilePaused = await lab.locator('.lab-progress span').textContent();
  await page.waitForTimeout(400);
  await expect(lab.locator('.lab-progress span')).toHaveText(stepWhilePaused ?? '');
  // Other controls work while paused mid-training.
  await lab.getByRole('slider').fill('30');
  await lab.getByRole('button', { name: 'Resume' }).click();
  await expect(lab.getByTestId('test-error')).toBeVisible({ timeout: 30_000 });
  await expect(lab.getByTestId('prediction')).toContainText('At 30 °C the model predicts about');
});

test('a shared link restores an experiment; a damaged link says so and keeps the usual data', async ({ page }) => {
  const points = generatePreset('three-classes');
  const lab = await openLab(page, 'nearest-neighbours', `#points=${encodeState({ model: 'knn', k: 5, points })}`);
  await expect(lab.getByLabel('Data')).toHaveValue('custom');
  await expect(lab.getByRole('radio', { name: 'Nearest neighbours' })).toBeChecked();
  await expect(lab.getByText('Neighbours to ask: k = 5')).toBeVisible();
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.getByTestId('test-accuracy')).toBeVisible();
  await expect(lab.locator('.lab-matrix tbody tr')).toHaveCount(3);

  await page.goto('/en/');
  const broken = await openLab(page, 'nearest-neighbours', '#points=v1.knn.3.<script>alert(1)</script>');
  await expect(broken.locator('.lab-message')).toHaveText(/damaged or incomplete/);
  await expect(broken.getByLabel('Data')).toHaveValue('two-clouds');
});

test('points can be added by keyboard, and the text alternative says what the plane shows', async ({ page }) => {
  const lab = await openLab(page, 'nearest-neighbours');
  const description = lab.locator('[id$="-description"]');
  await expect(description).toContainText('60 training points and 20 test points in 2 classes');
  await lab.getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(description).toContainText('61 training points');
  await lab.getByRole('radio', { name: 'Nearest neighbours' }).check();
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(description).toContainText(/Accuracy on the test points: \d+%/);
  await expect(description).toContainText('Nearest neighbours with k = 3 colours each spot by the majority of its 3 closest training points.');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });
  test('a tap adds a point', async ({ page }) => {
    const lab = await openLab(page, 'nearest-neighbours');
    const canvas = lab.getByRole('application');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.tap({ position: { x: 20, y: 20 } });
    await expect(lab.locator('[id$="-description"]')).toContainText('61 training points');
  });
});

test('a shared link restores the regression lab’s settings', async ({ page }) => {
  const lab = await openLab(page, 'regression', '#regression=v1.curve.1000.30');
  await expect(lab.getByLabel('A curve')).toBeChecked();
  await expect(lab.getByLabel('Training steps')).toHaveValue('1000');
  await expect(lab.getByText("Tomorrow's forecast: 30 °C")).toBeVisible();
  await page.goto('/en/');
  const broken = await openLab(page, 'regression', '#regression=v1.curve.7.300');
  await expect(broken.locator('.lab-message')).toHaveText(/damaged or incomplete/);
  await expect(broken.getByLabel('A straight line')).toBeChecked();
});

test('starting again in the middle of training stops the run; the next run trains normally', async ({ page }) => {
  const lab = await openLab(page, 'regression');
  await lab.getByLabel('Training steps').selectOption('5000');
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await lab.getByRole('button', { name: 'Start again' }).click();
  await expect(lab.locator('.lab-progress span')).toHaveText('');
  await lab.getByLabel('Training steps').selectOption('200');
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.locator('.lab-progress span')).toHaveText('Step 200 of 200', { timeout: 30_000 });
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'done');
  await expect(lab.getByTestId('test-error')).toBeVisible();
});
