/**
 * Reads a number as a learner types it, in the conventions of their language:
 * "118.256" and "118 256" and "118,256" can all mean 118256, "2,5" and "2.5"
 * both mean 2.5. Returns null for anything that is not a number.
 *
 * Rules, in order:
 * - spaces (also no-break and narrow no-break spaces), apostrophes and a
 *   trailing unit or % sign are ignored;
 * - when both "." and "," appear, the last one is the decimal separator and
 *   the other groups thousands;
 * - when one of them appears several times, it groups thousands;
 * - when it appears once, followed by exactly three digits, it is read as the
 *   language's thousands separator ("." in nl/de/fr, "," in en); otherwise it
 *   is a decimal separator (so "2,5" and "2.5" both work everywhere).
 */
export function parseLocaleNumber(input: string, locale: string): number | null {
  let s = input.trim();
  if (!s) return null;
  // Drop a trailing unit: letters, %, or a currency sign after the number.
  s = s.replace(/[\s\u00a0\u202f]*[%€$£\p{L}][\p{L}\s\u00a0\u202f.%€$£]*$/u, '');
  s = s.replace(/[\s\u00a0\u202f'’]/g, '');
  s = s.replace(/^[−–]/, '-');
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;

  const sign = s.startsWith('-') ? -1 : 1;
  s = s.replace(/^[-+]/, '');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimal: '.' | ',' | null = null;

  if (dots && commas) {
    decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if ((s.match(decimal === '.' ? /\./g : /,/g) ?? []).length > 1) return null;
    if (!validGrouping(s.slice(0, s.lastIndexOf(decimal)), group)) return null;
  } else if (dots > 1 || commas > 1) {
    const group = dots > 1 ? '.' : ',';
    if (!validGrouping(s, group)) return null;
  } else if (dots === 1 || commas === 1) {
    const sep = dots === 1 ? '.' : ',';
    const thousands = locale.startsWith('en') ? ',' : '.';
    const after = s.slice(s.indexOf(sep) + 1);
    const before = s.slice(0, s.indexOf(sep));
    decimal = sep === thousands && /^\d{3}$/.test(after) && /^\d{1,3}$/.test(before) && before !== '0' ? null : sep;
  }

  let normalised = s;
  if (decimal) {
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else {
    normalised = s.replace(/[.,]/g, '');
  }
  if (!/^\d*\.?\d+$|^\d+\.?$/.test(normalised)) return null;
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function validGrouping(integerPart: string, group: string): boolean {
  const parts = integerPart.split(group);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
