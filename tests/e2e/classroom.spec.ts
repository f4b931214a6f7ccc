/**
 * A whole class, played in the browser: a teacher creates a class with two
 * modules; three pupils (three browser contexts, three languages) join by
 * link or short code, answer some exercises and hand in receipts (a pasted
 * code, a file, a scanned QR link); the teacher's dashboard and CSV show
 * exactly what each pupil did. Teach pages pass axe in every language.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { axeBothThemes, exercise, exerciseOf, LOCALES, sectionUrl, ui } from './helpers';

const fillIn = (s: string, values: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k) => String(values[k]));

async function createClass(page: Page, lang: string, name: string, modules: string[]): Promise<{ link: string; short: string }> {
  const t = ui(lang);
  await page.goto(`/${lang}/teach/`);
  await page.getByRole('button', { name: t['teach.newClass'] }).click();
  await page.getByLabel(t['teach.fieldName']).fill(name);
  for (const m of modules) await page.getByRole('checkbox', { name: new RegExp(`^${m}`) }).check();
  await page.getByLabel(t['teach.fieldDue']).fill('2030-06-28');
  await page.getByLabel(t['teach.fieldMessage']).fill('Veel succes!');
  await page.getByRole('button', { name: t['teach.createClass'] }).click();
  await expect(page).toHaveURL(/\/teach\/class\/#c=[0-9A-Z]{8}$/);
  await expect(page.getByTestId('class-name')).toHaveText(name);
  const link = await page.getByLabel(t['teach.joinLink']).inputValue();
  const short = (await page.getByTestId('short-code').textContent())!.trim();
  return { link, short };
}

async function join(page: Page, lang: string, name: string) {
  const t = ui(lang);
  await expect(page.getByTestId('join-class-name')).toBeVisible();
  await page.getByLabel(t['join.nameLabel']).fill(name);
  await page.getByRole('button', { name: t['join.join'] }).click();
  await expect(page.getByTestId('joined')).toBeVisible();
}

async function answer(page: Page, lang: string, section: string, id: string, right: boolean) {
  const t = ui(lang);
  await page.goto(sectionUrl(lang, section));
  const box = await exercise(page, id);
  const data = exerciseOf(lang, section, id);
  if (data.type === 'number') await box.getByRole('textbox').fill(String(right ? data.answer : data.answer + 1000));
  else if (data.type === 'single') await box.locator(`input[value="${data.options.findIndex((o) => o.correct === right)}"]`).check();
  else if (data.type === 'multiple') {
    for (const [i, o] of data.options.entries()) if (o.correct === right) await box.locator(`input[value="${i}"]`).check();
  }
  await box.getByRole('button', { name: t['exercise.check'] }).click();
  await expect(box.getByText(t['exercise.saved'])).toBeVisible();
}

async function handIn(page: Page, lang: string) {
  const t = ui(lang);
  await page.goto(`/${lang}/progress/`);
  const button = page.getByRole('button', { name: t['classes.handIn'], exact: true }).or(page.getByRole('button', { name: t['classes.handInAgain'], exact: true }));
  await button.click();
  await expect(page.getByTestId('receipt')).toBeVisible();
}

async function newPupil(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('a teacher sets two modules; three pupils join, work and hand in; the dashboard and CSV show exactly what each did', async ({ browser }) => {
  test.setTimeout(180_000);
  const t = ui('nl');
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const modules = [t['module.label'].replace('{{n}}', '1'), t['module.label'].replace('{{n}}', '4')];
  const { link, short } = await createClass(teacher, 'nl', 'Klas 5B', modules);
  expect(link).toMatch(/\/nl\/join\/#j=J1\./);

  // Lotte (Dutch) joins by link, answers two exercises right, hands in: she copies her code.
  const lotte = await newPupil(browser);
  await lotte.page.goto(link);
  await expect(lotte.page.getByTestId('join-class-name')).toHaveText('Klas 5B');
  await join(lotte.page, 'nl', 'Lotte');
  await lotte.page.goto('/nl/');
  await expect(lotte.page.getByTestId('assignments')).toContainText('Klas 5B');
  await answer(lotte.page, 'nl', 'history', 'm1-history-dartmouth', true);
  await answer(lotte.page, 'nl', 'history', 'm1-history-why-now', true);
  await handIn(lotte.page, 'nl');
  const lotteCode = await lotte.page.getByLabel(t['classes.receiptCode']).inputValue();

  // Mehdi (French) joins by the same link, answers one exercise wrong, saves his receipt as a file.
  const mehdi = await newPupil(browser);
  await mehdi.page.goto(link.replace('/nl/', '/fr/'));
  await join(mehdi.page, 'fr', 'Mehdi');
  await answer(mehdi.page, 'fr', 'history', 'm1-history-dartmouth', false);
  await handIn(mehdi.page, 'fr');
  const download = mehdi.page.waitForEvent('download');
  await mehdi.page.getByRole('button', { name: ui('fr')['classes.saveReceipt'] }).click();
  const mehdiFile = readFileSync(await (await download).path(), 'utf8');

  // Zoë (German) types the short code, answers one exercise, hands in: her QR code is scanned.
  const zoe = await newPupil(browser);
  await zoe.page.goto('/de/join/');
  await expect(zoe.page.locator('astro-island:has(#short-code)')).not.toHaveAttribute('ssr', /.*/);
  await zoe.page.getByLabel(ui('de')['join.shortLabel']).fill(short.toLowerCase().replace(/-/g, ' '));
  await zoe.page.getByRole('button', { name: ui('de')['join.shortSubmit'] }).click();
  await join(zoe.page, 'de', 'Zoë');
  await answer(zoe.page, 'de', 'defining-ai', 'm1-def-adaptivity', true);
  await handIn(zoe.page, 'de');
  const png = PNG.sync.read(await zoe.page.getByTestId('receipt-qr').screenshot());
  const zoeLink = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
  expect(zoeLink).toMatch(/\/de\/teach\/class\/#r=R1\./);

  // The teacher adds them: a pasted code, a file, a scanned link.
  const message = teacher.getByTestId('class-message');
  await teacher.getByLabel(t['teach.collectPasteLabel']).fill(lotteCode);
  await teacher.getByRole('button', { name: t['teach.collectAdd'] }).click();
  await expect(message).toHaveText(fillIn(t['teach.collected'], { added: 1, updated: 0, older: 0, refused: 0 }));
  await teacher.getByLabel(t['teach.collectFiles']).setInputFiles({ name: 'mehdi.json', mimeType: 'application/json', buffer: Buffer.from(mehdiFile) });
  await expect(message).toHaveText(fillIn(t['teach.collected'], { added: 1, updated: 0, older: 0, refused: 0 }));
  await teacher.goto(zoeLink.replace(/^https?:\/\/[^/]+\/de\//, '/nl/'));
  await expect(message).toHaveText(fillIn(t['teach.collected'], { added: 1, updated: 0, older: 0, refused: 0 }));

  const table = teacher.getByTestId('class-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const cell = (pupil: string, item: string) => table.locator(`tr[data-pupil="${pupil}"] td[data-item="${item}"]`);
  const c = (answered: number, total: number, points: number, max: number) => fillIn(t['teach.cell'], { answered, total, points, max });
  await expect(cell('Lotte', 'what-is-ai')).toHaveText(c(2, 9, 3, 14));
  await expect(cell('Lotte', 'machine-learning')).toHaveText(c(0, 8, 0, 12));
  await expect(cell('Mehdi', 'what-is-ai')).toHaveText(c(1, 9, 0, 14));
  await expect(cell('Zoë', 'what-is-ai')).toHaveText(c(1, 9, 1, 14));
  await expect(cell('Zoë', 'total')).toHaveText(c(1, 17, 1, 26));
  await expect(teacher.getByTestId('most-missed').locator('li')).toHaveCount(1);
  await expect(teacher.getByTestId('most-missed').locator('li[data-exercise="m1-history-dartmouth"]')).toBeVisible();

  // Filter and sort.
  await teacher.getByLabel(t['teach.filterName']).fill('zo');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await teacher.getByLabel(t['teach.filterName']).fill('');
  await teacher.getByLabel(t['teach.sortBy']).selectOption('points');
  await teacher.getByRole('checkbox', { name: t['teach.sortDescending'] }).check();
  await expect(table.locator('tbody tr th')).toHaveText(['Lotte', 'Zoë', 'Mehdi']);

  // CSV: semicolons (Dutch), UTF-8 with BOM, exactly these numbers.
  const csvDownload = teacher.waitForEvent('download');
  await teacher.getByRole('button', { name: t['teach.exportCsv'] }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.startsWith('\ufeff')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n').map((l) => l.split(';'));
  expect(lines[0][0]).toBe(t['teach.colPupil']);
  const rowOf = (name: string) => lines.find((l) => l[0] === name)!;
  expect(rowOf('Lotte').slice(3)).toEqual(['2/9', '3', '0/8', '0', '2/17', '3', '26']);
  expect(rowOf('Mehdi').slice(3)).toEqual(['1/9', '0', '0/8', '0', '1/17', '0', '26']);
  expect(rowOf('Zoë').slice(3)).toEqual(['1/9', '1', '0/8', '0', '1/17', '1', '26']);

  // Lotte works more and hands in again: the teacher keeps the newer receipt.
  await answer(lotte.page, 'nl', 'defining-ai', 'm1-def-adaptivity', true);
  await handIn(lotte.page, 'nl');
  const again = await lotte.page.getByLabel(t['classes.receiptCode']).inputValue();
  await teacher.getByLabel(t['teach.collectPasteLabel']).fill(`${again}\n${lotteCode}\nnot-a-receipt`);
  await teacher.getByRole('button', { name: t['teach.collectAdd'] }).click();
  await expect(message).toContainText(fillIn(t['teach.collected'], { added: 0, updated: 1, older: 1, refused: 1 }));
  await expect(cell('Lotte', 'what-is-ai')).toHaveText(c(3, 9, 4, 14));
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // The dashboard with results passes axe.
  const { violations } = await new AxeBuilder({ page: teacher }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // A receipt for another class is refused; nothing changes.
  const other = await createClass(teacher, 'nl', 'Klas 6A', [modules[0]]);
  void other;
  await teacher.getByLabel(t['teach.collectPasteLabel']).fill(lotteCode);
  await teacher.getByRole('button', { name: t['teach.collectAdd'] }).click();
  await expect(message).toContainText(t['teach.receiptError-receipt-other-class']);
  await expect(teacher.getByText(t['teach.noReceipts'])).toBeVisible();

  for (const ctx of [teacherContext, lotte.context, mehdi.context, zoe.context]) await ctx.close();
});

test('classes move to another computer with the classes file', async ({ browser }) => {
  const t = ui('en');
  const first = await browser.newContext();
  const page = await first.newPage();
  await createClass(page, 'en', 'Year 11 Digital', [t['module.label'].replace('{{n}}', '4')]);
  await page.goto('/en/teach/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t['teach.saveClasses'] }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto('/en/teach/');
  await expect(other.getByText(t['teach.noClasses'])).toBeVisible();
  await other.getByLabel(t['teach.loadClasses']).setInputFiles({ name: 'classes.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(other.getByTestId('teach-message')).toHaveText(fillIn(t['teach.classesLoaded'], { number: 1, total: 0 }));
  await expect(other.locator('.card h3')).toHaveText(['Year 11 Digital']);
  await other.getByLabel(t['teach.loadClasses']).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(file.replace('Year 11', 'Year 12')) });
  await expect(other.getByTestId('teach-message')).toHaveText(t['teach.fileError-checksum']);
  await second.close();
});

for (const lang of LOCALES) {
  test(`${lang}: teach pages pass axe (classes, a class with its QR code, the guide, joining)`, async ({ page }) => {
    const t = ui(lang);
    // These pages are not scanned in a11y.spec.ts. Light theme every time; the
    // dark theme's colour rules on every fourth scan, in turn across the languages
    // (colours do not depend on the language).
    let scans = 0;
    const scan = async () => axeBothThemes(page, { dark: (scans++ + LOCALES.indexOf(lang)) % LOCALES.length === 0 });
    await page.goto(`/${lang}/teach/`);
    await expect(page.getByRole('button', { name: t['teach.newClass'] })).toBeVisible();
    expect(await scan()).toEqual({ light: [], dark: [] });
    await page.getByRole('button', { name: t['teach.newClass'] }).click();
    expect(await scan()).toEqual({ light: [], dark: [] });
    const { link } = await createClass(page, lang, 'Test', [t['module.label'].replace('{{n}}', '1')]);
    await expect(page.getByTestId('join-qr')).toBeVisible();
    expect(await scan()).toEqual({ light: [], dark: [] });
    await page.goto(`/${lang}/teach/guide/`);
    expect(await scan()).toEqual({ light: [], dark: [] });
    await page.goto(link);
    await expect(page.getByTestId('join-class-name')).toHaveText('Test');
    expect(await scan()).toEqual({ light: [], dark: [] });
    await page.goto(`/${lang}/join/`);
    expect(await scan()).toEqual({ light: [], dark: [] });
  });
}
