/**
 * The certificate: nothing to certify yet; per completed module; the whole
 * course; the name stays on the device; one A4 page; in each language; axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { backupText } from '../../src/lib/progress/backup';
import { COURSE, LOCALES, perfectAnswers, ui } from './helpers';

async function seed(page: Page, lang: string, modules: string[]) {
  await page.goto(`/${lang}/progress/`);
  await expect(page.locator('astro-island:has(.keep-panel)')).not.toHaveAttribute('ssr', /.*/);
  await page.getByLabel(ui(lang)['keep.loadLabel']).setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupText(modules.flatMap((m) => perfectAnswers(m)))),
  });
  await expect(page.getByTestId('keep-message')).toContainText(ui(lang)['import.done'].split('{{')[0]);
}

async function openCertificate(page: Page, lang: string) {
  await page.goto(`/${lang}/certificate/`);
  await expect(page.getByTestId('certificate-page')).toBeVisible();
}

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const lang of LOCALES) {
  test(`${lang}: no certificate before a module is complete, then one per completed module, then the course`, async ({ page }) => {
    const t = ui(lang);
    await openCertificate(page, lang);
    await expect(page.getByTestId('certificate-none')).toHaveText(t['certificate.none']);
    await expect(page.getByTestId('certificate')).toHaveCount(0);
    expect(await axe(page)).toEqual([]);

    const [first, ...rest] = COURSE.map((c) => c.module);
    await seed(page, lang, [first]);
    await openCertificate(page, lang);
    const certificate = page.getByTestId('certificate');
    await expect(certificate.locator('tbody tr')).toHaveCount(1);
    await expect(certificate.locator(`tr[data-module="${first}"]`)).toBeVisible();
    await expect(certificate).toContainText(t['certificate.modulesComplete'].split('{{course}}')[0].trim());
    await expect(page.getByTestId('certificate-remaining')).toBeVisible();
    await expect(certificate).toContainText(t['ai4k12.societal-impact']);

    await page.getByLabel(t['certificate.nameLabel']).fill('Amélie Van den Broeck');
    await expect(page.getByTestId('certificate-name')).toHaveText('Amélie Van den Broeck');
    expect(await axe(page)).toEqual([]);
    await page.waitForTimeout(600); // the name is saved a moment after typing stops
    await page.reload();
    await expect(page.getByTestId('certificate-name')).toHaveText('Amélie Van den Broeck');

    await seed(page, lang, rest);
    await openCertificate(page, lang);
    await expect(certificate.locator('tbody tr')).toHaveCount(COURSE.length);
    await expect(certificate).toContainText(t['certificate.courseComplete'].split('{{course}}')[0].trim());
    await expect(page.getByTestId('certificate-remaining')).toHaveCount(0);
    expect(await axe(page)).toEqual([]);
  });
}

test('the certificate prints on one A4 page, without the site’s navigation', async ({ page }) => {
  await seed(page, 'fr', COURSE.map((c) => c.module));
  await openCertificate(page, 'fr');
  await page.getByLabel(ui('fr')['certificate.nameLabel']).fill('Jonas Peeters');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByLabel(ui('fr')['certificate.nameLabel'])).toBeHidden();
  await expect(page.getByTestId('certificate')).toBeVisible();
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});

test('a name with markup is shown as text, never run', async ({ page }) => {
  await seed(page, 'en', [COURSE[0].module]);
  await openCertificate(page, 'en');
  await page.getByLabel(ui('en')['certificate.nameLabel']).fill('<img src=x onerror="window.__pwned=1">Eve');
  await expect(page.getByTestId('certificate-name')).toHaveText('<img src=x onerror="window.__pwned=1">Eve');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
