import { expect, type Locator, type Page } from '@playwright/test';

import { readdirSync, readFileSync } from 'node:fs';

export const LOCALES = ['nl', 'fr', 'de', 'en'] as const;
export const MODULE = 'what-is-ai';
export const SECTIONS = ['ai-in-your-day', 'defining-ai', 'history', 'narrow-and-general'] as const;

/** Every module and its sections, as the content folder has them (the same in every language). */
export const COURSE: { module: string; sections: string[] }[] = readdirSync('content/modules/en')
  .map((module) => ({
    module,
    order: Number(/order:\s*(\d+)/.exec(readFileSync(`content/modules/en/${module}/module.yaml`, 'utf8'))?.[1]),
    sections: readdirSync(`content/modules/en/${module}`)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ f, order: Number(/^order:\s*(\d+)/m.exec(readFileSync(`content/modules/en/${module}/${f}`, 'utf8'))?.[1]) }))
      .sort((a, b) => a.order - b.order)
      .map(({ f }) => f.replace(/\.mdx$/, '')),
  }))
  .sort((a, b) => a.order - b.order)
  .map(({ module, sections }) => ({ module, sections }));

export const sectionUrl = (lang: string, section: string, module: string = MODULE) => `/${lang}/modules/${module}/${section}/`;

/** Every lesson page of a language. */
export const lessonUrls = (lang: string) => COURSE.flatMap(({ module, sections }) => sections.map((s) => sectionUrl(lang, s, module)));

/** An exercise on the page, scrolled into view and hydrated (clicks before hydration are lost). */
export async function exercise(page: Page, id: string): Promise<Locator> {
  const box = page.locator(`section.exercise[data-exercise="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(section[data-exercise="${id}"])`)).not.toHaveAttribute('ssr', /.*/);
  await expect(box).toHaveAttribute('data-progress', 'read'); // the stored answer, if any, is shown
  return box;
}

/** Waits until every island on the page has hydrated (after scrolling through it, a screenful at a time). */
export async function hydrateAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Islands hydrate when any part of them is visible, so steps of 90 % of the window leave none out.
    const step = Math.max(300, Math.floor(window.innerHeight * 0.9));
    for (let y = 0; y < document.body.scrollHeight; y += step) {
      window.scrollTo({ top: y, behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    }
  });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

import yaml from 'js-yaml';
import type { Exercise } from '../../src/lib/exercises/schema';

/** The exercises of a section as its author wrote them (the answer key the test checks against). */
export function exercisesOf(lang: string, section: string, module: string = MODULE): Exercise[] {
  const source = readFileSync(`content/modules/${lang}/${module}/${section}.mdx`, 'utf8');
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

import type { AnswerRecord } from '../../src/lib/progress/schema';

/**
 * The right answer to every exercise of a module, as stored records (all
 * points): seeds a completed module through the import, as a learner's file would.
 */
export function perfectAnswers(module: string, answeredAt = '2026-11-20T10:00:00.000Z'): AnswerRecord[] {
  const sections = COURSE.find((c) => c.module === module)!.sections;
  return sections.flatMap((section) =>
    exercisesOf('en', section, module).map((e): AnswerRecord => {
      const response: AnswerRecord['response'] =
        e.type === 'single'
          ? { type: 'single', selected: e.options.findIndex((o) => o.correct) }
          : e.type === 'multiple'
            ? { type: 'multiple', selected: e.options.flatMap((o, i) => (o.correct ? [i] : [])) }
            : e.type === 'number'
              ? { type: 'number', value: e.answer, text: String(e.answer) }
              : e.type === 'order'
                ? { type: 'order', order: e.items.map((_, i) => i) }
                : e.type === 'match'
                  ? { type: 'match', chosen: e.pairs.map((_, i) => i) }
                  : e.type === 'text'
                    ? { type: 'text', text: 'My own answer.', ticked: e.rubric.map((_, i) => i) }
                    : { type: 'lab', value: e.objective.metric === 'accuracy' ? 1 : 0 };
      return {
        exerciseId: e.id,
        moduleId: module,
        sectionId: section,
        type: e.type,
        response,
        score: e.points,
        maxScore: e.points,
        attempts: 1,
        firstAnsweredAt: answeredAt,
        answeredAt,
      };
    }),
  );
}

/** The stored answers, read straight from IndexedDB (what the test checks is really kept). */
export async function storedAnswers(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('ai4belgium');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('answers')) return db.close(), resolve([]);
          const all = db.transaction('answers').objectStore('answers').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { exerciseId: string }[]).sort((a, b) => a.exerciseId.localeCompare(b.exerciseId)));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * The rules whose result depends on colour. The dark theme changes custom
 * properties only (the same DOM, the same rules), so in it a page is scanned
 * with these; the light theme runs every rule.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Violations = { id: string; nodes: string[] }[];

/**
 * axe on the page as it is now: every WCAG 2.1 AA rule in the light theme,
 * then (unless `dark` is false) the colour rules after switching the same page
 * to the dark theme. Leaves the page in the light theme.
 */
export async function axeBothThemes(page: Page, options: { dark?: boolean; include?: string } = {}): Promise<{ light: Violations; dark: Violations }> {
  const builder = () => (options.include ? new AxeBuilder({ page }).include(options.include) : new AxeBuilder({ page }));
  const list = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): Violations =>
    violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const light = list((await builder().withTags(WCAG_TAGS).analyze()).violations);
  if (options.dark === false) return { light, dark: [] };
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const dark = list((await builder().withRules(COLOUR_RULES).analyze()).violations);
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}
