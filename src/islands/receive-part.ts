/**
 * Receiving move codes (lib/progress/transfer-code.ts) one part at a time:
 * from a QR link opened on this device (#move=<part>, removed from the
 * address bar at once and never sent to a server), or from this device's
 * camera (QrScan.tsx). Parts are collected in localStorage, since each scan
 * may open a new tab, until all have arrived.
 */
import type { CodeError } from '../lib/progress/transfer-code';

const KEY = 'ai4b-move-parts';
const MARK = '#move=';

export type Received =
  | { kind: 'error'; error: CodeError }
  | { kind: 'partial'; index: number; count: number; missing: number[] }
  | { kind: 'complete'; code: string };

/** The part in a scanned text: a link with #move=…, or the part itself. */
export function partOf(text: string): string {
  const at = text.indexOf(MARK);
  return decodeURIComponent(at >= 0 ? text.slice(at + MARK.length) : text);
}

export async function receivePart(text: string): Promise<Received> {
  const { parsePart, addPart, missingParts, assemble } = await import('../lib/progress/transfer-code');
  const part = parsePart(partOf(text));
  if (!part) return { kind: 'error', error: 'code-damaged' };
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const valid =
    stored && typeof stored.sum === 'string' && typeof stored.count === 'number' && stored.parts && typeof stored.parts === 'object';
  const set = addPart(valid ? stored : null, part);
  const missing = missingParts(set);
  if (missing.length > 0) {
    try {
      localStorage.setItem(KEY, JSON.stringify(set));
    } catch {
      // No localStorage: the learner can still paste the code instead.
    }
    return { kind: 'partial', index: part.index, count: part.count, missing };
  }
  try {
    localStorage.removeItem(KEY);
  } catch {
    // as above
  }
  const whole = assemble(set);
  return whole.ok ? { kind: 'complete', code: whole.code } : { kind: 'error', error: whole.error };
}

/** The part in this page's address, if it was opened from a QR code. */
export async function receiveLinkPart(): Promise<Received | null> {
  const hash = location.hash;
  if (!hash.startsWith(MARK)) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return receivePart(hash);
}
