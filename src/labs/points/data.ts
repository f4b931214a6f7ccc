/**
 * LAB "Points": the data. Points on a unit square (x, y in 0..1), each with a
 * class (0, 1, 2) and a role: training point or held-out test point.
 * Presets are generated from a seed, so every learner gets the same start.
 */
import type { TrainJob } from '../../lib/ml/protocol';
import { gaussian, seededRandom } from '../../lib/ml/rng';

export interface LabPoint {
  x: number;
  y: number;
  label: number;
  test: boolean;
}

export const PRESETS = ['two-clouds', 'overlap', 'three-classes', 'ring'] as const;
export type Preset = (typeof PRESETS)[number];

const clamp = (v: number) => Math.min(0.98, Math.max(0.02, v));

/** A preset data set. Every fourth point is held out for testing. */
export function generatePreset(preset: Preset, seed = 7, perClass = 40): LabPoint[] {
  const random = seededRandom(seed);
  const points: LabPoint[] = [];
  const cloud = (cx: number, cy: number, spread: number, label: number) => {
    for (let i = 0; i < perClass; i++) {
      points.push({ x: clamp(cx + spread * gaussian(random)), y: clamp(cy + spread * gaussian(random)), label, test: false });
    }
  };
  if (preset === 'two-clouds') {
    cloud(0.3, 0.35, 0.09, 0);
    cloud(0.7, 0.65, 0.09, 1);
  } else if (preset === 'overlap') {
    cloud(0.4, 0.45, 0.14, 0);
    cloud(0.6, 0.55, 0.14, 1);
  } else if (preset === 'three-classes') {
    cloud(0.25, 0.3, 0.08, 0);
    cloud(0.75, 0.3, 0.08, 1);
    cloud(0.5, 0.75, 0.08, 2);
  } else {
    // An inner disc of one class inside a ring of the other: no straight line can separate them.
    for (let i = 0; i < perClass * 2; i++) {
      const label = i % 2;
      const angle = random() * 2 * Math.PI;
      const r = label === 0 ? 0.13 * Math.sqrt(random()) : 0.27 + 0.12 * random();
      points.push({ x: clamp(0.5 + r * Math.cos(angle)), y: clamp(0.5 + r * Math.sin(angle)), label, test: false });
    }
  }
  // Shuffle (seeded), then hold out every fourth point.
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return points.map((p, i) => ({ ...p, test: i % 4 === 3 }));
}

export function classCount(points: readonly LabPoint[]): number {
  return points.reduce((max, p) => Math.max(max, p.label + 1), 0);
}

/** Model inputs: coordinates centred on the square's middle. */
export function toFeatures(points: readonly { x: number; y: number }[]): Float32Array {
  const out = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    out[2 * i] = (p.x - 0.5) * 2;
    out[2 * i + 1] = (p.y - 0.5) * 2;
  });
  return out;
}

/** A size × size grid of probe points over the square (row by row, from the top). */
export function gridPoints(size: number): { x: number; y: number }[] {
  const grid: { x: number; y: number }[] = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) grid.push({ x: (col + 0.5) / size, y: 1 - (row + 0.5) / size });
  return grid;
}

/** The training job for logistic regression on these points: training points to learn from, test points to judge. */
export function pointsJob(points: readonly LabPoint[], epochs: number, probe?: Float32Array): TrainJob {
  const train = points.filter((p) => !p.test);
  const test = points.filter((p) => p.test);
  return {
    model: 'logistic',
    x: toFeatures(train),
    y: Float32Array.from(train.map((p) => p.label)),
    testX: toFeatures(test),
    testY: Float32Array.from(test.map((p) => p.label)),
    features: 2,
    classes: Math.max(2, classCount(points)),
    epochs,
    learningRate: 0.1,
    reportEvery: 10,
    probe,
  };
}
