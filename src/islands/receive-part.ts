/**
 * A QR code scanned on another device opens the progress page with
 * #move=<part>. Parts are collected in this browser's localStorage (each scan
 * may open a new tab) until all have arrived; the fragment is removed from the
 * address bar at once, and never reaches a server.
 */
import type { CodeError } from '../lib/progress/transfer-code';

const KEY = 'ai4b-move-parts';

export type Received =
  | { kind: 'error'; error: CodeError }
  | { kind: 'partial'; index: number; count: number; missing: number[] }
  | { kind: 'complete'; code: string };

export async function receiveLinkPart(): Promise<Received | null> {
  const hash = location.hash;
  if (!hash.startsWith('#move=')) return null;
  history.replaceState(null, '', location.pathname + location.search);
  const { parsePart, addPart, missingParts, assemble } = await import('../lib/progress/transfer-code');
  const part = parsePart(decodeURIComponent(hash.slice('#move='.length)));
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
