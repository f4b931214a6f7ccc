/**
 * When to remind the learner to save or move their progress (pure; tested in
 * tests/unit/reminder.test.ts):
 * - after a module is completed, until they save a file, show the move codes,
 *   or put the reminder aside;
 * - on browsers known to delete a site's data after a week without a visit
 *   (persist.ts, evictsStorage), once a week while they have answers and have
 *   not saved them in the last week.
 */
import type { AnswerRecord, Settings } from './schema';
import { summarizeModule, type CatalogEntry } from './summary';

export const EVICTION_DAYS = 7;

export type Reminder = { kind: 'completed'; moduleId: string } | { kind: 'evicts' } | null;

export function reminderFor(
  modules: readonly { id: string; catalog: readonly CatalogEntry[] }[],
  answers: ReadonlyMap<string, AnswerRecord>,
  settings: Settings,
  { evicts, now }: { evicts: boolean; now: Date },
): Reminder {
  const after = (a: string | undefined, b: string) => a !== undefined && a >= b;
  let latest: { moduleId: string; at: string } | null = null;
  for (const m of modules) {
    const s = summarizeModule(m.catalog, answers);
    if (s.completedAt && (!latest || s.completedAt > latest.at)) latest = { moduleId: m.id, at: s.completedAt };
  }
  if (latest && !after(settings.lastSavedAt, latest.at) && !after(settings.reminderSnoozedAt, latest.at)) {
    return { kind: 'completed', moduleId: latest.moduleId };
  }
  if (evicts && answers.size > 0) {
    const weekAgo = new Date(now.getTime() - EVICTION_DAYS * 86_400_000).toISOString();
    if (!after(settings.lastSavedAt, weekAgo) && !after(settings.reminderSnoozedAt, weekAgo)) return { kind: 'evicts' };
  }
  return null;
}
