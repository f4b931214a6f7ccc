/**
 * "Teach": the teacher's classes (kept in this browser), a new class, and the
 * classes file to move them to another device or keep a copy.
 */
import { useRef, useState } from 'preact/hooks';
import type { TeachCatalog } from '../../lib/classroom/dashboard';
import { itemLabel } from '../../lib/classroom/dashboard';
import { fill } from '../../lib/i18n/fill';
import { formatDate } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locales';
import type { ClassRecord } from '../../lib/progress/schema';
import { ClassForm, type ClassDraft } from './ClassForm';
import { downloadText } from '../../lib/download';
import { useClasses } from './useClasses';

interface Props {
  catalog: TeachCatalog;
  labels: Record<string, string>;
  locale: Locale;
  classPath: string;
}

export default function TeachHome({ catalog, labels, locale, classPath }: Props) {
  const data = useClasses();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const say = (text: string, error = false) => {
    setMessage({ text, error });
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  async function create(draft: ClassDraft) {
    const [{ withDatabase }, { saveClass }, { randomId }] = await Promise.all([
      import('../../lib/progress/client'),
      import('../../lib/classroom/store'),
      import('../../lib/classroom/text'),
    ]);
    const now = new Date().toISOString();
    const record: ClassRecord = { id: randomId(), ...draft, createdAt: now, updatedAt: now, archived: false };
    try {
      await withDatabase((db) => saveClass(db, record));
      location.assign(`${classPath}#c=${record.id}`);
    } catch {
      say(labels.storeFailed, true);
    }
  }

  async function saveFile() {
    if (!data || data === 'unavailable') return;
    const { classesFileText } = await import('../../lib/classroom/classes-file');
    downloadText(`ai4belgium-classes-${new Date().toISOString().slice(0, 10)}.json`, classesFileText(data.classes, data.receipts), 'application/json');
    say(fill(labels.classesSaved, { number: data.classes.length }));
  }

  async function loadFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const [{ parseClassesFile }, { withDatabase }, { importClasses }] = await Promise.all([
      import('../../lib/classroom/classes-file'),
      import('../../lib/progress/client'),
      import('../../lib/classroom/store'),
    ]);
    const parsed = file.size > 5_000_000 ? ({ ok: false, error: 'too-large' } as const) : await parseClassesFile(await file.text());
    if (!parsed.ok) return say(labels[`fileError-${parsed.error}`] ?? labels['fileError-invalid'], true);
    try {
      const counts = await withDatabase((db) => importClasses(db, parsed.classes, parsed.receipts));
      say(fill(labels.classesLoaded, { number: counts.classes, total: counts.receipts }));
    } catch {
      say(labels.storeFailed, true);
    }
  }

  if (data === 'unavailable') return <p class="notice">{labels.unavailable}</p>;
  if (!data) return <p class="meta">{labels.loading}</p>;
  const active = data.classes.filter((c) => !c.archived).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const archived = data.classes.filter((c) => c.archived);
  const card = (c: ClassRecord) => {
    const received = data.receipts.filter((r) => r.classId === c.id).length;
    return (
      <li key={c.id}>
        <article class="card" data-class={c.id}>
          <h3 style="margin-top:0">
            <a href={`${classPath}#c=${c.id}`}>{c.name}</a>
          </h3>
          <p>{c.items.map((i) => itemLabel(catalog, i)).join(' · ')}</p>
          <p class="meta">
            {c.due ? fill(labels.dueOn, { date: formatDate(locale, `${c.due}T12:00:00Z`) }) : labels.noDue} ·{' '}
            {fill(labels.receiptCount, { number: received })}
          </p>
        </article>
      </li>
    );
  };

  return (
    <div class="teach-home">
      <p ref={messageRef} tabIndex={-1} role={message?.error ? 'alert' : 'status'} class={message?.error ? 'error' : undefined} data-testid="teach-message">
        {message?.text ?? ''}
      </p>
      <h2>{labels.classesTitle}</h2>
      {active.length === 0 && <p>{labels.noClasses}</p>}
      <ul class="card-list">{active.map(card)}</ul>
      {creating ? (
        <section aria-labelledby="new-class">
          <h2 id="new-class">{labels.newClass}</h2>
          <ClassForm catalog={catalog} labels={labels} submitLabel={labels.createClass} onSave={create} onCancel={() => setCreating(false)} />
        </section>
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setCreating(true)}>
            {labels.newClass}
          </button>
        </p>
      )}
      {archived.length > 0 && (
        <details>
          <summary>{fill(labels.archivedTitle, { number: archived.length })}</summary>
          <ul class="card-list">{archived.map(card)}</ul>
        </details>
      )}
      <h2>{labels.fileTitle}</h2>
      <p>{labels.fileIntro}</p>
      <p>
        <button type="button" class="button secondary" onClick={saveFile} disabled={data.classes.length === 0}>
          {labels.saveClasses}
        </button>
      </p>
      <p>
        <label for="classes-file">{labels.loadClasses}</label>
        <br />
        <input id="classes-file" type="file" accept=".json,application/json" onChange={loadFile} />
      </p>
    </div>
  );
}
