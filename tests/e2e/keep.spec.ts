/**
 * Progress that is never lost: save to a file, wipe, load it back (in any
 * language); refused imports leave the store unchanged; the QR codes carry
 * progress to another device; a full disk is explained and offers the file;
 * a database written by schema version 1 upgrades without loss.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { backupText } from '../../src/lib/progress/backup';
import { canonicalJson, crc32 } from '../../src/lib/progress/checksum';
import { exercise, exerciseOf, perfectAnswers, sectionUrl, storedAnswers, ui } from './helpers';

async function answerTwo(page: Page, lang: string) {
  const t = ui(lang);
  await page.goto(sectionUrl(lang, 'history'));
  const number = await exercise(page, 'm1-history-dartmouth');
  await number.getByRole('textbox').fill('1956');
  await number.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(number.getByText(t['exercise.saved'])).toBeVisible();
  const single = exerciseOf(lang, 'history', 'm1-history-why-now');
  const box = await exercise(page, single.id);
  await box.locator('input').first().check();
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByText(t['exercise.saved'])).toBeVisible();
}

async function openKeep(page: Page, lang: string) {
  await page.goto(`/${lang}/progress/`);
  await expect(page.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
  await expect(page.locator('.keep-panel')).not.toHaveAttribute('data-persistence', 'unknown');
}

async function saveFile(page: Page, lang: string): Promise<string> {
  // A click before the island hydrates would be lost.
  await expect(page.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ui(lang)['keep.save'], exact: true }).click();
  const file = await download;
  // The page says so once the file is made and the save is remembered.
  await expect(page.getByTestId('keep-message')).toContainText(file.suggestedFilename());
  expect(file.suggestedFilename()).toMatch(/^ai4belgium-progress-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync(await file.path(), 'utf8');
}

async function loadFile(page: Page, lang: string, text: string, name = 'progress.json') {
  // Files chosen before the island hydrates would be lost (after a reload, say).
  await expect(page.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
  await page.getByLabel(ui(lang)['keep.loadLabel']).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const message = (page: Page) => page.getByTestId('keep-message');

test('save to a file, wipe the browser, load the file: every answer is back', async ({ page }) => {
  const t = ui('nl');
  await answerTwo(page, 'nl');
  const before = await storedAnswers(page);
  expect(before).toHaveLength(2);

  await openKeep(page, 'nl');
  const text = await saveFile(page, 'nl');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'ai4belgium-progress', version: 1 });
  expect(file.answers).toEqual(before);
  await expect(message(page)).toContainText('2');

  // Wipe the browser's data, as a school laptop does overnight.
  await page.evaluate(() => new Promise((r) => { const d = indexedDB.deleteDatabase('ai4belgium'); d.onsuccess = d.onerror = d.onblocked = r; }));
  await page.reload();
  await expect(page.locator('[data-module="what-is-ai"] [data-testid="answered"]')).toContainText('0');

  await loadFile(page, 'nl', text);
  await expect(message(page)).toHaveText(t['import.done'].replace('{{added}}', '2').replace('{{updated}}', '0').replace('{{kept}}', '0'));
  expect(await storedAnswers(page)).toEqual(before);
  await expect(page.locator('[data-module="what-is-ai"] [data-testid="answered"]')).toContainText('2');

  // The lesson shows the answer again.
  await page.goto(sectionUrl('nl', 'history'));
  const number = await exercise(page, 'm1-history-dartmouth');
  await expect(number.getByRole('textbox')).toHaveValue('1956');
  await expect(number.locator('.result')).toHaveAttribute('data-verdict', 'correct');

  // Loading the same file again changes nothing.
  await openKeep(page, 'nl');
  await loadFile(page, 'nl', text);
  await expect(message(page)).toHaveText(t['import.done'].replace('{{added}}', '0').replace('{{updated}}', '0').replace('{{kept}}', '2'));
});

test('a file saved in Dutch loads in the French version, merging with newer answers there', async ({ browser }) => {
  const dutch = await browser.newContext();
  const nlPage = await dutch.newPage();
  await answerTwo(nlPage, 'nl');
  await openKeep(nlPage, 'nl');
  const text = await saveFile(nlPage, 'nl');
  await dutch.close();

  const french = await browser.newContext();
  const page = await french.newPage();
  const t = ui('fr');
  // On this device the learner already answered another exercise, later.
  await page.goto(sectionUrl('fr', 'defining-ai'));
  const box = await exercise(page, 'm1-def-adaptivity');
  await box.locator('input').first().check();
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByText(t['exercise.saved'])).toBeVisible();

  await openKeep(page, 'fr');
  await loadFile(page, 'fr', text);
  await expect(message(page)).toHaveText(t['import.done'].replace('{{added}}', '2').replace('{{updated}}', '0').replace('{{kept}}', '0'));
  const ids = (await storedAnswers(page)).map((a) => (a as { exerciseId: string }).exerciseId);
  expect(ids).toEqual(['m1-def-adaptivity', 'm1-history-dartmouth', 'm1-history-why-now']);
  await expect(page.locator('[data-module="what-is-ai"] [data-testid="answered"]')).toContainText('3');
  await french.close();
});

test('corrupt, truncated, future, oversized and hostile files are refused with a clear message; progress is unchanged', async ({ page }) => {
  const t = ui('de');
  await answerTwo(page, 'de');
  const before = await storedAnswers(page);
  await openKeep(page, 'de');
  const good = backupText(perfectAnswers('what-is-ai'));
  const data = JSON.parse(good);
  const resign = (d: Record<string, unknown>) => {
    const { checksum: _c, ...body } = d;
    return JSON.stringify({ ...body, checksum: crc32(canonicalJson(body)) });
  };
  const hostile = structuredClone(data);
  hostile.answers[0].exerciseId = '<img src=x onerror="window.__pwned=1">';
  const polluted = good.replace('"format"', '"__proto__": {"isAdmin": true}, "format"');
  const tampered = structuredClone(data);
  tampered.answers[0].score = 0;
  const cases: [string, string][] = [
    ['truncated', good.slice(0, good.length / 2)],
    ['not JSON', 'PK\u0003\u0004 this is a zip file'],
    ['another JSON', '{"name":"my holiday photos"}'],
    ['future version', resign({ ...data, version: 7 })],
    ['unknown version', resign({ ...data, version: 'two' })],
    ['tampered', JSON.stringify(tampered)],
    ['script in a field', resign(hostile)],
    ['prototype pollution', polluted],
    ['oversized', ' '.repeat(1_100_000) + good],
    ['empty', ''],
  ];
  const expected: Record<string, string> = {
    truncated: 'not-json',
    'not JSON': 'not-json',
    'another JSON': 'not-progress',
    'future version': 'future-version',
    'unknown version': 'unknown-version',
    tampered: 'checksum',
    'script in a field': 'unsafe',
    'prototype pollution': 'unsafe',
    oversized: 'too-large',
    empty: 'empty',
  };
  for (const [name, text] of cases) {
    await loadFile(page, 'de', text, `${name}.json`);
    await expect(message(page), name).toHaveText(t[`import.error.${expected[name]}`]);
    await expect(message(page)).toHaveAttribute('role', 'alert');
    expect(await storedAnswers(page), name).toEqual(before);
  }
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => ({} as { isAdmin?: boolean }).isAdmin)).toBeUndefined();
});

/** Reads the QR code image on the page, as a phone camera would. */
async function readQr(page: Page): Promise<string> {
  const png = PNG.sync.read(await page.getByTestId('qr').screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code found in the image');
  return found.data;
}

test('QR codes carry progress to another device: scanned one after the other, checked, then added', async ({ browser, baseURL }) => {
  const phone = await browser.newContext();
  const page = await phone.newPage();
  const t = ui('en');
  await page.goto('/en/progress/');
  // Enough answers to need several codes: the whole of Module 1, as from a file.
  await openKeep(page, 'en');
  await loadFile(page, 'en', backupText([...perfectAnswers('what-is-ai'), ...perfectAnswers('machine-learning')]));
  await expect(message(page)).toContainText(t['import.done'].split('{{')[0]);
  const before = await storedAnswers(page);

  await page.getByRole('button', { name: t['keep.moveShow'] }).click();
  const frame = page.getByTestId('move-codes');
  await expect(frame).toBeVisible();
  const count = Number(await frame.getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(2);
  const links: string[] = [];
  for (let i = 1; i <= count; i++) {
    await expect(page.getByTestId('qr')).toHaveAttribute('data-index', String(i));
    await expect(page.getByTestId('qr')).toHaveAttribute('alt', t['keep.qrAlt'].replace('{{n}}', String(i)).replace('{{count}}', String(count)));
    links.push(await readQr(page));
    if (i < count) await page.getByRole('button', { name: t['keep.qrNext'] }).click();
  }
  for (const link of links) expect(link.startsWith(`${baseURL}/en/progress/#move=`)).toBe(true);
  const code = await page.getByLabel(t['keep.copyLabel']).inputValue();
  await phone.close();

  // The other device: each scan opens the link.
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  for (const [i, link] of links.entries()) {
    await other.goto(link);
    await expect(other.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
    if (i < links.length - 1) {
      await expect(message(other)).toContainText(t['keep.received'].split('{{n}}')[0]);
      expect(other.url()).not.toContain('#move=');
    }
  }
  const preview = other.getByTestId('import-preview');
  await expect(preview).toContainText(t['keep.previewText'].split('{{count}}')[0] + before.length);
  expect(await storedAnswers(other)).toEqual([]); // nothing is added before the learner says so
  await preview.getByRole('button', { name: t['keep.previewYes'] }).click();
  await expect(message(other)).toContainText(String(before.length));
  expect(await storedAnswers(other)).toEqual(before);
  await laptop.close();

  // The copied code works too, pasted on a third device.
  const tablet = await browser.newContext();
  const third = await tablet.newPage();
  await openKeep(third, 'en');
  await third.getByLabel(t['keep.pasteLabel'], { exact: true }).fill(code);
  await third.getByRole('button', { name: t['keep.pasteImport'] }).click();
  await expect(message(third)).toContainText(String(before.length));
  expect(await storedAnswers(third)).toEqual(before);
  // A damaged code is refused and changes nothing.
  await third.getByLabel(t['keep.pasteLabel'], { exact: true }).fill(code.slice(0, -40));
  await third.getByRole('button', { name: t['keep.pasteImport'] }).click();
  await expect(message(third)).toHaveText(t['import.error.code-damaged']);
  expect(await storedAnswers(third)).toEqual(before);
  await tablet.close();
});

test.describe('a full disk', () => {
  test.beforeEach(async ({ context }) => {
    // Every write to the store fails as a full disk does; reads still work.
    await context.addInitScript(() => {
      const quota = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = quota;
      IDBObjectStore.prototype.add = quota;
    });
  });

  test('the learner is told in plain words and can save the answer to a file', async ({ page }) => {
    const t = ui('fr');
    await page.goto(sectionUrl('fr', 'history'));
    const box = await exercise(page, 'm1-history-dartmouth');
    await box.getByRole('textbox').fill('1956');
    await box.getByRole('button', { name: t['exercise.check'] }).click();
    await expect(box.getByRole('status')).toContainText(t['exercise.correct']);
    await expect(box.locator('[data-save-failure="quota"]')).toContainText(t['storage.quotaFull']);
    const download = page.waitForEvent('download');
    await box.getByRole('button', { name: t['storage.saveFile'] }).click();
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(file.answers).toEqual([expect.objectContaining({ exerciseId: 'm1-history-dartmouth', score: 1, response: { type: 'number', value: 1956, text: '1956' } })]);
    await expect(box.getByText(t['storage.fileSaved'])).toBeVisible();
  });
});

for (const earlier of [1, 2]) {
test(`a database written by schema version ${earlier} opens, shows and keeps every answer after the upgrade`, async ({ page }) => {
  const t = ui('en');
  await page.goto('/en/about-data/');
  const v1 = perfectAnswers('what-is-ai').slice(0, 3);
  // Exactly what that version of the course wrote (Dexie stores version n as IndexedDB version 10n).
  await page.evaluate(
    ({ records, earlier }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ai4belgium', earlier * 10);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('answers', { keyPath: 'exerciseId' });
          store.createIndex('moduleId', 'moduleId');
          store.createIndex('answeredAt', 'answeredAt');
          if (earlier >= 2) open.result.createObjectStore('settings', { keyPath: 'key' }).put({ key: 'learnerName', value: 'Lina' });
        };
        open.onsuccess = () => {
          const tx = open.result.transaction('answers', 'readwrite');
          for (const r of records) tx.objectStore('answers').put(r);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { records: v1, earlier },
  );
  await page.goto('/en/progress/');
  await expect(page.locator('[data-module="what-is-ai"] [data-testid="answered"]')).toContainText('3 of');

  // The first write upgrades the database (Dexie opens it at the current version).
  await page.goto(sectionUrl('en', 'history'));
  const box = await exercise(page, 'm1-history-why-now');
  await box.locator('input').first().check();
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByText(t['exercise.saved'])).toBeVisible();
  const version = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve) => {
        const open = indexedDB.open('ai4belgium');
        open.onsuccess = () => {
          const db = open.result;
          resolve({ version: db.version, stores: [...db.objectStoreNames] });
          db.close();
        };
      }),
  );
  expect(version).toEqual({ version: 30, stores: ['answers', 'classes', 'memberships', 'receipts', 'settings'] });
  const after = (await storedAnswers(page)) as { exerciseId: string }[];
  for (const record of v1) expect(after).toContainEqual(record);
  expect(after).toHaveLength(4);
});
}

