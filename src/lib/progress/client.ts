/**
 * What islands call to read and write progress in the browser.
 *
 * Reading uses peek.ts (no Dexie). The first write loads Dexie (db.ts +
 * store.ts) on demand. When the browser refuses IndexedDB, answers are kept in
 * memory for this page only, and callers are told so that they can say it.
 */
import { announceProgressChange } from './events';
import { peekAnswers } from './peek';
import type { AnswerRecord } from './schema';
import type { NewAnswer } from './store';

/** Answers kept only in memory when the browser will not store them. */
const unsaved = new Map<string, AnswerRecord>();

type Writer = { save: (a: NewAnswer) => Promise<AnswerRecord>; reset: () => Promise<void> };
let writer: Promise<Writer> | undefined;

function getWriter(): Promise<Writer> {
  writer ??= Promise.all([import('./db'), import('./store')]).then(async ([{ ProgressDB }, store]) => {
    const db = new ProgressDB();
    await db.open();
    return { save: (a) => store.saveAnswer(db, a), reset: () => store.resetProgress(db) };
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

export interface ProgressSnapshot {
  /** false when this browser will not keep progress (the learner must be told). */
  available: boolean;
  answers: Map<string, AnswerRecord>;
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
  return { available: peek.available, answers };
}

export interface SaveResult {
  saved: boolean;
  record: AnswerRecord;
}

export async function recordAnswer(answer: NewAnswer): Promise<SaveResult> {
  try {
    const record = await (await getWriter()).save(answer);
    unsaved.delete(answer.exerciseId);
    announceProgressChange();
    return { saved: true, record };
  } catch {
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
    return { saved: false, record };
  }
}

/** Deletes all progress; true when the browser's store is empty afterwards. */
export async function clearProgress(): Promise<boolean> {
  unsaved.clear();
  const peek = await peekAnswers();
  try {
    if (peek.available && peek.answers.length > 0) await (await getWriter()).reset();
    announceProgressChange();
    return true;
  } catch {
    announceProgressChange();
    return false;
  }
}
