/**
 * LAB "Teach the camera" (Module 5, section 4) in the browser: the fake camera
 * (Chromium's --use-fake-device-for-media-stream), the path without a camera
 * (chosen pictures, made here with pngjs), training to the objective on the
 * processor, broken files, and keyboard-only use in another language.
 */
import { PNG } from 'pngjs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeBothThemes, sectionUrl } from './helpers';

const MODULE = 'neural-networks';
const SECTION = 'teach-the-machine';

async function openLab(page: Page, lang = 'en'): Promise<Locator> {
  await page.goto(sectionUrl(lang, SECTION, MODULE));
  const lab = page.locator('section.lab[data-lab="camera"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(section.lab[data-lab="camera"])')).not.toHaveAttribute('ssr', /.*/);
  await expect(lab).toHaveAttribute('data-progress', 'read');
  return lab;
}

/** A 64 × 64 PNG: a red disc or a blue square on a light background, its size and place varied by `i`. */
function shapePng(kind: 'disc' | 'square', i: number): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  const r = 12 + (i % 5) * 2;
  const cx = 22 + ((i * 7) % 20);
  const cy = 22 + ((i * 11) % 20);
  const shade = 225 + ((i * 13) % 30);
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++) {
      const inside = kind === 'disc' ? (x - cx) ** 2 + (y - cy) ** 2 <= r * r : Math.abs(x - cx) <= r && Math.abs(y - cy) <= r;
      const o = (y * 64 + x) * 4;
      const colour = inside ? (kind === 'disc' ? [200, 30, 40] : [30, 60, 200]) : [shade, shade, shade - 10];
      png.data[o] = colour[0];
      png.data[o + 1] = colour[1];
      png.data[o + 2] = colour[2];
      png.data[o + 3] = 255;
    }
  return PNG.sync.write(png);
}

const files = (kind: 'disc' | 'square', from: number, count: number) =>
  Array.from({ length: count }, (_, k) => ({ name: `${kind}-${from + k}.png`, mimeType: 'image/png', buffer: shapePng(kind, from + k) }));

const thumbs = (lab: Locator, cls: number) => lab.locator(`.cam-class[data-class="${cls}"] .cam-example`);

test('the camera starts only when asked, records bursts while the button is held, shows what the network sees, and stops', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cameraCalls: number; cameraTracks: MediaStreamTrack[] };
    w.cameraCalls = 0;
    w.cameraTracks = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      w.cameraCalls++;
      const stream = await original(constraints);
      w.cameraTracks.push(...stream.getTracks());
      return stream;
    };
  });
  const lab = await openLab(page);
  await expect(lab.getByText('Your pictures never leave this device.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls)).toBe(0);

  await expect(lab.getByText('To train, every class needs at least 20 training examples and 5 test examples')).toBeVisible();
  await lab.getByRole('button', { name: 'Turn the camera on' }).click();
  await expect(lab.getByLabel('What your camera sees')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls)).toBe(1);
  // Focus moves to the record button, the next thing to use.
  await expect(lab.getByRole('button', { name: 'Hold to record: thumbs up' })).toBeFocused();
  // The small picture the network would get appears a few times a second.
  await expect(lab.locator('.cam-sees canvas')).toBeVisible();

  // Hold the button with the mouse: a burst of about five pictures a second.
  const record = lab.getByRole('button', { name: 'Hold to record: thumbs up' });
  await record.hover();
  await page.mouse.down();
  await page.waitForTimeout(1100);
  await page.mouse.up();
  const first = await thumbs(lab, 0).count();
  expect(first).toBeGreaterThanOrEqual(3);
  expect(first).toBeLessThanOrEqual(9);
  await page.waitForTimeout(400);
  expect(await thumbs(lab, 0).count()).toBe(first); // stopped on release

  // The keyboard: Space held down records into the chosen class.
  await lab.getByRole('radio', { name: 'flat hand' }).check();
  const record2 = lab.getByRole('button', { name: 'Hold to record: flat hand' });
  await record2.focus();
  await page.keyboard.down(' ');
  await page.waitForTimeout(700);
  await page.keyboard.up(' ');
  const second = await thumbs(lab, 1).count();
  expect(second).toBeGreaterThanOrEqual(2);
  await expect(lab.locator('.cam-class[data-class="1"] [data-testid="counts"]')).toContainText(`${second} training · 0 test examples`);
  await expect(lab.locator('.cam-class[data-class="0"] [data-testid="counts"]')).toContainText(`${first} training · 0 test examples`);
  await expect(lab.locator('[id$="-description"]')).toContainText(
    `2 classes: thumbs up, ${first} training and 0 test examples; flat hand, ${second} training`,
  );
  // A recording as test examples is marked as such.
  await lab.getByRole('switch', { name: 'Record as test examples' }).check();
  await record2.focus();
  await page.keyboard.down('Enter');
  await page.waitForTimeout(500);
  await page.keyboard.up('Enter');
  await expect(lab.locator('.cam-class[data-class="1"] [data-testid="counts"]')).toContainText(`${second} training ·`);
  await expect(lab.locator('.cam-class[data-class="1"] [data-testid="counts"]')).toContainText('(your own test examples)');
  await expect(lab.getByRole('button', { name: `Delete example ${second + 1} of flat hand (test example)` })).toBeVisible();

  // Turning it off stops the camera.
  await lab.getByRole('button', { name: 'Turn the camera off' }).click();
  expect(await page.evaluate(() => (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => t.readyState))).toEqual([
    'ended',
  ]);
  await expect(lab.getByRole('button', { name: 'Turn the camera on' })).toBeFocused();
  // Scrolling the lab out of view stops it too.
  await lab.getByRole('button', { name: 'Turn the camera on' }).click();
  await expect(lab.getByLabel('What your camera sees')).toBeVisible();
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => t.readyState)))
    .toEqual(['ended', 'ended']);
  await expect(lab.getByRole('button', { name: 'Turn the camera on' })).toBeAttached();
});

