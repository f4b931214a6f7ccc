/**
 * What islands call to read and write progress in the browser.
 *
 * Reading uses peek.ts (no Dexie). The first write loads Dexie (db.ts +
 * store.ts) on demand. When the browser refuses IndexedDB, or a write fails
 * (a full disk, a store blocked mid-session), answers are kept in memory for
 * this page, callers are told why so that they can say it, and the learner
 * can still save everything to a file (the file includes those answers).
 */
import { announceProgressChange } from './events';
import { peekAnswers } from './peek';
import { requestPersistence } from './persist';
import type { AnswerRecord, ClassRecord, Membership, ReceiptRecord, SettingKey, Settings } from './schema';
import type { NewAnswer } from './store';

/** Answers kept only in memory when the browser will not store them. */
const unsaved = new Map<string, AnswerRecord>();
/** Settings kept only in memory, likewise. */
const unsavedSettings: Settings = {};

type Store = typeof import('./store');
type Writer = { db: import('./db').ProgressDB; store: Store };
let writer: Promise<Writer> | undefined;

function getWriter(): Promise<Writer> {
  writer ??= Promise.all([import('./db'), import('./store')]).then(async ([{ ProgressDB }, store]) => {
    const db = new ProgressDB();
    await db.open();
    return { db, store };
  });
  writer.catch(() => {
    writer = undefined; // try again next time (the learner may free space or leave private mode)
  });
  return writer;
}

/**
 * Starts loading the writer (Dexie) ahead of a save, for example when the
 * learner first picks an answer, so that "check" saves at once.
 */
export function prepareToSave(): void {
  getWriter().catch(() => {});
}

/**
 * Runs `work` with the Dexie database (loading it if needed) and tells every
 * island that the store changed. For the classroom pages, which always write.
 */
export async function withDatabase<T>(work: (db: import('./db').ProgressDB) => Promise<T>): Promise<T> {
  const { db } = await getWriter();
  const result = await work(db);
  announceProgressChange();
  return result;
}

/** A teacher's classes and the receipts collected for them (read through Dexie; nothing announced). */
export async function readClassroom(): Promise<{ classes: ClassRecord[]; receipts: ReceiptRecord[] }> {
  const { db } = await getWriter();
  const [classes, receipts] = await Promise.all([db.classes.toArray(), db.receipts.toArray()]);
  return { classes, receipts };
}

export interface ProgressSnapshot {
  /** false when this browser will not keep progress (the learner must be told). */
  available: boolean;
  answers: Map<string, AnswerRecord>;
  settings: Settings;
  /** The classes this learner joined (lib/classroom). */
  memberships: Membership[];
}

let reading: Promise<ProgressSnapshot> | undefined;

/** The stored answers. Islands hydrating together share one read. */
export function readProgress(): Promise<ProgressSnapshot> {
  reading ??= read().finally(() => {
    reading = undefined;
  });
  return reading;
}

async function read(): Promise<ProgressSnapshot> {
  const peek = await peekAnswers();
  const answers = new Map(peek.answers.map((a) => [a.exerciseId, a]));
  for (const [id, record] of unsaved) answers.set(id, record);
  return { available: peek.available, answers, settings: { ...peek.settings, ...unsavedSettings }, memberships: peek.memberships };
}

/** Why a write did not reach the store: the disk or the site's quota is full, or anything else. */
export type SaveFailure = 'quota' | 'failed';

export interface SaveResult {
  saved: boolean;
  failure?: SaveFailure;
  record: AnswerRecord;
}

/** Dexie wraps the browser's error; the quota error may sit one or two levels down. */
export function failureOf(error: unknown): SaveFailure {
  for (let e = error as { name?: string; inner?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'quota';
    e = e.inner as typeof e;
  }
  return 'failed';
}

let askedToPersist = false;

export async function recordAnswer(answer: NewAnswer): Promise<SaveResult> {
  try {
    const { db, store } = await getWriter();
    const record = await store.saveAnswer(db, answer);
    unsaved.delete(answer.exerciseId);
    announceProgressChange();
    if (!askedToPersist) {
      askedToPersist = true;
      void requestPersistence();
    }
    return { saved: true, record };
  } catch (error) {
    const previous = unsaved.get(answer.exerciseId);
    const at = new Date().toISOString();
    const record: AnswerRecord = {
      ...answer,
      attempts: (previous?.attempts ?? 0) + 1,
      firstAnsweredAt: previous?.firstAnsweredAt ?? at,
      answeredAt: at,
    };
    unsaved.set(answer.exerciseId, record);
    announceProgressChange();
    return { saved: false, failure: failureOf(error), record };
  }
}

export type ImportResult =
  | { ok: true; added: number; updated: number; kept: number }
  | { ok: false; failure: SaveFailure };

/** Adds checked answers from a file or a code; on failure the store is as it was. */
export async function importProgress(answers: readonly AnswerRecord[]): Promise<ImportResult> {
  try {
    const { db, store } = await getWriter();
    const counts = await store.importAnswers(db, answers);
    announceProgressChange();
    return { ok: true, ...counts };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** Keeps a setting (the certificate name, when progress was last saved) on this device. */
export async function saveSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<boolean> {
  try {
    const { db, store } = await getWriter();
    await store.setSetting(db, key, value);
    delete unsavedSettings[key];
    announceProgressChange();
    return true;
  } catch {
    unsavedSettings[key] = value;
    announceProgressChange();
    return false;
  }
}

/** Deletes all progress; true when the browser's store is empty afterwards. */
export async function clearProgress(): Promise<boolean> {
  unsaved.clear();
  for (const key of Object.keys(unsavedSettings) as SettingKey[]) delete unsavedSettings[key];
  const peek = await peekAnswers();
  try {
    if (peek.available && (peek.answers.length > 0 || Object.keys(peek.settings).length > 0)) {
      const { db, store } = await getWriter();
      await store.resetProgress(db);
    }
    announceProgressChange();
    return true;
  } catch {
    announceProgressChange();
    return false;
  }
}
