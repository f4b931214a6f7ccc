/** A gentle reminder to save or move progress (when: lib/progress/reminder.ts). */
import { fill } from '../lib/i18n/fill';
import { saveSetting } from '../lib/progress/client';
import { evictsStorage } from '../lib/progress/persist';
import { reminderFor } from '../lib/progress/reminder';
import type { CatalogEntry } from '../lib/progress/summary';
import { useProgress } from './useProgress';

export interface ReminderLabels {
  completed: string; // {{module}}
  evicts: string;
  action: string;
  later: string;
}

interface Props {
  modules: { id: string; title: string; catalog: CatalogEntry[] }[];
  labels: ReminderLabels;
  keepHref: string;
}

export default function SaveReminder({ modules, labels, keepHref }: Props) {
  const progress = useProgress();
  if (!progress || !progress.available) return null;
  const standalone = matchMedia?.('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
  const reminder = reminderFor(modules, progress.answers, progress.settings, {
    evicts: evictsStorage(navigator.userAgent, standalone),
    now: new Date(),
  });
  if (!reminder) return null;
  const text =
    reminder.kind === 'completed'
      ? fill(labels.completed, { module: modules.find((m) => m.id === reminder.moduleId)?.title ?? '' })
      : labels.evicts;
  return (
    <aside class="notice" data-reminder={reminder.kind} aria-label={labels.action}>
      <p>{text}</p>
      <div class="actions">
        <a class="button" href={keepHref}>
          {labels.action}
        </a>
        <button type="button" class="button secondary" onClick={() => void saveSetting('reminderSnoozedAt', new Date().toISOString())}>
          {labels.later}
        </button>
      </div>
    </aside>
  );
}
