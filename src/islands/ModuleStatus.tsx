/**
 * The learner's status for a module (not started / in progress with points /
 * complete), or for one section of it. Rendered empty at build time and
 * filled in from the store on the learner's device.
 */
import { fill } from '../lib/i18n/fill';
import { summarizeModule, type CatalogEntry } from '../lib/progress/summary';
import type { StatusLabels } from './labels';
import { useProgress } from './useProgress';

interface Props {
  catalog: CatalogEntry[];
  labels: StatusLabels;
  /** The page language's formatting tag (e.g. "fr-BE"), for the completion date. */
  dateLocale: string;
  /** Show the status of this section only. */
  sectionId?: string;
}

export default function ModuleStatus({ catalog, labels, dateLocale, sectionId }: Props) {
  const progress = useProgress();
  if (!progress) return <span class="status" />;
  const summary = summarizeModule(catalog, progress.answers);
  if (sectionId) {
    const s = summary.sections[sectionId] ?? { answered: 0, total: 0, points: 0, maxPoints: 0 };
    const done = s.total > 0 && s.answered === s.total;
    const state = done ? 'complete' : s.answered > 0 ? 'in-progress' : 'not-started';
    return (
      <span class="status" data-status={state}>
        {done ? labels.sectionDone : fill(labels.sectionAnswered, { answered: s.answered, total: s.total })}
      </span>
    );
  }
  const text =
    summary.status === 'complete'
      ? fill(labels.complete, {
          points: summary.points,
          max: summary.maxPoints,
          // Intl directly, not lib/i18n/format: one chunk less on every page.
          date: summary.completedAt
            ? new Intl.DateTimeFormat(dateLocale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(summary.completedAt))
            : '',
        })
      : summary.status === 'in-progress'
        ? fill(labels.inProgress, { points: summary.points, max: summary.maxPoints })
        : labels.notStarted;
  return (
    <span class="status" data-status={summary.status}>
      {text}
    </span>
  );
}
