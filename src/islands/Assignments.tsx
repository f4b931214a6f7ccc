/** On the course home: what the learner's classes assigned, and by when. */
import { itemLabel, type TeachCatalog } from '../lib/classroom/dashboard';
import { fill } from '../lib/i18n/fill';
import { formatDate } from '../lib/i18n/format';
import type { Locale } from '../lib/i18n/locales';
import { useProgress } from './useProgress';

interface Props {
  catalog: TeachCatalog;
  labels: Record<string, string>;
  locale: Locale;
  progressPath: string;
}

export default function Assignments({ catalog, labels, locale, progressPath }: Props) {
  const progress = useProgress();
  if (!progress || progress.memberships.length === 0) return null;
  return (
    <section class="assignments notice" aria-labelledby="assignments-title" data-testid="assignments">
      <h2 id="assignments-title" style="margin-top:0">{labels.title}</h2>
      <ul>
        {progress.memberships.map((m) => (
          <li key={m.classId}>
            <strong>{m.assignment.name || fill(labels.classWithCode, { code: m.classId })}</strong>:{' '}
            {m.assignment.items.map((i) => itemLabel(catalog, i)).join(', ')}
            {m.assignment.due && <> ({fill(labels.dueOn, { date: formatDate(locale, `${m.assignment.due}T12:00:00Z`) })})</>}
          </li>
        ))}
      </ul>
      <p>
        <a href={`${progressPath}#classes`}>{labels.handInLink}</a>
      </p>
    </section>
  );
}
