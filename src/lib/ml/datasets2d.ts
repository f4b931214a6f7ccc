/**
 * The Playground's data: points of two classes on the plane [-1, 1]², made by
 * seeded generators (the same seed gives the same points on every device), and
 * a seeded split into training and test points. Pure, DOM-free.
 *
 * - xor: four groups in the corners, with an empty margin along the axes;
 *   class 1 where x and y have different signs ("one or the other, not both").
 * - circles: a disc (class 0) inside a ring (class 1).
 * - spiral: two arms wound around each other (1.5 turns each).
 * - clusters: two Gaussian clouds, which overlap more as the noise grows.
 *
 * Noise (0 to 0.5) moves every point away from where its class puts it (the
 * label stays), so noisy classes spill into each other. For the clusters, the
 * noise widens the clouds instead.
 */
import { gaussian, seededRandom, type Random } from './rng';

export const DATASETS = ['xor', 'circles', 'spiral', 'clusters'] as const;
export type DatasetName = (typeof DATASETS)[number];

export interface Point2D {
  x: number;
  y: number;
  /** 0 or 1. */
  label: number;
}

export interface SplitPoint extends Point2D {
  /** A held-out test point (never trained on). */
  test: boolean;
}

/** Points in every data set (half of each class). */
export const POINT_COUNT = 400;
/**
 * The seeds every learner's data comes from (listed on the "About the data"
 * page). The clusters' seed was chosen so that the overfitting recipe works
 * reliably (tests/unit/mlp.test.ts); with 40 training points, which points
 * happen to be picked matters.
 */
export const DATA_SEEDS: Record<DatasetName, number> = { xor: 2024, circles: 2024, spiral: 6, clusters: 8 };
/** Turns of each spiral arm. */
export const SPIRAL_TURNS = 1.5;
export const MAX_NOISE = 0.5;

/** XOR: groups around (±0.5, ±0.5), with an empty margin along both axes. */
export const XOR_CENTRE = 0.5;
export const XOR_SPREAD = 0.18;
export const XOR_MARGIN = 0.1;
/** Radii of the circles: the disc, and the ring's inner and outer edge. */
export const DISC_RADIUS = 0.5;
export const RING = [0.7, 1] as const;
/** Cluster centres (class 0 bottom left, class 1 top right) and their spread without noise. */
export const CLUSTER_CENTRE = 0.35;
export const CLUSTER_SPREAD = 0.12;
/** How much the clouds widen per unit of noise: at noise 0.5 the spread is 0.12 + 0.5 × 0.5 = 0.37. */
export const CLUSTER_NOISE_SPREAD = 0.5;

const clamp = (v: number) => Math.min(1, Math.max(-1, v));
const uniform = (random: Random, a: number, b: number) => a + (b - a) * random();

/** One point of class `label` before noise. */
function place(name: DatasetName, label: number, random: Random, noise: number): { x: number; y: number } {
  switch (name) {
    case 'xor': {
      // Class 0: same signs (bottom left, top right); class 1: different signs.
      const sx = random() < 0.5 ? -1 : 1;
      const sy = label === 0 ? sx : -sx;
      for (;;) {
        const x = XOR_CENTRE + XOR_SPREAD * gaussian(random);
        const y = XOR_CENTRE + XOR_SPREAD * gaussian(random);
        if (x >= XOR_MARGIN && x <= 1 && y >= XOR_MARGIN && y <= 1) return { x: sx * x, y: sy * y };
      }
    }
    case 'circles': {
      const angle = uniform(random, 0, 2 * Math.PI);
      const r = label === 0 ? DISC_RADIUS * Math.sqrt(random()) : uniform(random, RING[0], RING[1]);
      return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
    }
    case 'spiral': {
      const u = random();
      const r = 0.08 + 0.84 * u;
      const t = SPIRAL_TURNS * 2 * Math.PI * u + (label === 0 ? 0 : Math.PI);
      return { x: r * Math.sin(t), y: r * Math.cos(t) };
    }
    case 'clusters': {
      const centre = label === 0 ? -CLUSTER_CENTRE : CLUSTER_CENTRE;
      const spread = CLUSTER_SPREAD + CLUSTER_NOISE_SPREAD * noise;
      // Resample points that would fall off the plane, so none piles up on its edge.
      for (;;) {
        const x = centre + spread * gaussian(random);
        const y = centre + spread * gaussian(random);
        if (Math.abs(x) <= 1 && Math.abs(y) <= 1) return { x, y };
      }
    }
  }
}

/** How far noise moves a point, per unit of noise (uniformly, in each direction). */
const JITTER: Record<DatasetName, number> = { xor: 1, circles: 1, spiral: 0.4, clusters: 0 };

/**
 * The points of a data set: `count` points, half of each class, in a seeded
 * random order. `noise` is clamped to 0..0.5.
 */
export function generate(name: DatasetName, noise: number, seed = DATA_SEEDS[name], count = POINT_COUNT): Point2D[] {
  const random = seededRandom(seed);
  const n = Math.max(0, Math.min(MAX_NOISE, noise));
  const points: Point2D[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const p = place(name, label, random, n);
    const j = JITTER[name] * n;
    points.push({ x: clamp(p.x + uniform(random, -j, j)), y: clamp(p.y + uniform(random, -j, j)), label });
  }
  return points;
}

/**
 * Marks a share (0.1 to 0.9) of the points of each class as training points,
 * chosen by a seeded shuffle, and the rest as test points. Each class keeps
 * at least one point on each side.
 */
export function split(points: readonly Point2D[], share: number, seed: number): SplitPoint[] {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const s = Math.min(0.9, Math.max(0.1, share));
  const training = new Set<number>();
  for (const label of [0, 1]) {
    const members = points.flatMap((p, i) => (p.label === label ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    const k = members.length < 2 ? members.length : Math.min(members.length - 1, Math.max(1, Math.round(s * members.length)));
    members.slice(0, k).forEach((i) => training.add(i));
  }
  return points.map((p, i) => ({ ...p, test: !training.has(i) }));
}

/** A data set as the lab shows it: its points, split with the data set's own seed. */
export function dataset(name: DatasetName, noise: number, share: number): SplitPoint[] {
  return split(generate(name, noise), share, DATA_SEEDS[name]);
}

/** Inputs (x, y pairs) and labels as the networks take them. */
export function toArrays(points: readonly Point2D[]): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  return { x, y };
}

/**
 * A size × size grid of points over the plane, at the centres of its cells,
 * row by row from the top (y = 1) to the bottom, as (x, y) pairs: the order in
 * which a canvas stores its pixels.
 */
export function grid(size: number): Float32Array {
  const out = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      out[2 * i] = -1 + (2 * (col + 0.5)) / size;
      out[2 * i + 1] = 1 - (2 * (row + 0.5)) / size;
    }
  return out;
}
