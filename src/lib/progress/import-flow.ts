/**
 * Importing progress from a file's text or a transfer code, through the same
 * checks either way: decode → parseBackup (all or nothing) → one merging
 * transaction. The outcome names a translated message (import.error.<error>).
 */
import { parseBackup, type BackupError } from './backup';
import { importProgress, type SaveFailure } from './client';
import { decodeTransfer, type CodeError } from './transfer-code';

export type ImportError = BackupError | CodeError | SaveFailure;

export type ImportOutcome =
  | { ok: true; added: number; updated: number; kept: number; exportedAt: string }
  | { ok: false; error: ImportError };

export interface Preview {
  ok: true;
  answers: import('./schema').AnswerRecord[];
  exportedAt: string;
}

/** Checks a file's text without storing anything. */
export function checkFile(text: string): Preview | { ok: false; error: ImportError } {
  const parsed = parseBackup(text);
  return parsed.ok ? { ok: true, answers: parsed.backup.answers, exportedAt: parsed.backup.exportedAt } : parsed;
}

/** Checks a transfer code without storing anything. */
export async function checkCode(code: string): Promise<Preview | { ok: false; error: ImportError }> {
  const decoded = await decodeTransfer(code);
  return decoded.ok ? checkFile(decoded.text) : decoded;
}

/** Stores a checked import (merging: the newer answer of each exercise wins). */
export async function applyImport(preview: Preview): Promise<ImportOutcome> {
  const result = await importProgress(preview.answers);
  return result.ok
    ? { ok: true, added: result.added, updated: result.updated, kept: result.kept, exportedAt: preview.exportedAt }
    : { ok: false, error: result.failure };
}
