import { describe, expect, it } from 'vitest';
import { locales, matchLocale } from '../../src/lib/i18n/locales';
import { localisedPath, sectionPath } from '../../src/lib/i18n/paths';

describe('matchLocale (the home page redirect)', () => {
  it.each([
    [['nl-BE', 'fr-BE'], 'nl'],
    [['fr-BE', 'nl-BE'], 'fr'],
    [['de-BE'], 'de'],
    [['en-US', 'en'], 'en'],
    [['es-ES', 'de-DE'], 'de'],
    [['NL'], 'nl'],
    [['fr_CA'], 'fr'],
  ])('%j → %s', (preferred, expected) => {
    expect(matchLocale(preferred, locales)).toBe(expected);
  });

  it('returns null when no language matches', () => {
    expect(matchLocale(['es-ES', 'it'], locales)).toBeNull();
    expect(matchLocale([], locales)).toBeNull();
    expect(matchLocale([''], locales)).toBeNull();
  });

  it('works as inlined source, without the rest of the module', () => {
    const inlined = new Function(`return (${matchLocale.toString()})`)() as typeof matchLocale;
    expect(inlined(['de-BE'], locales)).toBe('de');
  });
});

describe('localisedPath (the language switch)', () => {
  it('keeps the page and changes only the language', () => {
    expect(localisedPath('/nl/', 'fr')).toBe('/fr/');
    expect(localisedPath('/en/modules/what-is-ai/history/', 'de')).toBe('/de/modules/what-is-ai/history/');
    expect(localisedPath('/fr/progress/', 'nl')).toBe('/nl/progress/');
    expect(localisedPath(sectionPath('de', 'what-is-ai', 'defining-ai'), 'en')).toBe('/en/modules/what-is-ai/defining-ai/');
  });
});
