/**
 * A receipt: what a pupil hands in to their teacher. It names the class, the
 * pupil (their display name and a random id made when they joined, so two
 * pupils with one nickname stay apart), the assigned items, and for each
 * exercise in them the points and when it was answered. No answers' text.
 *
 *   code: R1.<z|j>.<base64url(deflate-raw(JSON) | JSON)>.<crc32 of the base64url>
 *   JSON: [1, classId, pupilId, name, handedIn (s), items, [[exerciseId, score, max, answered (s)], …]]
 *   link: …/<lang>/teach/class/#r=<code>   (a teacher's camera app opens the class page)
 *
 * It is checked for damage and for belonging to the class, not signed: see
 * the teacher's guide on what it does and does not prove.
 */
import { fromBase64Url, toBase64Url } from '../encoding/base64url';
import { canDeflate, deflate, inflate } from '../encoding/deflate';
import { crc32 } from '../progress/checksum';
import type { AnswerRecord } from '../progress/schema';
import { isValidAssignment, MAX_ITEMS, type Assignment, type Decoded } from './assignment';
import { checkText, ID_PATTERN, LIMITS } from './text';

export interface ReceiptAnswer {
  id: string;
  score: number;
  max: number;
  /** ISO time of the answer. */
  at: string;
}

export interface Receipt {
  classId: string;
  pupilId: string;
  name: string;
  handedInAt: string;
  items: string[];
  answers: ReceiptAnswer[];
}

export type ReceiptError =
  | 'receipt-damaged'
  | 'receipt-version'
  | 'receipt-too-large'
  | 'receipt-invalid'
  | 'receipt-name'
  | 'receipt-other-class';

const MAX_CODE = 20_000;
const MAX_JSON = 200_000;
const MAX_ANSWERS = 2_000;
const EXERCISE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Times are whole seconds between 2024 and 2100. */
const MIN_S = Date.UTC(2024, 0, 1) / 1000;
const MAX_S = Date.UTC(2100, 0, 1) / 1000;

const toS = (iso: string) => Math.round(Date.parse(iso) / 1000);
const fromS = (s: number) => new Date(s * 1000).toISOString();

/**
 * The receipt for a class from the learner's stored answers: every exercise
 * of the assigned items (`exercisesOf` lists them from the course catalogue)
 * that has an answer.
 */
export function buildReceipt(
  membership: { assignment: Assignment; pupilId: string; displayName: string },
  answers: ReadonlyMap<string, AnswerRecord>,
  exercisesOf: (item: string) => string[],
  now: Date = new Date(),
): Receipt {
  const ids = [...new Set(membership.assignment.items.flatMap(exercisesOf))];
  return {
    classId: membership.assignment.classId,
    pupilId: membership.pupilId,
    name: membership.displayName.trim(),
    handedInAt: fromS(Math.round(now.getTime() / 1000)),
    items: [...membership.assignment.items],
    answers: ids.flatMap((id) => {
      const a = answers.get(id);
      return a ? [{ id, score: a.score, max: a.maxScore, at: fromS(toS(a.answeredAt)) }] : [];
    }),
  };
}

export async function encodeReceipt(r: Receipt): Promise<string> {
  const json = JSON.stringify([1, r.classId, r.pupilId, r.name, toS(r.handedInAt), r.items, r.answers.map((a) => [a.id, a.score, a.max, toS(a.at)])]);
  const bytes = new TextEncoder().encode(json);
  const [mode, data] = canDeflate() ? ['z', toBase64Url(await deflate(bytes))] : ['j', toBase64Url(bytes)];
  return `R1.${mode}.${data}.${crc32(data)}`;
}

/** The code in a pasted text, a scanned link (#r=…) or a receipt file. */
export function receiptCodeIn(text: string): string {
  const trimmed = String(text).trim();
  const at = trimmed.indexOf('#r=');
  if (at >= 0) return decodeURIComponent(trimmed.slice(at + 3)).trim();
  if (trimmed.startsWith('{')) {
    try {
      const file = JSON.parse(trimmed);
      if (file && typeof file === 'object' && file.format === 'ai4belgium-receipt' && typeof file.code === 'string') return file.code;
    } catch {
      // not a receipt file: decoded (and refused) as it is
    }
  }
  return trimmed;
}

const isSeconds = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= MIN_S && n <= MAX_S;
const isPoints = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1000;

/** Decodes and checks a receipt; with `classId`, refuses one made for another class. */
export async function decodeReceipt(code: string, classId?: string): Promise<Decoded<Receipt, ReceiptError>> {
  const text = receiptCodeIn(code).replace(/\s+/g, '');
  if (text.length > MAX_CODE) return { ok: false, error: 'receipt-too-large' };
  const match = /^R(\d{1,3})\.([a-z])\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(text);
  if (!match) return { ok: false, error: 'receipt-damaged' };
  if (match[1] !== '1' || (match[2] !== 'z' && match[2] !== 'j')) return { ok: false, error: 'receipt-version' };
  if (crc32(match[3]) !== match[4]) return { ok: false, error: 'receipt-damaged' };
  let data: unknown;
  try {
    const bytes = fromBase64Url(match[3]);
    const raw = match[2] === 'z' ? await inflate(bytes, MAX_JSON) : bytes;
    if (raw.length > MAX_JSON) return { ok: false, error: 'receipt-too-large' };
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    return { ok: false, error: error instanceof RangeError ? 'receipt-too-large' : 'receipt-damaged' };
  }
  if (!Array.isArray(data) || data.length !== 7 || data[0] !== 1) return { ok: false, error: 'receipt-invalid' };
  const [, cls, pupilId, name, handedIn, items, answers] = data;
  if (typeof name !== 'string' || checkText(name, LIMITS.displayName) !== null) return { ok: false, error: 'receipt-name' };
  if (
    typeof cls !== 'string' ||
    typeof pupilId !== 'string' ||
    !ID_PATTERN.test(pupilId) ||
    !isSeconds(handedIn) ||
    !Array.isArray(items) ||
    items.length > MAX_ITEMS ||
    !isValidAssignment({ classId: cls, name: 'x', items }) ||
    !Array.isArray(answers) ||
    answers.length > MAX_ANSWERS
  ) {
    return { ok: false, error: 'receipt-invalid' };
  }
  const seen = new Set<string>();
  const list: ReceiptAnswer[] = [];
  for (const a of answers) {
    if (!Array.isArray(a) || a.length !== 4) return { ok: false, error: 'receipt-invalid' };
    const [id, score, max, at] = a;
    if (typeof id !== 'string' || !EXERCISE.test(id) || id.length > 80 || seen.has(id)) return { ok: false, error: 'receipt-invalid' };
    if (!isPoints(score) || !isPoints(max) || score > max || !isSeconds(at) || at > handedIn + 300) {
      return { ok: false, error: 'receipt-invalid' };
    }
    seen.add(id);
    list.push({ id, score, max, at: fromS(at) });
  }
  if (classId !== undefined && cls !== classId) return { ok: false, error: 'receipt-other-class' };
  return {
    ok: true,
    value: { classId: cls, pupilId, name: name.trim(), handedInAt: fromS(handedIn), items: [...items], answers: list },
  };
}
