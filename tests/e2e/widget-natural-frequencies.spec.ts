import { expect, test, type Page } from '@playwright/test';
import { hydrateAll } from './helpers';

/**
 * WIDGET natural-frequencies (Module 3, "Bayes' rule"): a medical test as
 * 1,000 people, operated with the keyboard only. The expected numbers are
 * worked out by hand, as in the lesson.
 */
const pageUrl = (lang: string) => `/${lang}/modules/uncertainty-and-data/bayes-rule/`;

async function openWidget(page: Page, lang: string) {
  await page.goto(pageUrl(lang));
  await hydrateAll(page);
  const widget = page.locator('.w-natural-frequencies');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toBeVisible();
  return widget;
}

test('natural frequencies: the lesson example, then sliders and examples by keyboard, with the answer read out', async ({ page }) => {
  const widget = await openWidget(page, 'en');
  const positive = widget.getByTestId('nf-positive');
  const negative = widget.getByTestId('nf-negative');
  const live = widget.locator('[aria-live="polite"]');
  const prevalence = widget.getByRole('slider', { name: 'Base rate' });
  const sensitivity = widget.getByRole('slider', { name: 'Sensitivity' });
  const specificity = widget.getByRole('slider', { name: 'Specificity' });

  // The lesson's example: 1 %, 90 %, 91 %.
  await expect(widget.getByRole('heading', { level: 3 })).toHaveText('Try it: what does a positive test mean?');
  await expect(prevalence).toHaveAttribute('aria-valuetext', '10 in 1,000 people have the condition (1%)');
  await expect(sensitivity).toHaveAttribute('aria-valuetext', '90% of ill people test positive');
  await expect(specificity).toHaveAttribute('aria-valuetext', '91% of healthy people test negative');
  await expect(positive).toHaveText('Of the 98 people who test positive, 9 are ill: 9%.');
  await expect(negative).toHaveText('Of the 902 people who test negative, 1 is ill: 0.1%.');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText('Chance of being ill after a positive test: 9.2%');
  await expect(widget.getByTestId('nf-exact-negative')).toContainText('Chance of being ill after a negative test: 0.1%');
  await expect(widget.getByRole('img')).toHaveAttribute(
    'aria-label',
    '1,000 people, one shape each. Ill, positive test: 9; Ill, negative test: 1; Healthy, positive test: 89; Healthy, negative test: 901.',
  );
  await expect(widget.locator('.nf-legend li')).toHaveText([
    'Ill, positive test: 9',
    'Ill, negative test: 1',
    'Healthy, positive test: 89',
    'Healthy, negative test: 901',
  ]);
  await expect(widget.locator('.nf-tree .nf-node')).toHaveText([
    'Everyone: 1,000',
    'Ill: 10',
    'Test positive: 9',
    'Test negative: 1',
    'Healthy: 990',
    'Test positive: 89',
    'Test negative: 901',
  ]);

  // Base rate one step up: 11 ill, 10 of them positive; 989 healthy, 89 false alarms.
  await prevalence.focus();
  await page.keyboard.press('ArrowRight');
  await expect(prevalence).toHaveAttribute('aria-valuetext', '11 in 1,000 people have the condition (1.1%)');
  await expect(positive).toHaveText('Of the 99 people who test positive, 10 are ill: 10%.');
  await expect(live).toHaveText('Of the 99 people who test positive, 10 are ill: 10%. Of the 901 people who test negative, 1 is ill: 0.1%.');

  // A test that finds every ill person: no ill person among the negatives.
  await page.keyboard.press('Tab');
  await expect(sensitivity).toBeFocused();
  await page.keyboard.press('End');
  await expect(sensitivity).toHaveAttribute('aria-valuetext', '100% of ill people test positive');
  await expect(negative).toHaveText('Of the 900 people who test negative, none are ill: 0%.');

  // Specificity 91 % → 99 %: false alarms drop from 89 to 10 (989 × 1 % = 9.89).
  await page.keyboard.press('Tab');
  await expect(specificity).toBeFocused();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(specificity).toHaveAttribute('aria-valuetext', '99% of healthy people test negative');
  await expect(positive).toHaveText('Of the 21 people who test positive, 11 are ill: 52%.');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText('Chance of being ill after a positive test: 52.7%');
  await expect(live).toHaveText('Of the 21 people who test positive, 11 are ill: 52%. Of the 979 people who test negative, none are ill: 0%.');

  // The examples, with Tab and Enter or Space.
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Rare condition' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Common condition' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prevalence).toHaveAttribute('aria-valuetext', '300 in 1,000 people have the condition (30%)');
  await expect(sensitivity).toHaveAttribute('aria-valuetext', '90% of ill people test positive');
  await expect(specificity).toHaveAttribute('aria-valuetext', '91% of healthy people test negative');
  await expect(positive).toHaveText('Of the 333 people who test positive, 270 are ill: 81%.');
  await expect(negative).toHaveText('Of the 667 people who test negative, 30 are ill: 4%.');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText('81.1%');
  await expect(widget.getByTestId('nf-exact-negative')).toContainText('4.5%');
  await expect(widget.locator('.nf-legend li')).toHaveText([
    'Ill, positive test: 270',
    'Ill, negative test: 30',
    'Healthy, positive test: 63',
    'Healthy, negative test: 637',
  ]);
  await expect(live).toHaveText('Of the 333 people who test positive, 270 are ill: 81%. Of the 667 people who test negative, 30 are ill: 4%.');

  // Even a 99 % test on a 1 % condition: half of the positives are healthy.
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Very good test' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(positive).toHaveText('Of the 20 people who test positive, 10 are ill: 50%.');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText('Chance of being ill after a positive test: 50.0%');
  await expect(live).toHaveText('Of the 20 people who test positive, 10 are ill: 50%. Of the 980 people who test negative, none are ill: 0%.');

  // Back to the lesson's example.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(widget.getByRole('button', { name: 'Rare condition' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(positive).toHaveText('Of the 98 people who test positive, 9 are ill: 9%.');
  await expect(live).toHaveText('Of the 98 people who test positive, 9 are ill: 9%. Of the 902 people who test negative, 1 is ill: 0.1%.');
});

