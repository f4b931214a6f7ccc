/**
 * "My classes" on the progress page: what each class the learner joined
 * assigned, how far they are, the due date, and "hand in": a receipt for the
 * teacher as a QR code, a file and a code to copy (lib/classroom/receipt.ts).
 */
import { useState } from 'preact/hooks';
import { itemExercises, itemLabel, type TeachCatalog } from '../lib/classroom/dashboard';
import { fill } from '../lib/i18n/fill';
import { formatDate } from '../lib/i18n/format';
import type { Locale } from '../lib/i18n/locales';
import type { Membership } from '../lib/progress/schema';
import { copyText } from '../lib/clipboard';
import { downloadText } from '../lib/download';
import { useProgress } from './useProgress';

interface Props {
  catalog: TeachCatalog;
  labels: Record<string, string>;
  locale: Locale;
  /** The teacher's class page in this language: receipt QR codes link to it. */
  classPath: string;
}

interface HandIn {
  code: string;
  image: string;
}

export default function MyClasses({ catalog, labels, locale, classPath }: Props) {
  const progress = useProgress();
  const [handIns, setHandIns] = useState<Record<string, HandIn>>({});
  if (!progress || progress.memberships.length === 0) return null;

  async function handIn(m: Membership) {
    const [{ buildReceipt, encodeReceipt }, { qrImage }, { withDatabase }, { saveMembership }] = await Promise.all([
      import('../lib/classroom/receipt'),
      import('../lib/qr'),
      import('../lib/progress/client'),
      import('../lib/classroom/store'),
    ]);
    const receipt = buildReceipt(m, progress!.answers, (item) => itemExercises(catalog, item).map((e) => e.id));
    const code = await encodeReceipt(receipt);
    const image = await qrImage(`${new URL(classPath, location.href).href}#r=${code}`);
    setHandIns((h) => ({ ...h, [m.classId]: { code, image } }));
    await withDatabase((db) => saveMembership(db, { ...m, handedInAt: receipt.handedInAt })).catch(() => {});
  }

  async function leave(m: Membership) {
    const [{ withDatabase }, { leaveClass }] = await Promise.all([import('../lib/progress/client'), import('../lib/classroom/store')]);
    await withDatabase((db) => leaveClass(db, m.classId)).catch(() => {});
  }

  return (
    <section aria-labelledby="classes" class="my-classes">
      <h2 id="classes" tabIndex={-1}>{labels.title}</h2>
      <ul class="card-list">
        {progress.memberships.map((m) => {
          const a = m.assignment;
          const h = handIns[m.classId];
          const className = a.name || fill(labels.classWithCode, { code: a.classId });
          return (
            <li key={m.classId}>
              <article class="card" data-class={m.classId} aria-labelledby={`class-${m.classId}`}>
                <h3 id={`class-${m.classId}`} style="margin-top:0">{className}</h3>
                <p class="meta">
                  {fill(labels.joinedAs, { name: m.displayName })} ·{' '}
                  {a.due ? fill(labels.dueOn, { date: formatDate(locale, `${a.due}T12:00:00Z`) }) : labels.noDue}
                </p>
                {a.message && <p class="class-message">{a.message}</p>}
                <ul>
                  {a.items.map((item) => {
                    const exercises = itemExercises(catalog, item);
                    const answered = exercises.filter((e) => progress.answers.has(e.id)).length;
                    return (
                      <li key={item} data-item={item}>
                        {itemLabel(catalog, item)}: {fill(labels.itemProgress, { answered, total: exercises.length })}
                      </li>
                    );
                  })}
                </ul>
                {m.handedInAt && <p class="meta">{fill(labels.handedInOn, { date: formatDate(locale, m.handedInAt) })}</p>}
                <div class="actions">
                  <button type="button" class="button" onClick={() => void handIn(m)}>
                    {m.handedInAt ? labels.handInAgain : labels.handIn}
                  </button>
                  <button type="button" class="button secondary" onClick={() => void leave(m)}>
                    {labels.leave}
                  </button>
                </div>
                {h && (
                  <div class="qr-frame" data-testid="receipt">
                    <p>{labels.receiptIntro}</p>
                    <img src={h.image} alt={fill(labels.receiptQrAlt, { name: className })} data-testid="receipt-qr" />
                    <label for={`receipt-${m.classId}`}>{labels.receiptCode}</label>
                    <textarea id={`receipt-${m.classId}`} class="text-field wide" readOnly rows={3} value={h.code} onFocus={(e) => e.currentTarget.select()} />
                    <div class="actions">
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() => void copyText(h.code, document.getElementById(`receipt-${m.classId}`) as HTMLTextAreaElement | null)}
                      >
                        {labels.copyCode}
                      </button>
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() =>
                          downloadText(
                            `receipt-${m.displayName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 30)}-${m.classId}.json`,
                            JSON.stringify({ format: 'ai4belgium-receipt', code: h.code }),
                            'application/json',
                          )
                        }
                      >
                        {labels.saveReceipt}
                      </button>
                    </div>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
