import { expect, type Locator, type Page } from '@playwright/test';

export const LOCALES = ['nl', 'fr', 'de', 'en'] as const;
export const MODULE = 'what-is-ai';
export const SECTIONS = ['ai-in-your-day', 'defining-ai', 'history', 'narrow-and-general'] as const;

export const sectionUrl = (lang: string, section: string) => `/${lang}/modules/${MODULE}/${section}/`;

/** An exercise on the page, scrolled into view and hydrated (clicks before hydration are lost). */
export async function exercise(page: Page, id: string): Promise<Locator> {
  const box = page.locator(`section.exercise[data-exercise="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(section[data-exercise="${id}"])`)).not.toHaveAttribute('ssr', /.*/);
  await expect(box).toHaveAttribute('data-progress', 'read'); // the stored answer, if any, is shown
  return box;
}

/** Waits until every island on the page has hydrated (after scrolling through it). */
export async function hydrateAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo({ top: y, behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    }
  });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Exercise } from '../../src/lib/exercises/schema';

/** The exercises of a section as its author wrote them (the answer key the test checks against). */
export function exercisesOf(lang: string, section: string): Exercise[] {
  const source = readFileSync(`content/modules/${lang}/${MODULE}/${section}.mdx`, 'utf8');
  const front = source.split(/^---$/m)[1];
  return (yaml.load(front) as { exercises: Exercise[] }).exercises;
}

export function exerciseOf(lang: string, section: string, id: string) {
  const found = exercisesOf(lang, section).find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
}

/** UI strings, to assert on what the learner reads. */
export function ui(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(`i18n/${lang}.json`, 'utf8'));
}
