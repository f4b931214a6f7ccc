/**
 * UI strings: one flat JSON file per language in i18n/<lang>.json, dotted keys.
 * i18next is the engine (interpolation, plurals); it runs at build time only.
 * Pages translate on the server and hand islands the finished strings as
 * props, so no i18next code reaches the learner's browser.
 */
import i18next, { type TOptions } from 'i18next';
import en from '../../../i18n/en.json';
import nl from '../../../i18n/nl.json';
import fr from '../../../i18n/fr.json';
import de from '../../../i18n/de.json';
import { locales, type Locale } from './locales';

/** Every key of the UI strings, plural suffixes removed ("module.exerciseCount_one" → "module.exerciseCount"). */
type RawKey = keyof typeof en;
type StripPlural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type UIKey = StripPlural<RawKey>;

export const messages: Record<Locale, Record<string, string>> = { nl, fr, de, en };

const instance = i18next.createInstance();
instance.init({
  initAsync: false,
  resources: Object.fromEntries(locales.map((l) => [l, { translation: messages[l] }])),
  lng: 'en',
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
} as Parameters<typeof instance.init>[0]);

export type Translate = (key: UIKey, options?: Record<string, unknown>) => string;

/**
 * The translation function for one language. A missing key throws at build
 * time, so an untranslated string can never reach a page.
 */
export function useTranslations(locale: Locale): Translate {
  const fixed = instance.getFixedT(locale);
  return (key, options) => {
    const value = options ? fixed(key, options as TOptions) : fixed(key);
    if (typeof value !== 'string' || value === key) {
      throw new Error(`Missing UI string "${key}" for language "${locale}"`);
    }
    return value;
  };
}
