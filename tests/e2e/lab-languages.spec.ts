/**
 * Module 5's labs in Dutch and German (their own spec files cover English and
 * French): opened, every control in the page's language, and no axe finding
 * in either theme.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes, sectionUrl } from './helpers';

type Strings = Record<'nl' | 'de', Record<string, string>>;
const strings = (lab: string): Strings => JSON.parse(readFileSync(`src/labs/${lab}/strings.json`, 'utf8'));
const camera = strings('camera');
const digits = strings('digits');
const playground = strings('playground');

const MODULE = 'neural-networks';

/** Nothing in an opened lab is left in English. */
async function noEnglish(root: ReturnType<Page['locator']>) {
  expect(await root.innerText()).not.toMatch(/\b(Clear|Epochs|Learning rate|Delete|Open the Playground|Training engine)\b/);
}

async function open(page: Page, lang: string, section: string, lab: string) {
  await page.goto(sectionUrl(lang, section, MODULE));
  const root = page.locator(`section.lab[data-lab="${lab}"]`).first();
  await root.scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(section.lab[data-lab="${lab}"])`).first()).not.toHaveAttribute('ssr', /.*/);
  return root;
}

for (const lang of ['nl', 'de'] as const) {
  test(`the three labs of Module 5 in ${lang}: translated and accessible once opened`, async ({ page }) => {
    test.setTimeout(120_000);
    const pg = await open(page, lang, 'learning', 'playground');
    await expect(pg).toContainText(playground[lang].title.replace(/^.*?:\s*/, ''));
    await pg.getByRole('button', { name: playground[lang].open }).click();
    await expect(pg.getByRole('combobox').first()).toBeVisible();
    await expect(pg).toContainText(playground[lang][`data-xor`]);
    expect(await axeBothThemes(page, { include: 'section.lab[data-lab="playground"]' })).toEqual({ light: [], dark: [] });
    await noEnglish(pg);

    const dg = await open(page, lang, 'seeing', 'digits');
    await expect(dg).toContainText(digits[lang].title.replace(/^.*?:\s*/, ''));
    await expect(dg.locator('canvas.digits-pad')).toBeVisible();
    expect(await axeBothThemes(page, { include: 'section.lab[data-lab="digits"]' })).toEqual({ light: [], dark: [] });
    await noEnglish(dg);

    const cam = await open(page, lang, 'teach-the-machine', 'camera');
    await expect(cam).toContainText(camera[lang].title.replace(/^.*?:\s*/, ''));
    await cam.getByRole('button', { name: camera[lang].startDrawing }).click();
    await expect(cam.locator('canvas').first()).toBeVisible();
    expect(await axeBothThemes(page, { include: 'section.lab[data-lab="camera"]' })).toEqual({ light: [], dark: [] });
    await noEnglish(cam);

  });
}
