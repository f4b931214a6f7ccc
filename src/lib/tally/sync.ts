/**
 * Sending the learner's completions to the public count, only after they said
 * yes (lib/tally/count.ts decides what is pending). Runs when a page with the
 * count's island opens, after a yes, and when the network comes back.
 * The address is fixed at build time (PUBLIC_TALLY_URL); without it the course
 * never counts and never mentions counting.
 */
import { readProgress, saveSetting } from '../progress/client';
import { summarizeModule, type CatalogEntry } from '../progress/summary';
import { pendingItems, reportFor, sendPending, sentItems } from './count';

export const TALLY_URL: string = (import.meta.env.PUBLIC_TALLY_URL as string | undefined) ?? '';

let running: Promise<void> | null = null;

export function syncTally(lang: string, modules: readonly { id: string; catalog: readonly CatalogEntry[] }[]): Promise<void> {
  if (!TALLY_URL) return Promise.resolve();
  running ??= (async () => {
    const { answers, settings } = await readProgress();
    const completed = modules.filter((m) => summarizeModule(m.catalog, answers).status === 'complete').map((m) => m.id);
    const pending = pendingItems(completed, modules.map((m) => m.id), settings);
    if (pending.length === 0) return;
    const confirmed = await sendPending(
      TALLY_URL,
      pending.map((item) => reportFor(item, settings, lang)),
      (url, body) =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          keepalive: true,
        }),
    );
    if (confirmed.length > 0) await saveSetting('tallySent', JSON.stringify([...new Set([...sentItems(settings), ...confirmed])]));
  })().finally(() => (running = null));
  return running;
}