test('without a camera: pictures from the device, minimums, training to the objective, confusion matrix and live predictions', async ({ page }) => {
  test.setTimeout(60_000);
  // A device without a camera.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
  });
  const lab = await openLab(page);
  await lab.getByRole('button', { name: 'Turn the camera on' }).click();
  await expect(lab.locator('.lab-message')).toHaveText(/No camera could be started on this device/);
  // The lab moves to drawing; pictures work as well.
  await expect(lab.getByRole('radio', { name: 'Drawing' })).toBeChecked();
  await lab.getByRole('radio', { name: 'Pictures from this device' }).check();

  await lab.getByLabel('Choose pictures for thumbs up').setInputFiles(files('disc', 0, 20));
  await expect(thumbs(lab, 0)).toHaveCount(20);
  // Minimums are enforced: flat hand has nothing yet.
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.locator('.lab-message')).toHaveText(
    'Not enough examples yet: thumbs up has 16 of the 20 training examples and 4 of the 5 test examples it needs; flat hand has 0 of the 20 training examples and 0 of the 5 test examples it needs.',
  );
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'idle');

  await lab.getByRole('radio', { name: 'flat hand' }).check();
  await lab.getByLabel('Choose pictures for flat hand').setInputFiles(files('square', 0, 20));
  await lab.getByRole('switch', { name: 'Record as test examples' }).check();
  await lab.getByLabel('Choose pictures for flat hand').setInputFiles(files('square', 100, 6));
  await lab.getByRole('radio', { name: 'thumbs up' }).check();
  await lab.getByLabel('Choose pictures for thumbs up').setInputFiles(files('disc', 100, 6));
  await expect(lab.locator('.cam-class[data-class="0"] [data-testid="counts"]')).toContainText('20 training · 6 test examples');
  await expect(lab.locator('.cam-class[data-class="1"] [data-testid="counts"]')).toContainText('20 training · 6 test examples');
  await expect(lab.locator('.cam-class[data-class="1"] .cam-need')).toHaveText('✓ Enough examples to train.');

  const started = Date.now();
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(lab.locator('.lab-backend')).toContainText('your processor (plain JavaScript)', { timeout: 20_000 });
  await expect(lab.locator('.lab-objective')).toHaveAttribute('data-reached', 'true', { timeout: 40_000 });
  console.log(`camera lab: objective reached ${Date.now() - started} ms after pressing Train (TF.js start included)`);
  const stop = lab.getByRole('button', { name: 'Stop' });
  if (await stop.isVisible()) await stop.click();
  await expect(lab.locator('.lab-panel')).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
  await expect(lab.locator('.lab-objective')).toContainText('Saved in this browser.');
  await expect(lab.getByTestId('test-accuracy')).toHaveText(/Accuracy on your test examples: (8\d|9\d|100)% \(\d+ of 12 right\)/);
  const matrix = lab.locator('.lab-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(2);
  await expect(matrix.locator('tbody th')).toHaveText(['thumbs up', 'flat hand']);
  await expect(lab.locator('[id$="-description"]')).toContainText('Accuracy on your test examples:');

  // Live prediction on a picture the network has never seen.
  await lab.getByLabel('Ask the network about a picture').setInputFiles(files('square', 500, 1));
  await expect(lab.getByTestId('live').locator('li[data-top]')).toContainText('flat hand');
  await expect(lab.getByText('The network says: flat hand.', { exact: true })).toBeAttached();

  // Accessibility of what training added, in the light theme (the whole lab is scanned in both themes in the
  // keyboard test, with fewer pictures: each scan of this long page takes seconds).
  const { light } = await axeBothThemes(page, { include: '.cam-results, .cam-live', dark: false });
  expect(light).toEqual([]);
  // With results, the lab still fits a 360 px phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a broken or non-image file gives a clear error, and the good pictures chosen with it are kept', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByRole('button', { name: 'Choose pictures' }).click();
  await expect(lab.getByLabel('Choose pictures for thumbs up')).toBeFocused();
  await lab
    .getByLabel('Choose pictures for thumbs up')
    .setInputFiles([
      { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('this is not a PNG file') },
      ...files('disc', 0, 2),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    ]);
  const message = lab.locator('.lab-message');
  await expect(message).toContainText('“broken.png” could not be read as a picture and was skipped; nothing else was lost.');
  await expect(message).toContainText('“notes.txt” could not be read as a picture');
  await expect(message).toContainText('Examples added to thumbs up: 2.');
  await expect(thumbs(lab, 0)).toHaveCount(2);
});

