import { formatTags, type Locale } from './locales';

/** A number written as the page's language writes it: 118.256 (nl, de), 118 256 (fr), 118,256 (en). */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(formatTags[locale], { maximumFractionDigits }).format(value);
}

/** A calendar date, long form, in the page's language. */
export function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(formatTags[locale], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
