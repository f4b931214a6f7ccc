/**
 * One class, for its teacher: share it, collect receipts, read the dashboard,
 * edit, copy to a new class, archive or delete. The class is chosen by the
 * address's fragment (#c=<id>); a receipt link (#r=<code>) scanned with a
 * camera app opens here too and is added to its class.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CourseOrder } from '../../lib/classroom/assignment';
import { itemLabel, type TeachCatalog } from '../../lib/classroom/dashboard';
import type { ScanLabels } from '../QrScan';
import { fill } from '../../lib/i18n/fill';
import { formatDate } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locales';
import type { ClassRecord } from '../../lib/progress/schema';
import { ClassDashboard } from './ClassDashboard';
import { ClassForm, type ClassDraft } from './ClassForm';
import { CollectReceipts } from './CollectReceipts';
import { ShareClass } from './ShareClass';
import { useClasses } from './useClasses';

interface Props {
  catalog: TeachCatalog;
  labels: Record<string, string> & ScanLabels;
  locale: Locale;
  teachPath: string;
  classPath: string;
  joinPath: string;
}

const idFromHash = () => (/^#c=([0-9A-Z]{8})$/.exec(location.hash) ?? [])[1] ?? null;

export default function ClassPage({ catalog, labels, locale, teachPath, classPath, joinPath }: Props) {
  const data = useClasses();
  const [classId, setClassId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const course: CourseOrder = catalog;

  const say = (text: string, error = false) => {
    setMessage({ text, error });
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  useEffect(() => {
    const read = async () => {
      if (location.hash.startsWith('#r=')) {
        // A receipt link: add it to the class it names.
        const code = location.hash;
        history.replaceState(null, '', location.pathname);
        const [{ decodeReceipt, receiptCodeIn }, { withDatabase, readClassroom }, { addReceipts }] = await Promise.all([
          import('../../lib/classroom/receipt'),
          import('../../lib/progress/client'),
          import('../../lib/classroom/store'),
        ]);
        const decoded = await decodeReceipt(code);
        if (!decoded.ok) return say(labels[`receiptError-${decoded.error}`], true);
        const { classes } = await readClassroom().catch(() => ({ classes: [] as ClassRecord[] }));
        if (!classes.some((c) => c.id === decoded.value.classId)) return say(labels.receiptUnknownClass, true);
        const [outcome] = await withDatabase((db) => addReceipts(db, [{ receipt: decoded.value, code: receiptCodeIn(code).replace(/\s+/g, '') }]));
        history.replaceState(null, '', `${location.pathname}#c=${decoded.value.classId}`);
        setClassId(decoded.value.classId);
        return say(fill(labels.collected, { added: outcome === 'added' ? 1 : 0, updated: outcome === 'updated' ? 1 : 0, older: outcome === 'older' ? 1 : 0, refused: 0 }));
      }
      setClassId(idFromHash());
    };
    void read();
    const onHash = () => void read();
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (data === 'unavailable') return <p class="notice">{labels.unavailable}</p>;
  if (!data) return <p class="meta">{labels.loading}</p>;
  const cls = data.classes.find((c) => c.id === classId);
  const status = (
    <p ref={messageRef} tabIndex={-1} role={message?.error ? 'alert' : 'status'} class={message?.error ? 'error' : undefined} data-testid="class-message">
      {message?.text ?? ''}
    </p>
  );
  if (!cls) {
    return (
      <div>
        {status}
        <p class="notice">{labels.classNotFound}</p>
        <p>
          <a href={teachPath}>{labels.backToClasses}</a>
        </p>
      </div>
    );
  }
  const receipts = data.receipts.filter((r) => r.classId === cls.id);

  async function update(changes: Partial<ClassRecord>) {
    const [{ withDatabase }, { saveClass }] = await Promise.all([import('../../lib/progress/client'), import('../../lib/classroom/store')]);
    await withDatabase((db) => saveClass(db, { ...cls!, ...changes, updatedAt: new Date().toISOString() }));
  }

  async function copy() {
    const [{ withDatabase }, { saveClass }, { randomId }] = await Promise.all([
      import('../../lib/progress/client'),
      import('../../lib/classroom/store'),
      import('../../lib/classroom/text'),
    ]);
    const now = new Date().toISOString();
    const id = randomId();
    const name = fill(labels.copyName, { name: cls!.name }).slice(0, 60);
    await withDatabase((db) => saveClass(db, { ...cls!, id, name, createdAt: now, updatedAt: now, archived: false }));
    location.hash = `c=${id}`;
    say(fill(labels.classCopied, { name }));
  }

  async function remove() {
    const [{ withDatabase }, { deleteClass }] = await Promise.all([import('../../lib/progress/client'), import('../../lib/classroom/store')]);
    await withDatabase((db) => deleteClass(db, cls!.id));
    location.assign(teachPath);
  }

  return (
    <div class="class-page" data-class={cls.id}>
      {status}
      <h2 data-testid="class-name">{cls.name}</h2>
      <p>{cls.items.map((i) => itemLabel(catalog, i)).join(' · ')}</p>
      <p class="meta">
        {cls.due ? fill(labels.dueOn, { date: formatDate(locale, `${cls.due}T12:00:00Z`) }) : labels.noDue}
        {cls.archived && ` · ${labels.archived}`}
      </p>
      {cls.message && <p class="class-message">{cls.message}</p>}

      {editing ? (
        <section aria-labelledby="edit-class">
          <h2 id="edit-class">{labels.editClass}</h2>
          <ClassForm
            catalog={catalog}
            labels={labels}
            initial={cls}
            submitLabel={labels.saveChanges}
            onCancel={() => setEditing(false)}
            onSave={async (draft: ClassDraft) => {
              await update({ name: draft.name, items: draft.items, due: draft.due, message: draft.message });
              setEditing(false);
              say(labels.changesSaved);
            }}
          />
        </section>
      ) : (
        <div class="actions no-print">
          <button type="button" class="button secondary" onClick={() => setEditing(true)}>
            {labels.editClass}
          </button>
          <button type="button" class="button secondary" onClick={copy}>
            {labels.copyClass}
          </button>
          <button type="button" class="button secondary" onClick={() => void update({ archived: !cls.archived }).then(() => say(cls.archived ? labels.unarchived : labels.archivedDone))}>
            {cls.archived ? labels.unarchive : labels.archive}
          </button>
          {confirmDelete ? (
            <span role="group" aria-label={labels.deleteClass}>
              {labels.deleteConfirm}{' '}
              <button type="button" class="button danger" onClick={remove}>
                {labels.deleteYes}
              </button>{' '}
              <button type="button" class="button secondary" autoFocus onClick={() => setConfirmDelete(false)}>
                {labels.cancel}
              </button>
            </span>
          ) : (
            <button type="button" class="button secondary" onClick={() => setConfirmDelete(true)}>
              {labels.deleteClass}
            </button>
          )}
        </div>
      )}

      <section class="no-print" aria-labelledby="share-title">
        <h2 id="share-title">{labels.shareTitle}</h2>
        <ShareClass assignment={{ classId: cls.id, name: cls.name, items: cls.items, due: cls.due, message: cls.message }} course={course} joinPath={joinPath} labels={labels} />
      </section>
      <section class="no-print" aria-labelledby="collect-title">
        <h2 id="collect-title">{labels.collectTitle}</h2>
        <p>{labels.collectIntro}</p>
        <CollectReceipts classId={cls.id} labels={labels} onMessage={say} />
      </section>
      <section aria-labelledby="dashboard-title">
        <h2 id="dashboard-title">{fill(labels.dashboardTitle, { number: receipts.length })}</h2>
        <ClassDashboard cls={cls} receipts={receipts} catalog={catalog} labels={labels} locale={locale} />
      </section>
      <p class="no-print">
        <a href={teachPath}>{labels.backToClasses}</a> · <a href={classPath.replace(/class\/$/, 'guide/')}>{labels.guideLink}</a>
      </p>
    </div>
  );
}
