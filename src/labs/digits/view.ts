/**
 * What the Digits lab shows, as pure functions (unit-tested): the network's
 * answers, where each feature map is strongest, the mistakes worth showing,
 * pictures as canvas pixels. No DOM, no TF.js: the island stays thin.
 */

import { MISTAKES_SHOWN } from './settings';

export interface Answer {
  digit: number;
  probability: number;
}

/** The `count` most probable classes of one row of probabilities, most probable first. */
export function topAnswers(probabilities: ArrayLike<number>, count = 2): Answer[] {
  return Array.from(probabilities, (probability, digit) => ({ digit, probability }))
    .sort((a, b) => b.probability - a.probability || a.digit - b.digit)
    .slice(0, count);
}

export const REGIONS = ['top-left', 'top', 'top-right', 'left', 'centre', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const;
export type Region = (typeof REGIONS)[number] | 'none';

/**
 * Where filter f's feature map is strongest, as one of nine regions (thirds
 * of the height and width), by the centre of its activation mass around the
 * maximum; 'none' when the map is all zero. maps: [height, width, filters].
 */
export function strongestRegion(maps: ArrayLike<number>, height: number, width: number, filters: number, f: number): Region {
  let max = 0;
  for (let i = f; i < maps.length; i += filters) max = Math.max(max, maps[i]);
  if (!(max > 1e-6)) return 'none';
  // The centre of the strongest half of the activations.
  let mass = 0;
  let my = 0;
  let mx = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = maps[(y * width + x) * filters + f];
      if (v >= max / 2) {
        mass += v;
        my += v * (y + 0.5);
        mx += v * (x + 0.5);
      }
    }
  }
  const row = Math.min(2, Math.floor(((my / mass) * 3) / height));
  const col = Math.min(2, Math.floor(((mx / mass) * 3) / width));
  return REGIONS[row * 3 + col];
}

/**
 * The test digits the network gets wrong, the ones it was surest about first
 * (those are the interesting ones), at most `limit`.
 */
export function rankMistakes(truth: ArrayLike<number>, predictions: ArrayLike<number>, probabilities: ArrayLike<number> | undefined, classes: number, limit = MISTAKES_SHOWN): number[] {
  const wrong: { i: number; p: number }[] = [];
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] !== predictions[i]) wrong.push({ i, p: probabilities ? probabilities[i * classes + predictions[i]] : 0 });
  }
  return wrong
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, limit)
    .map((w) => w.i);
}

/** Grey values 0..1 (ink = 1) → RGBA for a canvas, dark ink on white paper. */
export function rgbaFromInk(values: ArrayLike<number>, scale = 1): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = Math.max(0, Math.min(1, values[i] / scale));
    const grey = Math.round(255 - v * 227); // full ink is #1c1c1c, close to the site's text colour
    out[i * 4] = grey;
    out[i * 4 + 1] = grey;
    out[i * 4 + 2] = grey;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** One filter's map from [height, width, filters] values. */
export function mapOf(maps: ArrayLike<number>, filters: number, f: number): Float32Array {
  const out = new Float32Array(maps.length / filters);
  for (let i = 0; i < out.length; i++) out[i] = maps[i * filters + f];
  return out;
}
