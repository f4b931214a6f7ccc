/**
 * Writing progress. Functions take the database as a parameter, so tests run
 * them on a fresh database each (tests/unit/progress-store.test.ts).
 */
import type { ProgressDB } from './db';
import type { AnswerRecord } from './schema';

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

/** Deletes every answer in every language. */
export async function resetProgress(db: ProgressDB): Promise<void> {
  await db.answers.clear();
}