test.describe('keyboard only, in French, on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('add and name a class, draw and add an example, delete it', async ({ page }) => {
    const lab = await openLab(page, 'fr');
    await expect(lab.getByText('Vos images ne quittent jamais cet appareil.')).toBeVisible();
    await lab.getByRole('button', { name: 'Dessiner des exemples' }).focus();
    await page.keyboard.press('Enter');
    const canvas = lab.getByRole('application', { name: 'Zone de dessin' });
    await expect(canvas).toBeFocused();

    // Add a third class and name it.
    await lab.getByRole('button', { name: 'Ajouter une classe' }).focus();
    await page.keyboard.press('Enter');
    const name = lab.getByLabel('Nom de la classe 3');
    await expect(name).toHaveValue('rien');
    await expect(name).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('cercle');
    await expect(lab.getByRole('radio', { name: 'cercle' })).toBeChecked();

    // The sources are radio buttons: arrow keys move between them.
    await lab.getByRole('radio', { name: 'Dessin' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(lab.getByRole('radio', { name: 'Images de cet appareil' })).toBeChecked();
    await page.keyboard.press('ArrowLeft');
    await expect(lab.getByRole('radio', { name: 'Dessin' })).toBeChecked();
    // Draw with the keyboard.
    await canvas.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Ajouter le dessin à cercle');
    await page.keyboard.press('Enter');
    await expect(lab.locator('.lab-message')).toHaveText('Exemples ajoutés à cercle\u202f: 1.');
    await expect(thumbs(lab, 2)).toHaveCount(1);
    // An empty drawing is not added.
    await page.keyboard.press('Enter');
    await expect(lab.locator('.lab-message')).toHaveText('Le dessin est vide\u202f: dessinez d’abord quelque chose.');

    // Nothing sticks out sideways on a 360 px screen, and the whole lab passes axe in both themes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const { light, dark } = await axeBothThemes(page, { include: 'section.lab[data-lab="camera"]' });
    expect(light).toEqual([]);
    expect(dark).toEqual([]);

    // Delete the example with the keyboard.
    const example = lab.getByRole('button', { name: 'Supprimer l’exemple 1 de la classe cercle' });
    await example.focus();
    await page.keyboard.press('Delete');
    await expect(thumbs(lab, 2)).toHaveCount(0);
    await expect(lab.locator('.lab-message')).toHaveText('Exemple 1 de la classe cercle supprimé.');
    await expect(name).toBeFocused();

    // Remove the class again.
    await lab.getByRole('button', { name: 'Supprimer cette classe : cercle, avec ses 0 exemples'.replace(' :', '\u202f:') }).focus();
    await page.keyboard.press('Enter');
    await expect(lab.locator('.cam-class')).toHaveCount(2);
    await expect(lab.getByRole('button', { name: 'Ajouter une classe' })).toBeFocused();
  });
});
