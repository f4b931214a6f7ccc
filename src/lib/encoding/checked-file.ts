/**
 * The course's files (progress, classes): one JSON object with `format`,
 * `version`, the content, and `checksum` = CRC-32 of the canonical JSON of
 * everything else. Reading refuses, with a reason, anything empty, oversized,
 * not JSON (or cut off), of another kind, of a future or unknown version,
 * changed after saving, or carrying markup, script URLs, invisible or
 * direction-changing characters or prototype-pollution keys anywhere.
 */
import { canonicalJson, crc32 } from '../progress/checksum';

export type FileError =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'wrong-kind'
  | 'future-version'
  | 'unknown-version'
  | 'checksum'
  | 'unsafe';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UNSAFE_TEXT = /[<>`]|javascript:|data:|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/i;
class Unsafe extends Error {}

export function writeCheckedFile(body: { format: string; version: number } & Record<string, unknown>): string {
  return JSON.stringify({ ...body, checksum: crc32(canonicalJson(body)) }, null, 1);
}

export function readCheckedFile(
  text: string,
  { format, version: current, maxChars }: { format: string; version: number; maxChars: number },
): { ok: true; body: Record<string, unknown>; version: number } | { ok: false; error: FileError } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'empty' };
  if (text.length > maxChars) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key) || UNSAFE_TEXT.test(key)) throw new Unsafe();
      if (typeof value === 'string' && UNSAFE_TEXT.test(value)) throw new Unsafe();
      return value;
    });
  } catch (error) {
    return { ok: false, error: error instanceof Unsafe ? 'unsafe' : 'not-json' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== format) {
    return { ok: false, error: 'wrong-kind' };
  }
  const { checksum, ...body } = data as Record<string, unknown>;
  const { version } = body;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: 'unknown-version' };
  if (version > current) return { ok: false, error: 'future-version' };
  if (typeof checksum !== 'string' || checksum !== crc32(canonicalJson(body))) return { ok: false, error: 'checksum' };
  return { ok: true, body, version };
}
