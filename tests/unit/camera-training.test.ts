/**
 * LAB "Teach the camera": the whole path without a browser. Synthetic
 * drawings (a circle or a cross, black on white, in different sizes and
 * places, as the lesson suggests without a camera) are shrunk, stored as
 * examples, split, packed into the lab's job and trained by the worker's
 * convolutional network (src/lib/ml/cnn.ts) on Node's TF.js CPU backend,
 * with the lab's default epochs, learning rate and batch size.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addExamples,
  cameraJob,
  createStore,
  DEFAULT_EPOCHS,
  EPOCH_CHOICES,
  MIN_TEST,
  MIN_TRAIN,
  readiness,
  splitExamples,
  trainingData,
} from '../../src/labs/camera/examples';
import { shrink } from '../../src/labs/camera/shrink';
import { disposeCnn, predictCnn, trainCnn } from '../../src/lib/ml/cnn';
import { accuracy } from '../../src/lib/ml/metrics';
import type { Progress } from '../../src/lib/ml/protocol';
import { seededRandom } from '../../src/lib/ml/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => disposeCnn());

/** A 96 × 96 drawing, thick black strokes on white: a circle or a cross, size and place from the seed. */
function drawing(kind: 'circle' | 'cross', random: () => number): Float32Array {
  const size = 96;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const r = 14 + random() * 16;
  const cx = r + 6 + random() * (size - 2 * r - 12);
  const cy = r + 6 + random() * (size - 2 * r - 12);
  const pen = 4 + random() * 3;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const ink =
        kind === 'circle'
          ? Math.abs(Math.hypot(dx, dy) - r) < pen / 2
          : Math.abs(dx) < r && Math.abs(dy) < r && (Math.abs(dx - dy) < pen / 1.4 || Math.abs(dx + dy) < pen / 1.4);
      if (ink) data.fill(20, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  return shrink({ data, width: size, height: size });
}

describe('the lab’s job trains the camera network', () => {
  it('the default number of epochs is one of the choices', () => {
    expect(EPOCH_CHOICES).toContain(DEFAULT_EPOCHS);
  });

  it('reaches the objective (80 % of the test examples) on two clearly different drawn shapes, with the defaults', async () => {
    const random = seededRandom(5);
    let store = createStore(['circle', 'cross']);
    for (const [classId, kind] of [
      [1, 'circle'],
      [2, 'cross'],
    ] as const) {
      store = addExamples(
        store,
        classId,
        Array.from({ length: 30 }, () => drawing(kind, random)),
        { test: false },
      ).store;
    }
    const split = splitExamples(store);
    const ready = readiness(store, split);
    expect(ready.ok).toBe(true);
    expect(ready.classes.every((c) => c.train >= MIN_TRAIN && c.test >= MIN_TEST)).toBe(true);
    const data = trainingData(store, split);
    const job = cameraJob(data, DEFAULT_EPOCHS);
    const reports: Progress[] = [];
    const started = performance.now();
    // Stopped once the objective is met (as a learner may), to keep the test short.
    const reached = () => reports.some((p) => accuracy(data.testY, p.testPredictions) >= 0.8);
    const { progress } = await trainCnn(tf, job, { onProgress: (p) => reports.push(p), shouldStop: reached });
    const ms = performance.now() - started;
    const final = accuracy(data.testY, progress.testPredictions);
    console.log(
      `camera job: ${data.y.length} training and ${data.testY.length} test drawings; test accuracy ${final} after epoch ${progress.epoch.toFixed(2)} of ${DEFAULT_EPOCHS}, ${Math.round(ms)} ms`,
    );
    expect(reached()).toBe(true);
    expect(progress.epoch).toBeLessThanOrEqual(DEFAULT_EPOCHS);
    // The predictions the lab shows live come from the trained network: one probability per class.
    const live = await predictCnn(tf, data.testX.slice(0, 2 * 3072), 2, false);
    expect(live.probabilities).toHaveLength(4);
    expect(live.probabilities[0] + live.probabilities[1]).toBeCloseTo(1, 4);
  }, 120_000);
});
