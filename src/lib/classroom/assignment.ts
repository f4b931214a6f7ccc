/**
 * An assignment: what a teacher gives a class, carried whole in the join link
 * (no server). Also a short code to type, which carries the class, the items
 * and the due date but not the name or message (they do not fit in a code a
 * pupil can type). Pure; tested in tests/unit/classroom.test.ts, including a
 * fuzz test of the decoders.
 *
 *   link:  …/<lang>/join/#j=J1.<base64url(JSON)>.<crc32 of that base64url>
 *          JSON = [1, classId, name, items, due | "", message | ""]
 *   short: Crockford base32 of bits: version(4) classId(40) dueDay(16) count(5) items(8 each) check(10)
 */
import { fromBase64Url, toBase64Url } from '../encoding/base64url';
import { crc32 } from '../progress/checksum';
import { checkText, CROCKFORD, ID_PATTERN, LIMITS } from './text';

export interface Assignment {
  classId: string;
  /** Empty when the pupil joined by short code. */
  name: string;
  /** Module ids ("what-is-ai") or sections ("what-is-ai/history"). */
  items: string[];
  /** YYYY-MM-DD, or absent. */
  due?: string;
  message?: string;
}

export type JoinError = 'join-damaged' | 'join-version' | 'join-invalid' | 'join-too-large' | 'join-unknown-items';

const ITEM = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_ITEMS = 40;
const MAX_LINK = 4000;

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export function isValidAssignment(a: Assignment, { nameOptional = false } = {}): boolean {
  return (
    ID_PATTERN.test(a.classId) &&
    checkText(a.name, LIMITS.className, { optional: nameOptional }) === null &&
    Array.isArray(a.items) &&
    a.items.length >= 1 &&
    a.items.length <= MAX_ITEMS &&
    a.items.every((i) => typeof i === 'string' && ITEM.test(i)) &&
    new Set(a.items).size === a.items.length &&
    (a.due === undefined || isValidDate(a.due)) &&
    (a.message === undefined || checkText(a.message, LIMITS.message, { optional: true }) === null)
  );
}

export function encodeJoin(a: Assignment): string {
  const json = JSON.stringify([1, a.classId, a.name.trim(), a.items, a.due ?? '', a.message?.trim() ?? '']);
  const data = toBase64Url(new TextEncoder().encode(json));
  return `J1.${data}.${crc32(data)}`;
}

export type Decoded<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function decodeJoin(code: string): Decoded<Assignment, JoinError> {
  const text = String(code).trim();
  if (text.length > MAX_LINK) return { ok: false, error: 'join-too-large' };
  const match = /^J(\d{1,3})\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(text);
  if (!match) return { ok: false, error: 'join-damaged' };
  if (match[1] !== '1') return { ok: false, error: 'join-version' };
  if (crc32(match[2]) !== match[3]) return { ok: false, error: 'join-damaged' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(match[2])));
  } catch {
    return { ok: false, error: 'join-damaged' };
  }
  if (!Array.isArray(data) || data.length !== 6 || data[0] !== 1) return { ok: false, error: 'join-invalid' };
  const [, classId, name, items, due, message] = data;
  if (typeof classId !== 'string' || typeof name !== 'string' || typeof due !== 'string' || typeof message !== 'string') {
    return { ok: false, error: 'join-invalid' };
  }
  const assignment: Assignment = { classId, name: name.trim(), items, ...(due ? { due } : {}), ...(message ? { message: message.trim() } : {}) };
  if (!Array.isArray(items) || !isValidAssignment(assignment)) return { ok: false, error: 'join-invalid' };
  return { ok: true, value: { ...assignment, items: [...items] } };
}

// ---- the short code -------------------------------------------------------

/** Module and section numbers of the course, as the build knows them (order in the syllabus). */
export interface CourseOrder {
  modules: { id: string; order: number; sections: { id: string; order: number }[] }[];
}

const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;

class Bits {
  bits: number[] = [];
  push(value: number, width: number) {
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }
}

function check10(bits: number[]): number {
  return parseInt(crc32(bits.join('')).slice(0, 3), 16) & 0x3ff;
}

/** The short code, grouped in fours: "1ABC-DEFG-…". Null if an item has no number (not in this course). */
export function encodeShort(a: Assignment, course: CourseOrder): string | null {
  const w = new Bits();
  w.push(1, 4);
  for (const ch of a.classId) w.push(CROCKFORD.indexOf(ch), 5);
  w.push(a.due ? Math.round((Date.parse(`${a.due}T00:00:00Z`) - EPOCH) / DAY) + 1 : 0, 16);
  w.push(a.items.length, 5);
  for (const item of a.items) {
    const [moduleId, sectionId] = item.split('/');
    const m = course.modules.find((x) => x.id === moduleId);
    const s = sectionId ? m?.sections.find((x) => x.id === sectionId) : undefined;
    if (!m || m.order > 15 || (sectionId && (!s || s.order > 15))) return null;
    w.push(m.order, 4);
    w.push(s ? s.order : 0, 4);
  }
  w.push(check10(w.bits), 10);
  while (w.bits.length % 5) w.bits.push(0);
  let out = '';
  for (let i = 0; i < w.bits.length; i += 5) out += CROCKFORD[parseInt(w.bits.slice(i, i + 5).join(''), 2)];
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

export function decodeShort(code: string, course: CourseOrder): Decoded<Assignment, JoinError> {
  const clean = String(code)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (clean.length > 80) return { ok: false, error: 'join-too-large' };
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(clean) || clean.length < 16) return { ok: false, error: 'join-damaged' };
  const bits: number[] = [];
  for (const ch of clean) {
    const v = CROCKFORD.indexOf(ch);
    for (let i = 4; i >= 0; i--) bits.push((v >> i) & 1);
  }
  let at = 0;
  const read = (width: number) => {
    if (at + width > bits.length) throw new RangeError('short');
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + bits[at++];
    return v;
  };
  try {
    const version = read(4);
    if (version !== 1) return { ok: false, error: 'join-version' };
    let classId = '';
    for (let i = 0; i < 8; i++) classId += CROCKFORD[read(5)];
    const dueDay = read(16);
    const count = read(5);
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i++) pairs.push([read(4), read(4)]);
    const body = bits.slice(0, at);
    const check = read(10);
    if (check !== check10(body) || bits.slice(at).some((b) => b !== 0) || bits.length - at >= 5) {
      return { ok: false, error: 'join-damaged' };
    }
    const items: string[] = [];
    for (const [mo, so] of pairs) {
      const m = course.modules.find((x) => x.order === mo);
      const s = so ? m?.sections.find((x) => x.order === so) : undefined;
      if (!m || (so && !s)) return { ok: false, error: 'join-unknown-items' };
      items.push(s ? `${m.id}/${s.id}` : m.id);
    }
    const due = dueDay ? new Date(EPOCH + (dueDay - 1) * DAY).toISOString().slice(0, 10) : undefined;
    const assignment: Assignment = { classId, name: '', items, ...(due ? { due } : {}) };
    return isValidAssignment(assignment, { nameOptional: true }) ? { ok: true, value: assignment } : { ok: false, error: 'join-invalid' };
  } catch {
    return { ok: false, error: 'join-damaged' };
  }
}
