/**
 * "Save my progress": the progress file (backup.ts) downloaded by the
 * browser. It includes answers kept only in memory when the store failed,
 * so a learner on a full disk can still take their work with them.
 */
import { downloadText } from '../download';
import { backupText } from './backup';
import { readProgress, saveSetting } from './client';

export function backupFileName(now: Date = new Date()): string {
  return `ai4belgium-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Downloads the file; returns how many answers it holds. */
export async function saveProgressFile(now: Date = new Date()): Promise<number> {
  const { answers } = await readProgress();
  downloadText(backupFileName(now), backupText([...answers.values()], now), 'application/json');
  await saveSetting('lastSavedAt', now.toISOString());
  return answers.size;
}
