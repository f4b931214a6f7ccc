/**
 * LAB "Points" in a link: the points and the settings, packed into the page's
 * URL hash so a learner can share an experiment. Nothing goes to a server.
 *
 *   #points=v1.<model>.<k>.<data>
 *   data: base64url, 3 bytes a point: x (0–255), y (0–255), label × 2 + (test ? 1 : 0)
 *
 * decodeState() checks everything and says no to anything it does not fully
 * understand, so a damaged or hostile link can only fall back to the preset.
 */
import type { LabPoint } from './data';

export type PointsModel = 'logistic' | 'knn';

export interface PointsState {
  model: PointsModel;
  k: number;
  points: LabPoint[];
}

export const MAX_POINTS = 300;
export const HASH_KEY = 'points';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v * 255)));

export function encodeState(state: PointsState): string {
  const points = state.points.slice(0, MAX_POINTS);
  const bytes = new Uint8Array(points.length * 3);
  points.forEach((p, i) => {
    bytes[3 * i] = byte(p.x);
    bytes[3 * i + 1] = byte(p.y);
    bytes[3 * i + 2] = p.label * 2 + (p.test ? 1 : 0);
  });
  return `v1.${state.model}.${state.k}.${toBase64Url(bytes)}`;
}

export function decodeState(text: string): PointsState | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [, model, kText, data] = parts;
  if (model !== 'logistic' && model !== 'knn') return null;
  if (!/^\d{1,2}$/.test(kText)) return null;
  const k = Number(kText);
  if (k < 1 || k > 25) return null;
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length % 3 !== 0 || bytes.length / 3 > MAX_POINTS) return null;
  const points: LabPoint[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const tag = bytes[i + 2];
    if (tag > 5) return null;
    points.push({ x: bytes[i] / 255, y: bytes[i + 1] / 255, label: tag >> 1, test: (tag & 1) === 1 });
  }
  return { model, k, points };
}

/** Reads the state from a location hash such as "#points=v1…"; null when absent or invalid. */
export function stateFromHash(hash: string): { state: PointsState | null; present: boolean } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(HASH_KEY);
  if (value === null) return { state: null, present: false };
  return { state: decodeState(value), present: true };
}
