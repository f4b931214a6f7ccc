/** UI strings: the same keys in all four languages, none empty, same placeholders, none unknown or unused. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';
import { messages, useTranslations } from '../../src/lib/i18n/t';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(astro|tsx?)$/.test(name) ? [path] : [];
  });
}

describe('UI strings (i18n/<lang>.json)', () => {
  const en = Object.keys(messages.en).sort();

  it.each(locales)('%s has exactly the same keys as every other language', (l) => {
    expect(Object.keys(messages[l]).sort()).toEqual(en);
  });

  it.each(locales)('%s has no empty string', (l) => {
    const empty = Object.entries(messages[l]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(locales)('%s uses the same {{placeholders}} as English', (l) => {
    const differing = en.filter((k) => placeholders(messages[l][k]).join() !== placeholders(messages.en[k]).join());
    expect(differing).toEqual([]);
  });

  it('a missing key fails loudly instead of showing the key', () => {
    const t = useTranslations('fr');
    expect(t('nav.progress')).toBe('Ma progression');
    expect(() => t('no.such.key' as never)).toThrow(/Missing UI string/);
  });

  it('plurals resolve per language', () => {
    expect(useTranslations('en')('module.exerciseCount', { count: 1 })).toBe('1 exercise');
    expect(useTranslations('nl')('module.exerciseCount', { count: 9 })).toBe('9 oefeningen');
    expect(useTranslations('de')('exercise.worth', { count: 2 })).toBe('2 Punkte');
  });

  const code = sourceFiles('src').map((f) => readFileSync(f, 'utf8')).join('\n');
  const staticKeys = [...code.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]);
  const dynamicPrefixes = [...code.matchAll(/\bt\(\s*`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
  const base = (k: string) => k.replace(/_(one|other)$/, '');

  it('every key the code uses exists', () => {
    const known = new Set(en.map(base));
    expect(staticKeys.filter((k) => !known.has(k))).toEqual([]);
  });

  it('every key is used by the code', () => {
    const used = new Set(staticKeys);
    const unused = en.map(base).filter((k) => !used.has(k) && !dynamicPrefixes.some((p) => k.startsWith(p)));
    expect([...new Set(unused)]).toEqual([]);
  });
});

for (const [kind, dir, expected] of [
  ['lab', 'src/labs', ['camera', 'digits', 'playground', 'points', 'regression']],
  ['widget', 'src/widgets', ['natural-frequencies', 'route-search', 'spam-filter', 'tic-tac-toe']],
] as const) {
  describe(`${kind} strings (${dir}/<${kind}>/strings.json)`, () => {
    const folders = readdirSync(dir).filter((d) => {
      try {
        return statSync(join(dir, d, 'strings.json')).isFile();
      } catch {
        return false;
      }
    });

    it(`every ${kind} has its strings`, () => {
      expect(folders.sort()).toEqual([...expected]);
    });

    it.each(folders)('%s: the same keys, none empty, the same placeholders in all four languages', (folder) => {
      const strings = JSON.parse(readFileSync(join(dir, folder, 'strings.json'), 'utf8')) as Record<string, Record<string, string>>;
      expect(Object.keys(strings).sort()).toEqual([...locales].sort());
      const keys = Object.keys(strings.en).sort();
      for (const l of locales) {
        expect(Object.keys(strings[l]).sort(), `${folder}/${l}`).toEqual(keys);
        for (const k of keys) {
          expect(strings[l][k].trim(), `${folder}/${l}/${k}`).not.toBe('');
          expect(placeholders(strings[l][k]), `${folder}/${l}/${k}`).toEqual(placeholders(strings.en[k]));
        }
      }
    });
  });
}
