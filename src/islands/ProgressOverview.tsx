/** "My progress": per module, exercises answered, points earned, and when it was completed. */
import { formatDate } from '../lib/i18n/format';
import type { Locale } from '../lib/i18n/locales';
import { fill } from '../lib/i18n/fill';
import { summarizeModule, type CatalogEntry } from '../lib/progress/summary';
import { useProgress } from './useProgress';

export interface OverviewModule {
  id: string;
  label: string; // "Module 1"
  title: string;
  href: string;
  catalog: CatalogEntry[];
}

export interface OverviewLabels {
  exercises: string; // {{answered}} {{total}}
  points: string; // {{points}} {{max}}
  notStarted: string;
  inProgress: string;
  complete: string;
  completedOn: string; // {{date}}
  loading: string;
  unavailable: string;
}

interface Props {
  modules: OverviewModule[];
  labels: OverviewLabels;
  locale: Locale;
}

export default function ProgressOverview({ modules, labels, locale }: Props) {
  const progress = useProgress();

  const date = (iso: string) => formatDate(locale, iso);

  return (
    <div>
      {progress && !progress.available && <p class="notice" role="status">{labels.unavailable}</p>}
      {!progress && <p class="meta">{labels.loading}</p>}
      <ul class="card-list">
        {modules.map((m) => {
          const s = progress ? summarizeModule(m.catalog, progress.answers) : null;
          const status = s
            ? s.status === 'complete'
              ? labels.complete
              : s.status === 'in-progress'
                ? labels.inProgress
                : labels.notStarted
            : '';
          return (
            <li key={m.id}>
              <article class="card" data-module={m.id} aria-labelledby={`progress-${m.id}`}>
                <p class="kicker">{m.label}</p>
                <h2 id={`progress-${m.id}`} style="margin-top:0.2rem">
                  <a href={m.href}>{m.title}</a>
                </h2>
                {s && (
                  <>
                    <p class="status" data-status={s.status}>{status}</p>
                    <ul>
                      <li data-testid="answered">{fill(labels.exercises, { answered: s.answered, total: s.total })}</li>
                      <li data-testid="points">{fill(labels.points, { points: s.points, max: s.maxPoints })}</li>
                      {s.completedAt && <li>{fill(labels.completedOn, { date: date(s.completedAt) })}</li>}
                    </ul>
                  </>
                )}
              </article>
            </li>
          );
        })}
      </ul>

    </div>
  );
}
