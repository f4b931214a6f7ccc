/**
 * The certificate: the learner's name (typed here, kept only on this device),
 * the completed modules with their scores and dates, and the competences they
 * cover. Printable on one A4 page (print styles in global.css) and so savable
 * as PDF from the browser's print dialogue. Built from the learner's own
 * progress by their browser; nobody checks or registers it, and it says so.
 */
import { formatDate } from '../lib/i18n/format';
import { formatTags, type Locale } from '../lib/i18n/locales';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../lib/i18n/fill';
import { saveSetting } from '../lib/progress/client';
import { summarizeModule, type CatalogEntry } from '../lib/progress/summary';
import { useProgress } from './useProgress';

export interface CertificateModule {
  id: string;
  label: string; // "Module 1: What is AI?"
  catalog: CatalogEntry[];
  /** Competences of the module's sections, already translated. */
  ai4k12: string[];
  digcomp: string[];
  aiAct4: boolean;
}

export type CertificateLabels = Record<
  | 'nameLabel' | 'nameHint' | 'none' | 'heading' | 'courseComplete' | 'modulesComplete'
  | 'module' | 'score' | 'completedOn' | 'scoreValue' | 'competencesTitle' | 'ai4k12' | 'digcomp'
  | 'aiAct' | 'issued' | 'fineprint' | 'print' | 'remaining' | 'loading' | 'unnamed',
  string
>;

interface Props {
  modules: CertificateModule[];
  labels: CertificateLabels;
  courseName: string;
  locale: Locale;
}

const MAX_NAME = 80;
/** Control characters and bidirectional overrides could make a name print as something else. */
const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, MAX_NAME);

export default function Certificate({ modules, labels, courseName, locale }: Props) {
  const progress = useProgress();
  const [name, setName] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (progress && name === null) setName(progress.settings.learnerName ?? '');
  }, [progress]);

  if (!progress || name === null) return <p class="meta">{labels.loading}</p>;

  const date = (iso: string) => formatDate(locale, iso);
  const percent = new Intl.NumberFormat(formatTags[locale], { style: 'percent', maximumFractionDigits: 0 });
  const summaries = modules.map((m) => ({ module: m, summary: summarizeModule(m.catalog, progress.answers) }));
  const done = summaries.filter((s) => s.summary.status === 'complete');
  const remaining = summaries.filter((s) => s.summary.status !== 'complete').map((s) => s.module.label);
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  const ai4k12 = unique(done.map((d) => d.module.ai4k12));
  // Sorted by competence number ("1.2 …" before "2.1 …").
  const digcomp = unique(done.map((d) => d.module.digcomp)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const aiAct = done.some((d) => d.module.aiAct4);

  return (
    <div data-completed={done.length} data-testid="certificate-page">
      {done.length === 0 ? (
        <p class="notice" data-testid="certificate-none">
          {labels.none}
        </p>
      ) : (
        <>
          <div class="no-print">
            <label for="certificate-name">{labels.nameLabel}</label>
            <p class="hint" id="certificate-name-hint">
              {labels.nameHint}
            </p>
            <input
              id="certificate-name"
              class="text-field"
              type="text"
              autoComplete="name"
              maxLength={MAX_NAME}
              aria-describedby="certificate-name-hint"
              value={name}
              onInput={(e) => {
                const value = cleanName((e.currentTarget as HTMLInputElement).value);
                setName(value);
                clearTimeout(saveTimer.current);
                saveTimer.current = setTimeout(() => void saveSetting('learnerName', value.trim()), 300);
              }}
            />
            <p>
              <button type="button" class="button" onClick={() => window.print()}>
                {labels.print}
              </button>
            </p>
          </div>

          <section class="certificate" aria-labelledby="certificate-heading" data-testid="certificate">
            <p class="kicker">{courseName}</p>
            <h2 id="certificate-heading">{labels.heading}</h2>
            <p class="certificate-name" data-testid="certificate-name">
              {name.trim() || labels.unnamed}
            </p>
            <p>{fill(remaining.length === 0 ? labels.courseComplete : labels.modulesComplete, { course: courseName })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{labels.module}</th>
                  <th scope="col">{labels.score}</th>
                  <th scope="col">{labels.completedOn}</th>
                </tr>
              </thead>
              <tbody>
                {done.map(({ module, summary }) => (
                  <tr key={module.id} data-module={module.id}>
                    <th scope="row">{module.label}</th>
                    <td>
                      {fill(labels.scoreValue, {
                        points: summary.points,
                        max: summary.maxPoints,
                        percent: percent.format(summary.maxPoints ? summary.points / summary.maxPoints : 0),
                      })}
                    </td>
                    <td>{summary.completedAt ? date(summary.completedAt) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div class="competences">
              <h3>{labels.competencesTitle}</h3>
              <p>{labels.ai4k12}</p>
              <ul>
                {ai4k12.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              {digcomp.length > 0 && (
                <>
                  <p>{labels.digcomp}</p>
                  <ul>
                    {digcomp.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </>
              )}
              {aiAct && <p>{labels.aiAct}</p>}
            </div>
            <p>{fill(labels.issued, { date: date(new Date().toISOString()) })}</p>
            <p class="fine-print">{fill(labels.fineprint, { course: courseName })}</p>
          </section>
        </>
      )}
      {remaining.length > 0 && (
        <p class="no-print" data-testid="certificate-remaining">
          {fill(labels.remaining, { modules: remaining.join(' · ') })}
        </p>
      )}
    </div>
  );
}
