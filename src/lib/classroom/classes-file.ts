/**
 * The teacher's classes file: every class and the receipts collected for it,
 * to move to another device or keep a copy. The same checked-file format as
 * the progress file (encoding/checked-file.ts); receipts travel as the codes
 * the pupils handed in and are decoded again, with all their checks, on import.
 */
import { readCheckedFile, writeCheckedFile, type FileError } from '../encoding/checked-file';
import type { ClassRecord, ReceiptRecord } from '../progress/schema';
import { isValidAssignment } from './assignment';
import { decodeReceipt } from './receipt';

export const CLASSES_FORMAT = 'ai4belgium-classes';
export const CLASSES_VERSION = 1;
const MAX_CHARS = 5_000_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function classesFileText(classes: readonly ClassRecord[], receipts: readonly ReceiptRecord[], now = new Date()): string {
  return writeCheckedFile({
    format: CLASSES_FORMAT,
    version: CLASSES_VERSION,
    exportedAt: now.toISOString(),
    classes: classes.map((c) => ({ ...c })),
    receipts: receipts.map((r) => ({ classId: r.classId, code: r.code, receivedAt: r.receivedAt })),
  });
}

export type ClassesFileError = FileError | 'invalid';

function isClassRecord(value: unknown): value is ClassRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const c = value as Record<string, unknown>;
  const allowed = ['id', 'name', 'items', 'due', 'message', 'createdAt', 'updatedAt', 'archived'];
  if (!Object.keys(c).every((k) => allowed.includes(k))) return false;
  return (
    typeof c.id === 'string' &&
    typeof c.name === 'string' &&
    Array.isArray(c.items) &&
    (c.due === undefined || typeof c.due === 'string') &&
    (c.message === undefined || typeof c.message === 'string') &&
    typeof c.createdAt === 'string' &&
    ISO.test(c.createdAt) &&
    typeof c.updatedAt === 'string' &&
    ISO.test(c.updatedAt) &&
    typeof c.archived === 'boolean' &&
    isValidAssignment({ classId: c.id, name: c.name, items: c.items as string[], due: c.due as string | undefined, message: c.message as string | undefined })
  );
}

export async function parseClassesFile(
  text: string,
): Promise<{ ok: true; classes: ClassRecord[]; receipts: ReceiptRecord[] } | { ok: false; error: ClassesFileError }> {
  const read = readCheckedFile(text, { format: CLASSES_FORMAT, version: CLASSES_VERSION, maxChars: MAX_CHARS });
  if (!read.ok) return read;
  const { classes, receipts } = read.body;
  if (!Array.isArray(classes) || !Array.isArray(receipts) || classes.length > 1000 || receipts.length > 50_000) {
    return { ok: false, error: 'invalid' };
  }
  if (!classes.every(isClassRecord) || new Set(classes.map((c) => c.id)).size !== classes.length) return { ok: false, error: 'invalid' };
  const out: ReceiptRecord[] = [];
  for (const r of receipts) {
    if (!r || typeof r !== 'object' || typeof r.code !== 'string' || typeof r.receivedAt !== 'string' || !ISO.test(r.receivedAt)) {
      return { ok: false, error: 'invalid' };
    }
    const decoded = await decodeReceipt(r.code, r.classId);
    if (!decoded.ok || !classes.some((c) => c.id === decoded.value.classId)) return { ok: false, error: 'invalid' };
    out.push({ ...decoded.value, code: r.code, receivedAt: r.receivedAt });
  }
  return { ok: true, classes: classes.map((c) => ({ ...c, items: [...c.items] })), receipts: out };
}