test('natural frequencies in French: translated labels, French number format, and the lowest prevalence by keyboard', async ({ page }) => {
  const widget = await openWidget(page, 'fr');
  const prevalence = widget.getByRole('slider', { name: 'Prévalence' });

  await expect(widget.getByRole('heading', { level: 3 })).toHaveText('À vous\u202f: que veut dire un test positif\u202f?');
  await expect(widget.getByTestId('nf-positive')).toHaveText('Sur les 98 personnes dont le test est positif, 9 sont malades\u202f: 9\u202f%.');
  await expect(widget.getByTestId('nf-negative')).toHaveText('Sur les 902 personnes dont le test est négatif, 1 est malade\u202f: 0,1\u202f%.');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText('Probabilité d’être malade après un test positif');
  await expect(widget.getByTestId('nf-exact-positive')).toContainText(/9,2\s%/);
  await expect(widget.getByTestId('nf-tree')).toContainText(/En bonne santé\s:\s990/);
  await expect(widget.getByRole('button', { name: 'Maladie fréquente' })).toBeVisible();

  // Home: 1 person in 1,000 is ill, and the one positive ill person is singular.
  await prevalence.focus();
  await page.keyboard.press('Home');
  await expect(prevalence).toHaveAttribute('aria-valuetext', /^Malades\s:\s1 sur 1\s000 personnes \(0,1\s%\)$/);
  await expect(widget.getByTestId('nf-positive')).toHaveText('Sur les 91 personnes dont le test est positif, 1 est malade\u202f: 1\u202f%.');
  await expect(widget.locator('[aria-live="polite"]')).toHaveText(
    'Sur les 91 personnes dont le test est positif, 1 est malade\u202f: 1\u202f%. Sur les 909 personnes dont le test est négatif, aucune n’est malade\u202f: 0\u202f%.',
  );
});
