/** The teacher's guide exists in every language, is real text, and has the same sections everywhere. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';

const read = (lang: string) => readFileSync(`content/teach/${lang}/guide.mdx`, 'utf8');
const body = (text: string) => text.split(/^---$/m).slice(2).join('---');
const words = (text: string) => body(text).replace(/[#*_>|`-]/g, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
const headings = (text: string) => [...body(text).matchAll(/^(#{2,3}) /gm)].map((m) => m[1]);

describe('teacher’s guide (content/teach/<lang>/guide.mdx)', () => {
  it.each(locales)('%s exists with a title and a description', (lang) => {
    expect(existsSync(`content/teach/${lang}/guide.mdx`)).toBe(true);
    const front = read(lang).split(/^---$/m)[1];
    expect(front).toMatch(/^title: .+$/m);
    expect(front).toMatch(/^description: .+$/m);
  });
  it.each(locales)('%s has at least 1,000 words of guidance', (lang) => {
    expect(words(read(lang))).toBeGreaterThanOrEqual(1000);
  });
  it('every language has the same outline of sections', () => {
    const en = headings(read('en'));
    expect(en.filter((h) => h === '##').length).toBeGreaterThanOrEqual(7);
    for (const lang of locales) expect(headings(read(lang)), lang).toEqual(en);
  });
  it.each(locales)('%s says what a receipt does not prove', (lang) => {
    const text = read(lang).toLowerCase();
    const word = { en: 'receipt', nl: 'ontvangstbewijs', fr: 'reçu', de: 'beleg' }[lang];
    expect(text).toContain(word);
  });
});
