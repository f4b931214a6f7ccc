/**
 * The progress file: everything the learner has done, in one versioned,
 * checksummed JSON document that any language version of the course, on any
 * device, can read back. The same text travels in the "move to another
 * device" codes (transfer-code.ts), so both go through the same checks.
 *
 *   {
 *     "format": "ai4belgium-progress",
 *     "version": 1,
 *     "exportedAt": "2026-11-25T20:15:00.000Z",
 *     "answers": [AnswerRecord, ...],          // schema.ts; a free-text answer's text is
 *                                              // written as UTF-8 in base64url ("text64"), so
 *                                              // the learner's own words ("<", "data:") pass
 *                                              // the file's markup check unchanged
 *     "checksum": "9ae0daaf"                   // CRC-32 of the canonical JSON of the four fields above
 *   }
 *
 * Reading is strict: a file is accepted whole or refused whole, with a reason
 * the page translates. Pure; tested in tests/unit/backup.test.ts.
 */
import { fromBase64Url, toBase64Url } from '../encoding/base64url';
import { readCheckedFile, writeCheckedFile } from '../encoding/checked-file';
import type { AnswerRecord } from './schema';

export const BACKUP_FORMAT = 'ai4belgium-progress';
export const BACKUP_VERSION = 1;
/** Real progress is a few tens of KB at most; anything far larger is not ours. */
export const MAX_BACKUP_CHARS = 1_000_000;
export const MAX_ANSWERS = 5_000;
/** The longest free-text answer a file may hold (the page allows 2,000 characters). */
export const MAX_TEXT_CHARS = 4_000;
/** Control and bidi characters never belong in a learner's answer. */
const CONTROL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  answers: AnswerRecord[];
}

/** Why a file or code was refused; each has a translated message (import.error.<reason>). */
export type BackupError =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-progress'
  | 'future-version'
  | 'unknown-version'
  | 'checksum'
  | 'unsafe'
  | 'invalid';

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: BackupError };

export function backupText(answers: readonly AnswerRecord[], now: Date = new Date()): string {
  return writeCheckedFile({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    // Sorted, so the same progress always gives the same file.
    answers: [...answers]
      .sort((a, b) => (a.exerciseId < b.exerciseId ? -1 : a.exerciseId > b.exerciseId ? 1 : 0))
      .map(toFileAnswer),
  });
}

/** A free-text answer's text goes into the file as base64url of its UTF-8 bytes. */
function toFileAnswer(a: AnswerRecord): unknown {
  const r = a.response;
  if (r.type !== 'text') return a;
  return { ...a, response: { type: 'text', text64: toBase64Url(new TextEncoder().encode(r.text)), ticked: r.ticked } };
}

/** The file's form of a free-text answer back to the store's, or null when it does not decode to acceptable text. */
function fromFileAnswer(value: unknown): unknown {
  if (!isPlainObject(value) || !isPlainObject(value.response) || value.response.type !== 'text') return value;
  const r = value.response;
  if (!hasExactly(r, ['text64', 'ticked', 'type']) || typeof r.text64 !== 'string' || r.text64.length > MAX_TEXT_CHARS * 6) {
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(r.text64));
  } catch {
    return null;
  }
  if (text.length > MAX_TEXT_CHARS || CONTROL_TEXT.test(text)) return null;
  return { ...value, response: { type: 'text', text, ticked: r.ticked } };
}

export function parseBackup(text: string): ParsedBackup {
  const read = readCheckedFile(text, { format: BACKUP_FORMAT, version: BACKUP_VERSION, maxChars: MAX_BACKUP_CHARS });
  if (!read.ok) return { ok: false, error: read.error === 'wrong-kind' ? 'not-progress' : read.error };
  const { body, version } = read;
  if (!hasExactly(body, ['answers', 'exportedAt', 'format', 'version'])) return { ok: false, error: 'invalid' };
  if (!isIsoDate(body.exportedAt) || !Array.isArray(body.answers) || body.answers.length > MAX_ANSWERS) {
    return { ok: false, error: 'invalid' };
  }
  const seen = new Set<string>();
  const answers: AnswerRecord[] = [];
  for (const fileAnswer of body.answers) {
    const answer = fromFileAnswer(fileAnswer);
    if (!isValidAnswer(answer) || seen.has(answer.exerciseId)) return { ok: false, error: 'invalid' };
    seen.add(answer.exerciseId);
    answers.push(answer);
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version,
      exportedAt: body.exportedAt as string,
      answers: answers.map(copyAnswer),
    },
  };
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** What a learner may have typed into a number exercise that the grader accepted. */
const NUMBER_TEXT = /^[0-9\s.,'’+\-−eE%\u00a0\u202f]{1,40}$/;
const ANSWER_KEYS = [
  'answeredAt',
  'attempts',
  'exerciseId',
  'firstAnsweredAt',
  'maxScore',
  'moduleId',
  'response',
  'score',
  'sectionId',
  'type',
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value).sort();
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO.test(value) && Number.isFinite(Date.parse(value));
}

const isCount = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

