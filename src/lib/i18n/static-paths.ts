import { locales } from './locales';

/** getStaticPaths for pages that exist once per language. */
export function localeStaticPaths() {
  return locales.map((lang) => ({ params: { lang } }));
}
