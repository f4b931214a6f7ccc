/**
 * LAB "Regression" in a link: the model, the training steps and tomorrow's
 * temperature, in the page's URL hash (#regression=v1.curve.1000.24).
 * Anything not fully understood is refused, and the lab keeps its defaults.
 */
import { EPOCH_CHOICES } from '../ui/epochs';
import { TEMPERATURE_RANGE } from './data';

export interface RegressionState {
  model: 'line' | 'curve';
  epochs: number;
  tomorrow: number;
}

export const HASH_KEY = 'regression';

export function encodeState(s: RegressionState): string {
  return `v1.${s.model}.${s.epochs}.${s.tomorrow}`;
}

export function decodeState(text: string): RegressionState | null {
  const m = /^v1\.(line|curve)\.(\d{1,5})\.(-?\d{1,2})$/.exec(text);
  if (!m) return null;
  const epochs = Number(m[2]);
  const tomorrow = Number(m[3]);
  if (!EPOCH_CHOICES.includes(epochs)) return null;
  if (tomorrow < TEMPERATURE_RANGE[0] || tomorrow > TEMPERATURE_RANGE[1]) return null;
  return { model: m[1] as 'line' | 'curve', epochs, tomorrow };
}

export function stateFromHash(hash: string): { state: RegressionState | null; present: boolean } {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(HASH_KEY);
  if (value === null) return { state: null, present: false };
  return { state: decodeState(value), present: true };
}
