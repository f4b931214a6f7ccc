/**
 * Seeded, digit-like 28 × 28 pictures for tests: each digit is a few pen
 * strokes (polylines in a unit box), drawn with a random slant, size, shift,
 * stroke width and wobble. The same seed gives the same pictures. Not MNIST,
 * and not used by the lab: tests train on these instead of the shipped file.
 */
import { seededRandom, type Random } from './rng';

export const SIZE = 28;

type Point = [number, number];
/** Strokes of each digit, in a unit box (x right, y down). */
const ring = (cx: number, cy: number, rx: number, ry: number, steps = 14): Point[] =>
  Array.from({ length: steps + 1 }, (_, i) => {
    const a = (i / steps) * 2 * Math.PI;
    return [cx + rx * Math.sin(a), cy - ry * Math.cos(a)];
  });

export const STROKES: Point[][][] = [
  [ring(0.5, 0.5, 0.28, 0.4)],
  [[[0.35, 0.25], [0.55, 0.1], [0.55, 0.9]]],
  [[[0.2, 0.3], [0.35, 0.12], [0.65, 0.12], [0.8, 0.3], [0.2, 0.9], [0.85, 0.9]]],
  [[[0.2, 0.15], [0.75, 0.15], [0.45, 0.45], [0.8, 0.68], [0.55, 0.9], [0.2, 0.85]]],
  [[[0.65, 0.9], [0.65, 0.1], [0.15, 0.65], [0.85, 0.65]]],
  [[[0.8, 0.1], [0.25, 0.1], [0.2, 0.45], [0.7, 0.45], [0.8, 0.7], [0.6, 0.9], [0.2, 0.88]]],
  [[[0.7, 0.1], [0.3, 0.5], [0.25, 0.75], [0.5, 0.9], [0.75, 0.75], [0.7, 0.55], [0.3, 0.58]]],
  [[[0.15, 0.12], [0.85, 0.12], [0.4, 0.9]]],
  [ring(0.5, 0.3, 0.2, 0.2, 10), ring(0.5, 0.7, 0.25, 0.2, 10)],
  [ring(0.5, 0.32, 0.22, 0.2, 10), [[0.72, 0.32], [0.65, 0.9]]],
];

/** Distance from p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Draws strokes (already in pixel coordinates) into a SIZE × SIZE image, anti-aliased. */
export function drawStrokes(strokes: Point[][], thickness: number, into = new Float32Array(SIZE * SIZE)): Float32Array {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let d = Infinity;
      for (const stroke of strokes)
        for (let i = 1; i < stroke.length; i++)
          d = Math.min(d, segmentDistance(x + 0.5, y + 0.5, stroke[i - 1][0], stroke[i - 1][1], stroke[i][0], stroke[i][1]));
      const v = Math.max(0, Math.min(1, thickness / 2 + 0.5 - d));
      into[y * SIZE + x] = Math.max(into[y * SIZE + x], v);
    }
  }
  return into;
}

/** One digit with random handwriting. */
export function syntheticDigit(digit: number, random: Random): Float32Array {
  const size = 15 + random() * 5;
  const angle = (random() - 0.5) * 0.4;
  const shear = (random() - 0.5) * 0.4;
  const cx = 14 + (random() - 0.5) * 3;
  const cy = 14 + (random() - 0.5) * 3;
  const thickness = 1.4 + random() * 1.2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const strokes = STROKES[digit].map((stroke) =>
    stroke.map(([u, v]): Point => {
      const x = (u - 0.5 + (random() - 0.5) * 0.06 + shear * (0.5 - v)) * size;
      const y = (v - 0.5 + (random() - 0.5) * 0.06) * size;
      return [cx + cos * x - sin * y, cy + sin * x + cos * y];
    }),
  );
  return drawStrokes(strokes, thickness);
}

/** `count` pictures, digits 0..9 in turn (balanced), from the seed. */
export function syntheticDigits(count: number, seed: number): { images: Float32Array; labels: Float32Array } {
  const random = seededRandom(seed);
  const images = new Float32Array(count * SIZE * SIZE);
  const labels = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    images.set(syntheticDigit(i % 10, random), i * SIZE * SIZE);
  }
  return { images, labels };
}
