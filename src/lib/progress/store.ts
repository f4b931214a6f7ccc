/**
 * Writing progress. Functions take the database as a parameter, so tests run
 * them on a fresh database each (tests/unit/progress-store.test.ts).
 */
import type { ProgressDB } from './db';
import { planMerge, type MergePlan } from './backup';
import type { AnswerRecord, SettingKey, Settings } from './schema';

export type NewAnswer = Omit<AnswerRecord, 'attempts' | 'firstAnsweredAt' | 'answeredAt'>;

/** Stores the learner's latest answer to an exercise; earlier attempts are counted, not kept. */
export async function saveAnswer(db: ProgressDB, answer: NewAnswer, now: Date = new Date()): Promise<AnswerRecord> {
  return db.transaction('rw', db.answers, async () => {
    const previous = await db.answers.get(answer.exerciseId);
    const at = now.toISOString();
    const record: AnswerRecord = {
      ...answer,
      attempts: (previous?.attempts ?? 0) + 1,
      firstAnsweredAt: previous?.firstAnsweredAt ?? at,
      answeredAt: at,
    };
    await db.answers.put(record);
    return record;
  });
}

export function allAnswers(db: ProgressDB): Promise<AnswerRecord[]> {
  return db.answers.toArray();
}

export function moduleAnswers(db: ProgressDB, moduleId: string): Promise<AnswerRecord[]> {
  return db.answers.where('moduleId').equals(moduleId).toArray();
}

/**
 * Deletes every answer in every language, the settings kept with them (the
 * certificate name) and the classes this learner joined. A teacher's own
 * classes and collected receipts are not the learner's progress and stay.
 */
export async function resetProgress(db: ProgressDB): Promise<void> {
  await db.transaction('rw', [db.answers, db.settings, db.memberships], async () => {
    await db.answers.clear();
    await db.settings.clear();
    await db.memberships.clear();
  });
}

/**
 * Adds imported answers (already checked by parseBackup) in one transaction:
 * the newer answer of each exercise wins. If any write fails, none is kept.
 */
export async function importAnswers(db: ProgressDB, incoming: readonly AnswerRecord[]): Promise<Omit<MergePlan, 'write'>> {
  return db.transaction('rw', db.answers, async () => {
    const existing = new Map((await db.answers.toArray()).map((a) => [a.exerciseId, a]));
    const { write, ...counts } = planMerge(existing, incoming);
    if (write.length > 0) await db.answers.bulkPut(write);
    return counts;
  });
}

export async function setSetting<K extends SettingKey>(db: ProgressDB, key: K, value: Settings[K]): Promise<void> {
  if (value === undefined || value === '') await db.settings.delete(key);
  else await db.settings.put({ key, value });
}
