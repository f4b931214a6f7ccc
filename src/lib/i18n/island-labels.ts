import { messages } from './t';
/**
 * Placeholders that islands fill in on the device (lib/i18n/fill.ts): passed
 * to t() so that i18next leaves them in the string. Never use {{count}} in
 * such strings: i18next reads it as a plural.
 */
export const KEEP_PLACEHOLDERS = Object.fromEntries(
  ['name', 'date', 'n', 'total', 'items', 'added', 'updated', 'older', 'refused', 'file', 'missed', 'answered', 'code', 'due', 'points', 'max', 'number', 'module', 'reason'].map(
    (k) => [k, `{{${k}}}`],
  ),
);

/** The keys of one group of UI strings ("teach" → ["title", "intro", …]), for pages that pass a whole group to an island. */
export function keysUnder(group: string): string[] {
  return Object.keys(messages.en)
    .filter((k) => k.startsWith(`${group}.`))
    .map((k) => k.slice(group.length + 1));
}
