/**
 * Moving progress to another device without a file: the progress file's text
 * (backup.ts), compressed and written in URL-safe characters, as one code to
 * copy and paste, or cut into parts, each the fragment of a link shown as a
 * QR code. Scanning a part with a phone's camera opens the course's progress
 * page on that phone, which collects the parts and imports them through the
 * same checks as a file. The fragment (#move=…) never reaches any server.
 *
 *   code:  AIB1.z.<base64url of deflate-raw(file text)>   (or .j. when this browser cannot compress)
 *   part:  <i>.<n>.<crc32 of the code>.<slice i of the code>
 *
 * Pure apart from (De)CompressionStream; tested in tests/unit/transfer-code.test.ts.
 */
import { fromBase64Url, toBase64Url } from '../encoding/base64url';
import { canDeflate, deflate, inflate } from '../encoding/deflate';
import { crc32 } from './checksum';
import { MAX_BACKUP_CHARS } from './backup';

const PREFIX = 'AIB1';
/** Characters of the code per QR part: small enough for a phone camera to read from a screen. */
export const PART_SIZE = 600;
export const MAX_PARTS = 20;
const MAX_CODE_CHARS = PART_SIZE * MAX_PARTS;

export type CodeError = 'code-damaged' | 'code-unsupported' | 'code-too-large' | 'code-mixed';

/** The progress file's text as one transfer code. */
export async function encodeTransfer(fileText: string): Promise<string> {
  const bytes = new TextEncoder().encode(fileText);
  if (canDeflate()) return `${PREFIX}.z.${toBase64Url(await deflate(bytes))}`;
  return `${PREFIX}.j.${toBase64Url(bytes)}`;
}

/** A transfer code back to the progress file's text (which parseBackup() then checks). */
export async function decodeTransfer(code: string): Promise<{ ok: true; text: string } | { ok: false; error: CodeError }> {
  const trimmed = code.replace(/\s+/g, '');
  if (trimmed.length > MAX_CODE_CHARS) return { ok: false, error: 'code-too-large' };
  const match = /^AIB(\d+)\.([a-z])\.([A-Za-z0-9_-]+)$/.exec(trimmed);
  if (!match) return { ok: false, error: 'code-damaged' };
  const [, version, mode, data] = match;
  if (version !== '1' || (mode !== 'z' && mode !== 'j')) return { ok: false, error: 'code-unsupported' };
  try {
    const bytes = fromBase64Url(data);
    if (mode === 'z' && !canDeflate()) return { ok: false, error: 'code-unsupported' };
    const raw = mode === 'z' ? await inflate(bytes, MAX_BACKUP_CHARS * 4) : bytes;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch (error) {
    return { ok: false, error: error instanceof RangeError ? 'code-too-large' : 'code-damaged' };
  }
}

export interface Part {
  index: number; // 1-based
  count: number;
  sum: string;
  data: string;
}

/** Cuts a code into QR-sized parts; null when it would need more than MAX_PARTS (use a file). */
export function splitCode(code: string, size = PART_SIZE): string[] | null {
  const count = Math.max(1, Math.ceil(code.length / size));
  if (count > MAX_PARTS) return null;
  const sum = crc32(code);
  return Array.from({ length: count }, (_, i) => `${i + 1}.${count}.${sum}.${code.slice(i * size, (i + 1) * size)}`);
}

export function parsePart(text: string): Part | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.([0-9a-f]{8})\.([A-Za-z0-9._-]{1,2000})$/.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_PARTS || index < 1 || index > count) return null;
  return { index, count, sum: match[3], data: match[4] };
}

/** Parts collected so far, possibly from several scans. */
export interface PartSet {
  sum: string;
  count: number;
  parts: Record<number, string>;
}

/**
 * Adds a part to the set being collected. A part of another code starts a new
 * set (the learner began again with other codes).
 */
export function addPart(set: PartSet | null, part: Part): PartSet {
  if (!set || set.sum !== part.sum || set.count !== part.count) {
    return { sum: part.sum, count: part.count, parts: { [part.index]: part.data } };
  }
  return { ...set, parts: { ...set.parts, [part.index]: part.data } };
}

export function missingParts(set: PartSet): number[] {
  return Array.from({ length: set.count }, (_, i) => i + 1).filter((i) => !(i in set.parts));
}

/** The whole code once every part is in and the pieces add up to the checksum they carry. */
export function assemble(set: PartSet): { ok: true; code: string } | { ok: false; error: CodeError } {
  if (missingParts(set).length > 0) return { ok: false, error: 'code-damaged' };
  const code = Array.from({ length: set.count }, (_, i) => set.parts[i + 1]).join('');
  return crc32(code) === set.sum ? { ok: true, code } : { ok: false, error: 'code-mixed' };
}

/**
 * What the learner pasted: a whole code, or parts / links (one per line, in
 * any order). Returns the whole code, or why not.
 */
export function codeFromPaste(text: string): { ok: true; code: string } | { ok: false; error: CodeError; missing?: number[] } {
  const trimmed = text.trim();
  if (trimmed.startsWith(PREFIX) || /^AIB\d+\./.test(trimmed)) return { ok: true, code: trimmed };
  let set: PartSet | null = null;
  const lines = trimmed.split(/\s+/).filter(Boolean);
  for (const line of lines) {
    const fragment = line.includes('#move=') ? line.slice(line.indexOf('#move=') + 6) : line;
    const part = parsePart(fragment);
    if (!part) return { ok: false, error: 'code-damaged' };
    if (set && set.sum !== part.sum) return { ok: false, error: 'code-mixed' };
    set = addPart(set, part);
  }
  if (!set) return { ok: false, error: 'code-damaged' };
  const missing = missingParts(set);
  if (missing.length > 0) return { ok: false, error: 'code-damaged', missing };
  return assemble(set);
}