/** A short list of small indices; `distinct`: none twice. Match answers may hold -1 (no pick). */
function isIndexList(value: unknown, distinct: boolean): boolean {
  return (
    Array.isArray(value) &&
    value.length <= 16 &&
    value.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= (distinct ? 0 : -1) && i <= 15) &&
    (!distinct || new Set(value).size === value.length)
  );
}

function isValidResponse(type: unknown, response: unknown): boolean {
  if (!isPlainObject(response) || response.type !== type) return false;
  switch (type) {
    case 'single':
      return hasExactly(response, ['selected', 'type']) && isCount(response.selected, 63);
    case 'multiple': {
      const s = response.selected;
      return (
        hasExactly(response, ['selected', 'type']) &&
        Array.isArray(s) &&
        s.length <= 64 &&
        s.every((i) => isCount(i, 63)) &&
        new Set(s).size === s.length
      );
    }
    case 'number':
      return (
        hasExactly(response, ['text', 'type', 'value']) &&
        typeof response.value === 'number' &&
        Number.isFinite(response.value) &&
        typeof response.text === 'string' &&
        NUMBER_TEXT.test(response.text)
      );
    case 'lab':
      return hasExactly(response, ['type', 'value']) && typeof response.value === 'number' && Number.isFinite(response.value);
    case 'order':
      return hasExactly(response, ['order', 'type']) && isIndexList(response.order, true);
    case 'match':
      return hasExactly(response, ['chosen', 'type']) && isIndexList(response.chosen, false);
    case 'text':
      return (
        hasExactly(response, ['text', 'ticked', 'type']) &&
        typeof response.text === 'string' &&
        response.text.length <= MAX_TEXT_CHARS &&
        !CONTROL_TEXT.test(response.text) &&
        isIndexList(response.ticked, true)
      );
    default:
      return false;
  }
}

export function isValidAnswer(value: unknown): value is AnswerRecord {
  if (!isPlainObject(value) || !hasExactly(value, ANSWER_KEYS)) return false;
  const a = value;
  return (
    typeof a.exerciseId === 'string' &&
    ID.test(a.exerciseId) &&
    typeof a.moduleId === 'string' &&
    ID.test(a.moduleId) &&
    typeof a.sectionId === 'string' &&
    ID.test(a.sectionId) &&
    isValidResponse(a.type, a.response) &&
    typeof a.maxScore === 'number' &&
    Number.isFinite(a.maxScore) &&
    a.maxScore >= 0 &&
    a.maxScore <= 1000 &&
    typeof a.score === 'number' &&
    Number.isFinite(a.score) &&
    a.score >= 0 &&
    a.score <= a.maxScore &&
    isCount(a.attempts, 1_000_000) &&
    (a.attempts as number) >= 1 &&
    isIsoDate(a.firstAnsweredAt) &&
    isIsoDate(a.answeredAt) &&
    a.firstAnsweredAt <= a.answeredAt
  );
}

/** A fresh object holding only the documented fields (nothing else from the file survives). */
function copyAnswer(a: AnswerRecord): AnswerRecord {
  const r = a.response;
  const response =
    r.type === 'multiple'
      ? { type: r.type, selected: [...r.selected] }
      : r.type === 'single'
        ? { type: r.type, selected: r.selected }
        : r.type === 'number'
          ? { type: r.type, value: r.value, text: r.text }
          : r.type === 'order'
            ? { type: r.type, order: [...r.order] }
            : r.type === 'match'
              ? { type: r.type, chosen: [...r.chosen] }
              : r.type === 'text'
                ? { type: r.type, text: r.text, ticked: [...r.ticked] }
                : { type: r.type, value: r.value };
  return {
    exerciseId: a.exerciseId,
    moduleId: a.moduleId,
    sectionId: a.sectionId,
    type: a.type,
    response,
    score: a.score,
    maxScore: a.maxScore,
    attempts: a.attempts,
    firstAnsweredAt: a.firstAnsweredAt,
    answeredAt: a.answeredAt,
  };
}

export interface MergePlan {
  /** Records to write: new exercises, and newer answers to known ones. */
  write: AnswerRecord[];
  added: number;
  updated: number;
  /** Answers in the file that are not newer than the ones already here (those stay). */
  kept: number;
}

/**
 * Merging an import into the store: per exercise the newer answer wins; the
 * attempts and the first-answer time of both are kept (the larger count, the
 * earlier time). Nothing already stored is dropped.
 */
export function planMerge(existing: ReadonlyMap<string, AnswerRecord>, incoming: readonly AnswerRecord[]): MergePlan {
  const plan: MergePlan = { write: [], added: 0, updated: 0, kept: 0 };
  for (const answer of incoming) {
    const current = existing.get(answer.exerciseId);
    if (!current) {
      plan.write.push(answer);
      plan.added++;
    } else if (answer.answeredAt > current.answeredAt) {
      plan.write.push({
        ...answer,
        attempts: Math.max(answer.attempts, current.attempts ?? 1),
        firstAnsweredAt:
          current.firstAnsweredAt && current.firstAnsweredAt < answer.firstAnsweredAt
            ? current.firstAnsweredAt
            : answer.firstAnsweredAt,
      });
      plan.updated++;
    } else {
      plan.kept++;
    }
  }
  return plan;
}
