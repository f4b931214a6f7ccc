/**
 * The course's languages. All four have equal standing: every page, exercise
 * and message exists in each. The order here is the order of the language
 * switch.
 */
export const locales = ['nl', 'fr', 'de', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Each language's name in itself, for the language switch. */
export const localeNames: Record<Locale, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

/** BCP 47 tags used for number and date formatting (Belgian conventions, British English). */
export const formatTags: Record<Locale, string> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-GB',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the course language for a browser's preferred languages
 * (navigator.languages), or null when none of them is a course language.
 * "nl-BE" → nl, "fr-BE" → fr, "de-BE" → de, "en-US" → en; the first match wins.
 *
 * Self-contained on purpose: the home page inlines this function's source so
 * that the redirect runs before anything else loads.
 */
export function matchLocale(preferred: readonly string[], available: readonly string[]): string | null {
  for (const tag of preferred) {
    const primary = String(tag).trim().toLowerCase().split(/[-_]/)[0];
    if (available.indexOf(primary) !== -1) return primary;
  }
  return null;
}