test('after completing a module, a gentle reminder offers to save; "not now" puts it aside', async ({ page }) => {
  const t = ui('nl');
  await openKeep(page, 'nl');
  await loadFile(page, 'nl', backupText(perfectAnswers('what-is-ai')));
  await expect(message(page)).toContainText(t['import.done'].split('{{')[0]);
  await page.goto('/nl/');
  const reminder = page.locator('[data-reminder="completed"]');
  await expect(reminder).toContainText(t['reminder.completed'].split('{{module}}')[0]);
  await reminder.getByRole('button', { name: t['reminder.later'] }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.card .status[data-status="complete"]')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.locator('[data-reminder]')).toHaveCount(0);
});

test('the reminder is not shown once the learner has saved a file', async ({ page }) => {
  await openKeep(page, 'en');
  await loadFile(page, 'en', backupText(perfectAnswers('what-is-ai')));
  await expect(message(page)).toContainText(ui('en')['import.done'].split('{{')[0]);
  await page.goto(sectionUrl('en', 'narrow-and-general'));
  const reminder = page.locator('[data-reminder="completed"]');
  await expect(reminder).toBeVisible();
  await reminder.getByRole('link', { name: ui('en')['reminder.action'] }).click();
  await expect(page).toHaveURL(/\/en\/progress\/#keep$/);
  await saveFile(page, 'en');
  await page.goto(sectionUrl('en', 'narrow-and-general'));
  await page.waitForTimeout(500);
  await expect(page.locator('[data-reminder]')).toHaveCount(0);
});

test('a laptop reads the codes with its own camera (the codes shown one after the other)', async ({ browser }) => {
  const t = ui('de');
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await openKeep(page, 'de');
  await loadFile(page, 'de', backupText([...perfectAnswers('what-is-ai'), ...perfectAnswers('machine-learning')]));
  await expect(message(page)).toContainText(t['import.done'].split('{{')[0]);
  const before = await storedAnswers(page);
  await page.getByRole('button', { name: t['keep.moveShow'] }).click();
  const count = Number(await page.getByTestId('move-codes').getAttribute('data-count'));
  const images: string[] = [];
  for (let i = 1; i <= count; i++) {
    images.push((await page.getByTestId('qr').getAttribute('src'))!);
    if (i < count) await page.getByRole('button', { name: t['keep.qrNext'] }).click();
  }
  await phone.close();

  // The laptop's webcam films the phone's screen: a video of the codes, each for a second.
  const laptop = await browser.newContext();
  await laptop.addInitScript((sources: string[]) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext('2d')!;
      context.imageSmoothingEnabled = false;
      const codes = sources.map((src) => Object.assign(new Image(), { src }));
      let frame = 0;
      setInterval(() => {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 640, 480);
        const code = codes[Math.floor(frame++ / 10) % codes.length];
        if (code.complete) context.drawImage(code, (640 - code.width) / 2, (480 - code.height) / 2);
      }, 100);
      return canvas.captureStream(10);
    };
  }, images);
  const other = await laptop.newPage();
  await openKeep(other, 'de');
  await other.getByRole('button', { name: t['keep.scanStart'] }).click();
  await expect(other.getByLabel(t['keep.scanVideo'])).toBeVisible();
  const preview = other.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(other.getByLabel(t['keep.scanVideo'])).toHaveCount(0); // the camera is off once all codes are read
  await preview.getByRole('button', { name: t['keep.previewYes'] }).click();
  await expect(message(other)).toContainText(String(before.length));
  expect(await storedAnswers(other)).toEqual(before);
  await laptop.close();
});

