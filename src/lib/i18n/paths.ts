/** Every URL of the course, in one place. Slugs are the same in every language. */
import type { Locale } from './locales';

const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

export const rootPath = (): string => base;
export const homePath = (l: Locale): string => `${base}${l}/`;
export const progressPath = (l: Locale): string => `${base}${l}/progress/`;
export const aboutDataPath = (l: Locale): string => `${base}${l}/about-data/`;
export const modulePath = (l: Locale, module: string): string => `${base}${l}/modules/${module}/`;
export const sectionPath = (l: Locale, module: string, section: string): string =>
  `${base}${l}/modules/${module}/${section}/`;

/** The same page in another language: only the language segment changes. */
export function localisedPath(path: string, to: Locale): string {
  const rest = (path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '')).replace(/^[a-z]{2}(\/|$)/, '');
  return `${base}${to}/${rest}`;
}
export const certificatePath = (l: Locale): string => `${base}${l}/certificate/`;
export const manifestPath = (l: Locale): string => `${base}${l}/manifest.webmanifest`;
export const teachPath = (l: Locale): string => `${base}${l}/teach/`;
export const teachClassPath = (l: Locale): string => `${base}${l}/teach/class/`;
export const teachGuidePath = (l: Locale): string => `${base}${l}/teach/guide/`;
export const joinPath = (l: Locale): string => `${base}${l}/join/`;
export const impactPath = (l: Locale): string => `${base}${l}/impact/`;
