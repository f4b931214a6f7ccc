/**
 * The public dashboard: progress toward 1 % of Belgium, from the counting
 * service's published aggregates (cells under 10 people are never published).
 * Numbers in the page's language; the weekly chart has a table beside it.
 */
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../lib/i18n/fill';
import { formatTags, type Locale } from '../lib/i18n/locales';
import { onePercent, POPULATION } from '../lib/tally/count';
import { TALLY_URL } from '../lib/tally/sync';
import type { Aggregates } from '../server/tally/model.ts';

interface Props {
  labels: Record<string, string>;
  locale: Locale;
  modules: { id: string; title: string }[];
}

export default function Impact({ labels, locale, modules }: Props) {
  const [data, setData] = useState<Aggregates | 'error' | null>(null);
  useEffect(() => {
    fetch(`${TALLY_URL.replace(/\/$/, '')}/api/aggregates`, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then(setData, () => setData('error'));
  }, []);
  const nf = new Intl.NumberFormat(formatTags[locale]);
  const pf = new Intl.NumberFormat(formatTags[locale], { style: 'percent', maximumFractionDigits: 2 });
  if (data === null) return <p class="meta">{labels.loading}</p>;
  if (data === 'error') return <p class="notice" role="alert" data-testid="impact-error">{labels.unreachable}</p>;

  const n = (v: number | null) => (v === null ? fill(labels.fewer, { number: data.minCell }) : nf.format(v));
  const bar = (label: string, value: number | null, goal: number, id: string) => (
    <div class="goal" data-goal={id} key={id}>
      <p>
        <strong>{label}</strong>: {fill(labels.ofGoal, { number: n(value), total: nf.format(goal) })}
        {value !== null && ` (${pf.format(value / goal)})`}
      </p>
      <div class="goal-bar" aria-hidden="true">
        <span style={`width:${Math.min(100, ((value ?? 0) / goal) * 100)}%`} />
      </div>
    </div>
  );
  const goal = onePercent(POPULATION.belgium);
  const weeks = data.weeks.slice(-26);
  const top = Math.max(1, ...weeks.map((w) => w.people ?? 0));

  return (
    <div class="impact" data-testid="impact">
      <h2>{labels.goalTitle}</h2>
      {bar(labels.course, data.course, goal, 'course')}
      {bar(labels.anyModule, data.anyModule, goal, 'any-module')}

      <h2>{labels.regionsTitle}</h2>
      {(['flanders', 'wallonia', 'brussels', 'german-community'] as const).map((r) => bar(labels[`region-${r}`], data.regions[r] ?? null, onePercent(POPULATION[r]), r))}
      <p>
        {labels['region-outside']}: {n(data.regions.outside ?? null)} · {labels.other}: {n(data.regions.other ?? null)}
      </p>
      <p class="meta">{labels.regionsNote}</p>

      <h2>{labels.languagesTitle}</h2>
      <ul data-testid="impact-languages">
        {(['nl', 'fr', 'de', 'en'] as const).map((l) => (
          <li key={l} data-lang={l}>
            {labels[`lang-${l}`]}: {n(data.languages[l] ?? null)}
          </li>
        ))}
        <li>{labels.other}: {n(data.languages.other ?? null)}</li>
      </ul>

      <h2>{labels.modulesTitle}</h2>
      <ol class="funnel" data-testid="impact-funnel">
        {modules.map((m) => {
          const v = data.modules[m.id] ?? null;
          const first = data.modules[modules[0]?.id] ?? null;
          return (
            <li key={m.id} data-module={m.id}>
              <span>{m.title}: {n(v)}</span>
              <span class="goal-bar" aria-hidden="true">
                <span style={`width:${first ? Math.min(100, ((v ?? 0) / first) * 100) : 0}%`} />
              </span>
            </li>
          );
        })}
      </ol>

      <h2 id="weeks-title">{labels.weeksTitle}</h2>
      {weeks.length === 0 ? (
        <p>{labels.noWeeks}</p>
      ) : (
        <>
          <svg class="week-chart" viewBox={`0 0 ${Math.max(12, weeks.length) * 24} 120`} role="img" aria-labelledby="weeks-title" preserveAspectRatio="none">
            {weeks.map((w, i) => {
              const h = ((w.people ?? 0) / top) * 110;
              return <rect key={w.week} x={i * 24 + 3} y={115 - h} width={18} height={h} class="fig-accent" />;
            })}
          </svg>
          <table class="class-table">
            <caption class="visually-hidden">{labels.weeksTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.week}</th>
                <th scope="col">{labels.people}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{w.week}</th>
                  <td>{n(w.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{labels.howTitle}</h2>
      <p>{labels.how1}</p>
      <p>{fill(labels.how2, { number: data.minCell })}</p>
      <p>{labels.how3}</p>
    </div>
  );
}