test('without a camera (or permission), the learner is told to paste the code or use a file', async ({ browser }) => {
  const t = ui('nl');
  const context = await browser.newContext();
  await context.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const page = await context.newPage();
  await openKeep(page, 'nl');
  await page.getByRole('button', { name: t['keep.scanStart'] }).click();
  await expect(page.getByRole('alert').filter({ hasText: t['keep.scanDenied'] })).toBeVisible();
  await context.close();
});

test('the progress page says whether the browser keeps the course’s data, and what that means', async ({ page }) => {
  const t = ui('fr');
  await answerTwo(page, 'fr'); // the first saved answer asks the browser to keep the data
  await openKeep(page, 'fr');
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(page.getByTestId('persistence')).toHaveText(persisted ? t['keep.persistGranted'] : t['keep.persistNotGranted']);
});

test.describe('on Safari, which deletes a site’s data after a week without a visit', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  });
  test('a learner with answers is reminded to save them', async ({ page }) => {
    const t = ui('en');
    await page.goto('/en/');
    await expect(page.locator('.card .status[data-status]').first()).toBeVisible();
    await expect(page.locator('[data-reminder]')).toHaveCount(0); // nothing to lose yet
    await answerTwo(page, 'en');
    await page.goto('/en/');
    const reminder = page.locator('[data-reminder="evicts"]');
    await expect(reminder).toHaveText(new RegExp(t['reminder.evicts'].slice(0, 40)));
    await reminder.getByRole('link', { name: t['reminder.action'] }).click();
    await saveFile(page, 'en');
    await page.goto('/en/');
    await expect(page.locator('.card .status[data-status="in-progress"]').first()).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('[data-reminder]')).toHaveCount(0);
  });
});
