#!/usr/bin/env node
/**
 * `npm run bench`: builds the site, opens each lab in headless Chromium,
 * trains its default model on every TF.js backend that starts here, and
 * prints a table: samples per second, time to the lab's objective, peak
 * tensor count, and the plain-JavaScript baseline of the same model with the
 * ratio TF.js / plain JS. A benchmark, not a test: it never fails on speed.
 *
 *   npm run bench [-- --no-build] [-- --epochs 1000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const EPOCHS = Number(arg('epochs', 1000));
const PORT = 4330;

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('node_modules/.bin/astro', ['build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(process.execPath, ['scripts/static-server.mjs', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const baseline = (
  await build({ entryPoints: ['scripts/bench-baseline.ts'], bundle: true, write: false, format: 'iife', platform: 'browser' })
).outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    // Let WebGL and WebGPU start even without a GPU (software rendering), so they are measured too.
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-unsafe-webgpu', '--enable-features=Vulkan',
  ],
});

const LABS = [
  { lab: 'points', url: '/en/modules/machine-learning/nearest-neighbours/', model: 'logistic regression, 2 classes' },
  { lab: 'regression', url: '/en/modules/machine-learning/regression/', model: 'a line' },
];
const rows = [];

for (const { lab, url, model } of LABS) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}${url}`);
  const root = page.locator('section.lab');
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island:has(section.lab)')?.hasAttribute('ssr'));
  const panel = root.locator('.lab-panel');

  // First run: the automatic choice, default settings.
  await root.getByRole('button', { name: 'Train', exact: true }).click();
  await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 120_000 });
  const auto = await panel.getAttribute('data-backend');
  const select = root.getByLabel('Where the model trains');
  const available = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'auto'));
  await page.addScriptTag({ content: baseline });
  const plain = await page.evaluate(([name, epochs]) => globalThis.__bench[name](epochs), [lab, EPOCHS]);

  for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
    if (!available.includes(backend)) {
      rows.push({ lab, model, backend, note: 'does not start here' });
      continue;
    }
    // Software-rendered GPUs are 10 to 100 times slower: a shorter run keeps the benchmark short.
    const epochs = backend === 'webgpu' || backend === 'webgl' ? Math.min(EPOCHS, 200) : EPOCHS;
    await select.selectOption(backend);
    await root.locator('.lab-backend').filter({ hasText: 'because you chose it' }).waitFor();
    await root.getByLabel('Training steps').selectOption(String(epochs)).catch(async () => {
      await root.getByLabel('Training steps').selectOption('1000');
    });
    await root.getByRole('button', { name: 'Start again' }).click();
    await root.getByRole('button', { name: 'Train', exact: true }).click();
    await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
    const get = async (name) => Number(await panel.getAttribute(name));
    const sps = await get('data-samples-per-second');
    rows.push({
      lab,
      model,
      backend: backend + (backend === auto ? ' (auto)' : ''),
      samplesPerSecond: sps,
      objectiveMs: (await panel.getAttribute('data-objective-ms')) ?? '—',
      peakTensors: await get('data-peak-tensors'),
      plain: Math.round(plain.samplesPerSecond),
      ratio: (plain.samplesPerSecond / sps).toFixed(1),
    });
  }
  await page.close();
}

// ---- Module 5: the Playground (its own plain-JavaScript engine, or TF.js) ----
// Each measurement opens the XOR placement fresh from a share link
// (data XOR, noise 0, half the points for training, 1 hidden layer of 4 tanh
// neurons, learning rate 0.03, batch 10, no regularisation), so every run
// starts from the same seed and weights.
const PG = 'm5-playground-xor';
const pgUrl = (epochs) => `http://127.0.0.1:${PORT}/en/modules/neural-networks/learning/#${PG}=v1.xor.0.50.4.tanh.0.03.10.0.1.${epochs}`;
async function playground(engine, backend, epochs) {
  const page = await browser.newPage();
  await page.goto(pgUrl(epochs));
  const root = page.locator(`section.lab:has(.lab-objective[data-exercise="${PG}"])`);
  await root.scrollIntoViewIfNeeded();
  await root.locator('.pg-panel').waitFor({ timeout: 60_000 });
  await root.locator('select.pg-engine').selectOption(engine);
  const panel = root.locator('.lab-panel');
  let available = [];
  if (engine === 'tfjs') {
    // A first run starts TF.js and tells which backends can start here.
    await root.getByRole('button', { name: 'Train', exact: true }).click();
    await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
    const select = root.getByLabel('Where the model trains');
    available = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'auto'));
    if (backend !== 'auto') {
      if (!available.includes(backend)) {
        await page.close();
        return { note: 'does not start here' };
      }
      await select.selectOption(backend);
      await root.locator('.lab-backend').filter({ hasText: 'because you chose it' }).waitFor();
      await root.getByRole('button', { name: 'Train', exact: true }).click();
      await panel.and(page.locator('[data-phase="training"]')).waitFor({ timeout: 60_000 }).catch(() => {});
      await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
    }
  } else {
    await root.getByRole('button', { name: 'Train', exact: true }).click();
    await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
  }
  const result = {
    backend: (await panel.getAttribute('data-backend')) ?? 'plain JS',
    samplesPerSecond: Number(await panel.getAttribute('data-samples-per-second')),
    objectiveMs: (await root.locator('.pg-panel').getAttribute('data-objective-ms')) ?? '—',
    peakTensors: Number(await panel.getAttribute('data-peak-tensors')),
  };
  await page.close();
  return result;
}

const pgModel = '2 inputs, 1 hidden layer of 4 (tanh), batch 10, 200 training points';
const plainPg = await playground('plain', 'auto', 1000);
rows.push({ lab: 'playground', model: pgModel, backend: 'plain JS (auto)', ...plainPg, plain: Math.round(plainPg.samplesPerSecond), ratio: '1.0' });
for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
  // Software GPUs: 50 epochs keep the run short (they do not reach the objective in that time).
  const r = await playground('tfjs', backend, backend === 'webgpu' || backend === 'webgl' ? 50 : 1000);
  if (r.note) rows.push({ lab: 'playground', model: pgModel, backend, note: r.note });
  else
    rows.push({
      lab: 'playground',
      model: pgModel,
      ...r,
      backend: `${backend} (TF.js)`,
      plain: Math.round(plainPg.samplesPerSecond),
      ratio: (plainPg.samplesPerSecond / r.samplesPerSecond).toFixed(1),
    });
}

// ---- Module 5: Digits (a small convolutional network on 5,000 MNIST digits) ----
// The automatic choice (the processor here: WebAssembly cannot train
// convolutions in TF.js 4.22) with the lab's defaults (2 epochs), then the
// software GPUs for one epoch; then the time of one prediction for a drawing.
async function digits(backend, epochs) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/en/modules/neural-networks/seeing/`);
  const root = page.locator('section.lab');
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island:has(section.lab)')?.hasAttribute('ssr'));
  const panel = root.locator('.lab-panel');
  const started = Date.now();
  await root.getByRole('combobox', { name: 'Epochs' }).selectOption(String(epochs));
  await root.getByRole('button', { name: 'Train', exact: true }).click();
  if (backend !== 'auto') {
    // Let the automatic start finish, then switch and train again.
    await panel.and(page.locator('[data-phase="training"]')).waitFor({ timeout: 120_000 });
    await root.getByRole('button', { name: 'Stop' }).click();
    await panel.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 120_000 });
    const select = root.getByLabel('Where the model trains');
    const available = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'auto'));
    if (!available.includes(backend)) {
      await page.close();
      return { note: 'does not start here' };
    }
    await select.selectOption(backend);
    await root.locator('.lab-backend').filter({ hasText: 'because you chose it' }).waitFor({ timeout: 120_000 });
    await root.getByRole('button', { name: 'Train', exact: true }).click();
  }
  const done = await panel
    .and(page.locator('[data-phase="done"]'))
    .waitFor({ timeout: backend === 'auto' ? 600_000 : 180_000 })
    .then(() => true)
    .catch(() => false);
  if (!done) {
    await page.close();
    return { note: 'stopped: over 3 minutes for one epoch' };
  }
  const result = {
    backend: (await panel.getAttribute('data-backend')) + (backend === 'auto' ? ' (auto)' : ''),
    samplesPerSecond: Number(await panel.getAttribute('data-samples-per-second')),
    objectiveMs: (await panel.getAttribute('data-objective-ms')) ?? '—',
    peakTensors: Number(await panel.getAttribute('data-peak-tensors')),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  if (backend === 'auto') {
    // One drawing: the time the worker takes to answer with ten probabilities.
    const pad = root.locator('canvas.digits-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    const at = (x, y) => [box.x + x * box.width, box.y + y * box.height];
    await page.mouse.move(...at(0.25, 0.2));
    await page.mouse.down();
    await page.mouse.move(...at(0.75, 0.2), { steps: 8 });
    await page.mouse.move(...at(0.45, 0.85), { steps: 12 });
    await page.mouse.up();
    await root.locator('.digits-probabilities[data-predict-ms]').waitFor({ timeout: 30_000 });
    result.predictMs = Number(await root.locator('.digits-probabilities').getAttribute('data-predict-ms'));
  }
  await page.close();
  return result;
}

const digitsModel = 'conv 8×5×5, max pool, conv 16×3×3 stride 2, dense 10; 5,000 images';
const digitRuns = [];
for (const [backend, epochs] of [['auto', 2], ['webgl', 1], ['webgpu', 1]]) {
  const r = await digits(backend, epochs);
  digitRuns.push({ ...r, wanted: backend, epochs });
  if (r.note) rows.push({ lab: 'digits', model: digitsModel, backend, note: r.note });
  else rows.push({ lab: 'digits', model: digitsModel, ...r, plain: '—', ratio: '—' });
}

await browser.close();
server.kill();

const header = ['lab', 'model', 'backend', 'samples/s', 'ms to objective', 'peak tensors', 'plain JS samples/s', 'plain JS ÷ TF.js'];
const table = [header, header.map(() => '---')].concat(
  rows.map((r) =>
    r.note
      ? [r.lab, r.model, r.backend, r.note, '', '', '', '']
      : [r.lab, r.model, r.backend, r.samplesPerSecond, r.objectiveMs, r.peakTensors, r.plain, r.ratio],
  ),
);
console.log(
  `\nLab training speed. Points and Regression: ${EPOCHS} steps (200 on software GPUs), full batch of 60 training points.` +
    ' Playground: 1,000 epochs (50 on software GPUs); "plain JS" is its own engine. Digits: 2 epochs (1 on software GPUs).\n',
);
console.log(table.map((row) => `| ${row.join(' | ')} |`).join('\n'));
const auto = digitRuns.find((r) => r.wanted === 'auto');
if (auto && !auto.note) {
  console.log(`\nDigits, automatic backend: ${auto.wallSeconds} s from pressing Train to the end of 2 epochs (data download and TF.js start included); one prediction for a drawing: ${auto.predictMs} ms.`);
}
