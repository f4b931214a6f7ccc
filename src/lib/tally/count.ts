/**
 * The learner's side of the public count (pure; tests/unit/tally-client.test.ts).
 * What is sent for each completed item is exactly `reportFor()`; the pending
 * reports are derived from the learner's progress and what was already sent,
 * so a report made offline is simply still pending until the network returns,
 * and is sent once.
 */
import type { Settings } from '../progress/schema';

export const REGIONS = ['flanders', 'wallonia', 'brussels', 'german-community', 'outside'] as const;
export const AGE_BANDS = ['15-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const COURSE = 'course';

/**
 * 1 % of the population, the coalition's goal (Statbel, 1 January 2025; the
 * German-speaking Community, inside the Walloon Region, 1 January 2024).
 */
export const POPULATION = {
  belgium: 11_825_551,
  flanders: 6_864_766,
  wallonia: 3_704_990,
  brussels: 1_255_795,
  'german-community': 79_479,
} as const;
export const onePercent = (population: number) => Math.ceil(population / 100);

export interface Report {
  token: string;
  item: string;
  lang: string;
  region?: string;
  age?: string;
}

export function sentItems(settings: Settings): string[] {
  try {
    const list = JSON.parse(settings.tallySent ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function reportFor(item: string, settings: Settings, lang: string): Report {
  return {
    token: settings.tallyToken ?? '',
    item,
    lang,
    ...((REGIONS as readonly string[]).includes(settings.tallyRegion ?? '') ? { region: settings.tallyRegion } : {}),
    ...((AGE_BANDS as readonly string[]).includes(settings.tallyAge ?? '') ? { age: settings.tallyAge } : {}),
  };
}

/** Completed items (modules, and "course" when every module is complete) not yet counted. */
export function pendingItems(completedModules: readonly string[], allModules: readonly string[], settings: Settings): string[] {
  if (settings.tallyChoice !== 'yes' || !settings.tallyToken) return [];
  const done = [...completedModules];
  if (allModules.length > 0 && allModules.every((m) => completedModules.includes(m))) done.push(COURSE);
  const sent = new Set(sentItems(settings));
  return done.filter((i) => !sent.has(i));
}

/** A new random token: 128 bits, base64url (22 characters). */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Sends pending reports one by one; returns the items the service confirmed
 * (counted now, or already counted before). Stops at the first network error
 * (offline): the rest stay pending.
 */
export async function sendPending(
  url: string,
  reports: readonly Report[],
  post: (url: string, body: string) => Promise<{ status: number }>,
): Promise<string[]> {
  const confirmed: string[] = [];
  for (const report of reports) {
    let status: number;
    try {
      status = (await post(`${url.replace(/\/$/, '')}/api/completions`, JSON.stringify(report))).status;
    } catch {
      break;
    }
    if (status === 200 || status === 201) confirmed.push(report.item);
    else if (status === 429 || status >= 500) break; // try again later
    // any other 4xx: this report can never be accepted; it stays pending but does not block the others
  }
  return confirmed;
}
