/**
 * Content parity and quality: every language has the same modules, sections
 * and exercises (ids, types, points, answer keys); each section has enough
 * lesson text, a figure with an alt text, and places each of its exercises
 * exactly once. See content/AUTHORING.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { WIDGET_NAMES } from '../../src/widgets/registry';
import { exerciseSchema, type Exercise } from '../../src/lib/exercises/schema';
import { locales } from '../../src/lib/i18n/locales';

const ROOT = 'content/modules';
const MIN_WORDS = 700;
const FIGURE_CLASSES = new Set([
  'fig-box', 'fig-accent', 'fig-accent-soft', 'fig-warm', 'fig-line', 'fig-arrowhead',
  'fig-label', 'fig-label-small', 'fig-label-on-accent',
]);

interface Section {
  file: string;
  data: Record<string, unknown> & { exercises: Exercise[]; module: string; section: string; order: number };
  body: string;
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

function readSection(file: string): Section {
  const source = readFileSync(file, 'utf8');
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!match) throw new Error(`${file}: no front matter`);
  const data = yaml.load(match[1]) as Section['data'];
  data.exercises = (data.exercises as unknown[]).map((e) => exerciseSchema.parse(e));
  return { file, data, body: match[2] };
}

/** Words of lesson text: the Markdown body without figures, component tags and Markdown symbols. */
export function lessonWords(body: string): number {
  const text = body
    .replace(/<Figure[\s\S]*?<\/Figure>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`|-]+/g, ' ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

const modulesByLocale = Object.fromEntries(locales.map((l) => [l, list(join(ROOT, l))]));
const sections: Record<string, Section> = {};
for (const l of locales)
  for (const m of modulesByLocale[l])
    for (const f of list(join(ROOT, l, m)).filter((f) => f.endsWith('.mdx')))
      sections[`${l}/${m}/${f}`] = readSection(join(ROOT, l, m, f));

/** The answer key of an exercise: everything that must be equal in every language. */
function key(e: Exercise) {
  const common = { id: e.id, type: e.type, points: e.points };
  if (e.type === 'number') return { ...common, answer: e.answer, tolerance: e.tolerance };
  if (e.type === 'lab') return { ...common, lab: e.lab, preset: e.preset, objective: e.objective };
  if (e.type === 'order') return { ...common, items: e.items.length };
  if (e.type === 'match') return { ...common, pairs: e.pairs.length };
  if (e.type === 'text') return { ...common, rubric: e.rubric.length };
  return { ...common, correct: e.options.map((o) => o.correct) };
}

describe('content parity across nl, fr, de, en', () => {
  it('there is content, and every language has the same modules', () => {
    expect(modulesByLocale.en.length).toBeGreaterThan(0);
    for (const l of locales) expect(modulesByLocale[l], l).toEqual(modulesByLocale.en);
  });

  for (const module of modulesByLocale.en) {
    const files = list(join(ROOT, 'en', module));

    it(`${module}: every language has the same files`, () => {
      for (const l of locales) expect(list(join(ROOT, l, module)), l).toEqual(files);
    });

    it(`${module}: module.yaml has the same id and order everywhere`, () => {
      const metas = locales.map((l) => yaml.load(readFileSync(join(ROOT, l, module, 'module.yaml'), 'utf8')) as Record<string, unknown>);
      for (const m of metas) {
        expect(m.id).toBe(module);
        expect(m.order).toBe(metas[0].order);
        expect((m.outcomes as string[]).length).toBe((metas[0].outcomes as string[]).length);
      }
    });

    for (const file of files.filter((f) => f.endsWith('.mdx'))) {
      it(`${module}/${file}: same order, minutes, competences and exercise keys in every language`, () => {
        const en = sections[`en/${module}/${file}`].data;
        for (const l of locales) {
          const d = sections[`${l}/${module}/${file}`].data;
          expect(d.module, l).toBe(module);
          expect(d.section, l).toBe(file.replace(/\.mdx$/, ''));
          expect(d.order, l).toBe(en.order);
          expect(d.minutes, l).toBe(en.minutes);
          expect(d.competences, l).toEqual(en.competences);
          expect(d.exercises.map(key), l).toEqual(en.exercises.map(key));
        }
      });
    }
  }
});

describe('each section, in each language', () => {
  const all = Object.entries(sections);

  it('exercise ids are unique in the whole course', () => {
    for (const l of locales) {
      const ids = all.filter(([k]) => k.startsWith(`${l}/`)).flatMap(([, s]) => s.data.exercises.map((e) => e.id));
      expect(new Set(ids).size, l).toBe(ids.length);
    }
  });

  it.each(all)('%s has at least 700 words of lesson text', (_, s) => {
    expect(lessonWords(s.body)).toBeGreaterThanOrEqual(MIN_WORDS);
  });

  it.each(all)('%s places each exercise exactly once, and only defined ones', (_, s) => {
    const placed = (tag: string) => [...s.body.matchAll(new RegExp(`<${tag}\\s+id="([^"]+)"\\s*/>`, 'g'))].map((m) => m[1]).sort();
    expect(placed('Exercise')).toEqual(s.data.exercises.filter((e) => e.type !== 'lab').map((e) => e.id).sort());
    expect(placed('Lab')).toEqual(s.data.exercises.filter((e) => e.type === 'lab').map((e) => e.id).sort());
  });

  it('every widget is placed, in the same sections in every language, and only known widgets', () => {
    const widgetsOf = (body: string) => [...body.matchAll(/<Widget\s+name="([^"]+)"\s*\/>/g)].map((m) => m[1]);
    const placements = (l: string) =>
      all
        .filter(([k]) => k.startsWith(`${l}/`))
        .flatMap(([k, s]) => widgetsOf(s.body).map((w) => `${k.slice(l.length + 1)}:${w}`))
        .sort();
    for (const l of locales) expect(placements(l), l).toEqual(placements('en'));
    expect([...new Set(placements('en').map((p) => p.split(':')[1]))].sort()).toEqual([...WIDGET_NAMES].sort());
  });

  it.each(all)('%s has a figure with an alt text and labels, in the shared figure style', (_, s) => {
    const figures = [...s.body.matchAll(/<Figure\s([^>]*)>([\s\S]*?)<\/Figure>/g)];
    expect(figures.length).toBeGreaterThan(0);
    for (const [, attrs, svg] of figures) {
      expect(attrs).toMatch(/alt="[^"]{20,}"/);
      expect(svg).toMatch(/<svg[^>]*viewBox=/);
      expect(svg).toMatch(/<text[^>]*>[^<]*\p{L}/u);
      expect(svg).not.toMatch(/\n\s*\n/); // a blank line would end the JSX block in MDX
      expect(svg).not.toMatch(/\bstyle=|(fill|stroke)="#/); // colours come from the theme
      const classes = [...svg.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
      expect(classes.filter((c) => !FIGURE_CLASSES.has(c))).toEqual([]);
    }
  });

  it.each(all)('%s: feedback for every option, and one correct option in single choice', (_, s) => {
    for (const e of s.data.exercises) {
      if (e.type !== 'single' && e.type !== 'multiple') continue;
      for (const o of e.options) expect(o.feedback.length).toBeGreaterThan(10);
      if (e.type === 'single') expect(e.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });
});
