import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeLab, meetsObjective } from '../../src/lib/exercises/grade';
import { isSoftwareRenderer, rankBackends, selectableBackends } from '../../src/lib/ml/backend';
import { knnPredict } from '../../src/lib/ml/knn';
import { accuracy, confusionMatrix, meanAbsoluteError, mistakes } from '../../src/lib/ml/metrics';
import { parameterCount, trainModel } from '../../src/lib/ml/models';
import type { TrainJob } from '../../src/lib/ml/protocol';
import { gaussian, seededRandom } from '../../src/lib/ml/rng';
import { classCount, generatePreset, gridPoints, pointsJob, PRESETS, toFeatures } from '../../src/labs/points/data';
import { expectedOrders, generateDays, regressionJob, scaleTemperature } from '../../src/labs/regression/data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('seeded random numbers', () => {
  it('repeat for the same seed and differ for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });
  it('gaussian numbers have mean about 0 and spread about 1', () => {
    const r = seededRandom(1);
    const xs = Array.from({ length: 20000 }, () => gaussian(r));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('metrics', () => {
  it('accuracy, confusion matrix, mistakes', () => {
    const truth = [0, 0, 1, 1, 2, 2];
    const pred = [0, 1, 1, 1, 2, 0];
    expect(accuracy(truth, pred)).toBeCloseTo(4 / 6);
    expect(confusionMatrix(truth, pred, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(mistakes(truth, pred)).toEqual([1, 5]);
    expect(accuracy([], [])).toBe(0);
    expect(() => accuracy([1], [])).toThrow();
  });
  it('mean absolute error is in the data’s unit', () => {
    expect(meanAbsoluteError([100, 80, 60], [90, 80, 66])).toBeCloseTo((10 + 0 + 6) / 3);
  });
  it('lab objectives: accuracy at least, error at most', () => {
    expect(meetsObjective({ metric: 'accuracy', atLeast: 0.9 }, 0.9)).toBe(true);
    expect(meetsObjective({ metric: 'accuracy', atLeast: 0.9 }, 0.89)).toBe(false);
    expect(meetsObjective({ metric: 'error', atMost: 10 }, 9.99)).toBe(true);
    expect(meetsObjective({ metric: 'error', atMost: 10 }, 10.5)).toBe(false);
    expect(meetsObjective({ metric: 'error', atMost: 10 }, Number.NaN)).toBe(false);
    const lab = { id: 'l', type: 'lab', lab: 'points', points: 2, question: 'q', objective: { metric: 'accuracy', atLeast: 0.9 }, feedback: { correct: 'y', incorrect: 'n' } } as const;
    expect(gradeLab(lab, 0.95)).toEqual({ score: 2, maxScore: 2, verdict: 'correct' });
    expect(gradeLab(lab, 0.5).score).toBe(0);
  });
});

describe('backend choice', () => {
  const noGpu = { webgpu: 'none', webgl: 'software', wasm: true } as const;
  const realGpu = { webgpu: 'hardware', webgl: 'hardware', wasm: true } as const;
  it('never picks a software-rendered GPU automatically', () => {
    expect(rankBackends(noGpu, { parameters: 100 }).order).toEqual(['wasm', 'cpu']);
    expect(rankBackends(noGpu, { parameters: 1e6 })).toEqual({ order: ['wasm', 'cpu'], reason: 'no-graphics-card' });
  });
  it('sends small models to the processor and large ones to a real graphics card', () => {
    expect(rankBackends(realGpu, { parameters: 9 })).toEqual({ order: ['wasm', 'cpu', 'webgpu', 'webgl'], reason: 'small-model' });
    expect(rankBackends(realGpu, { parameters: 1e6 })).toEqual({ order: ['webgpu', 'webgl', 'wasm', 'cpu'], reason: 'graphics-card' });
  });
  it('keeps convolutions off WASM, which cannot train them', () => {
    expect(rankBackends(noGpu, { parameters: 5e4, convolution: true }).order).toEqual(['cpu']);
    expect(selectableBackends(noGpu, { parameters: 5e4, convolution: true })).toEqual(['webgl', 'cpu']);
  });
  it('lets the learner pick any backend that starts, software GPUs included', () => {
    expect(selectableBackends(noGpu, { parameters: 9 })).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('recognises software renderers', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)')).toBe(false);
  });
});

describe('LAB Points data', () => {
  it('presets are deterministic, in the unit square, with a quarter held out', () => {
    for (const preset of PRESETS) {
      const a = generatePreset(preset);
      expect(generatePreset(preset)).toEqual(a);
      expect(generatePreset(preset, 8)).not.toEqual(a);
      expect(a.every((p) => p.x > 0 && p.x < 1 && p.y > 0 && p.y < 1)).toBe(true);
      expect(a.filter((p) => p.test).length).toBe(Math.floor(a.length / 4));
    }
    expect(classCount(generatePreset('three-classes'))).toBe(3);
    expect(classCount(generatePreset('two-clouds'))).toBe(2);
  });
  it('features are centred; the grid covers the square row by row from the top', () => {
    expect(Array.from(toFeatures([{ x: 0.5, y: 1 }]))).toEqual([0, 1]);
    const grid = gridPoints(4);
    expect(grid).toHaveLength(16);
    expect(grid[0]).toEqual({ x: 0.125, y: 0.875 });
    expect(grid[15]).toEqual({ x: 0.875, y: 0.125 });
  });
  it('nearest neighbours: k = 1 follows every point, a larger k outvotes a lone one', () => {
    const train = [
      { x: 0.1, y: 0.1, label: 0 },
      { x: 0.2, y: 0.1, label: 0 },
      { x: 0.15, y: 0.2, label: 0 },
      { x: 0.16, y: 0.14, label: 1 }, // a lone point of class 1 inside class 0
      { x: 0.9, y: 0.9, label: 1 },
    ];
    expect(Array.from(knnPredict(train, [{ x: 0.16, y: 0.145 }], 1))).toEqual([1]);
    expect(Array.from(knnPredict(train, [{ x: 0.16, y: 0.145 }], 3))).toEqual([0]);
    expect(Array.from(knnPredict(train, [{ x: 0.85, y: 0.85 }], 1))).toEqual([1]);
    expect(Array.from(knnPredict([], [{ x: 0, y: 0 }], 3))).toEqual([-1]);
  });
  it('nearest neighbours separates the ring, where a straight line cannot', () => {
    const points = generatePreset('ring');
    const train = points.filter((p) => !p.test);
    const test = points.filter((p) => p.test);
    const acc = accuracy(test.map((p) => p.label), knnPredict(train, test, 3));
    expect(acc).toBeGreaterThanOrEqual(0.9);
  });
});

describe('LAB Regression data', () => {
  it('is deterministic and follows the made-up pattern with noise', () => {
    const days = generateDays();
    expect(generateDays()).toEqual(days);
    expect(days).toHaveLength(60);
    expect(days.filter((d) => d.test)).toHaveLength(15);
    const mae = meanAbsoluteError(days.map((d) => d.orders), days.map((d) => expectedOrders(d.temperature)));
    expect(mae).toBeGreaterThan(2);
    expect(mae).toBeLessThan(6);
    expect(scaleTemperature(15)).toBe(0);
  });
});

/** The labs' own jobs on their default data, reporting less often. */
function pointsJobOf(preset: (typeof PRESETS)[number], epochs = 150): TrainJob {
  return { ...pointsJob(generatePreset(preset), epochs, toFeatures(gridPoints(10))), reportEvery: 25 };
}

function regressionJobOf(model: 'line' | 'curve', epochs = 300): TrainJob {
  return { ...regressionJob(generateDays(), model, epochs), reportEvery: 50 };
}

describe('training (TF.js, CPU backend)', () => {
  it('logistic regression reaches the Points objective (90 % on test points) on the default preset', async () => {
    const reports: number[] = [];
    const { progress } = await trainModel(tf, pointsJobOf('two-clouds'), { onProgress: (p) => reports.push(p.loss) });
    expect(progress.test).toBeGreaterThanOrEqual(0.9);
    expect(progress.probe).toHaveLength(100);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports[reports.length - 1]).toBeLessThan(reports[0]); // the loss goes down
    expect(parameterCount(pointsJobOf('two-clouds'))).toBe(6);
  });

  it('a line and a curve fit the restaurant; the curve does better; both reach the objective (error ≤ 10)', async () => {
    const line = (await trainModel(tf, regressionJobOf('line'))).progress;
    const curve = (await trainModel(tf, regressionJobOf('curve'))).progress;
    expect(line.test).toBeLessThanOrEqual(10);
    expect(curve.test).toBeLessThan(line.test);
  });

  it('stops when asked', async () => {
    let reports = 0;
    const { progress, stopped } = await trainModel(tf, pointsJobOf('two-clouds', 1000), {
      onProgress: () => reports++,
      shouldStop: () => reports >= 2,
    });
    expect(stopped).toBe(true);
    expect(progress.epoch).toBe(50);
  });

  it('does not leak tensors: training many times leaves tf.memory() where it was', async () => {
    await trainModel(tf, pointsJobOf('three-classes', 20)); // warm up (kernel caches)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 15; i++) {
      await trainModel(tf, pointsJobOf('three-classes', 30));
      await trainModel(tf, regressionJobOf('curve', 30));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

import { decodeState, encodeState, stateFromHash } from '../../src/labs/points/state';

describe('LAB Points state in the URL', () => {
  it('round-trips points (to 1/255) and settings', () => {
    const points = generatePreset('three-classes');
    const text = encodeState({ model: 'knn', k: 5, points });
    const back = decodeState(text)!;
    expect(back.model).toBe('knn');
    expect(back.k).toBe(5);
    expect(back.points).toHaveLength(points.length);
    back.points.forEach((p, i) => {
      expect(Math.abs(p.x - points[i].x)).toBeLessThanOrEqual(1 / 255);
      expect(p.label).toBe(points[i].label);
      expect(p.test).toBe(points[i].test);
    });
    expect(stateFromHash(`#points=${text}`).state?.points).toHaveLength(points.length);
    expect(stateFromHash('#other=1')).toEqual({ state: null, present: false });
  });
  it('refuses damaged, hostile or oversized links', () => {
    const good = encodeState({ model: 'logistic', k: 3, points: generatePreset('two-clouds') });
    for (const bad of [
      '', 'v2.knn.3.AAAA', 'v1.svm.3.AAAA', 'v1.knn.0.AAAA', 'v1.knn.99.AAAA', 'v1.knn.3.AA', 'v1.knn.3.<script>',
      'v1.knn.3.////', 'v1.knn.3.AAAG', good.slice(0, -1), `v1.knn.3.${'A'.repeat(4 * 301)}`, 'v1.knn.3.AAA.extra', '__proto__',
    ]) {
      expect(decodeState(bad), bad.slice(0, 30)).toBeNull();
    }
    expect(stateFromHash('#points=garbage')).toEqual({ state: null, present: true });
  });
});

import { plainLogistic, plainRegression } from '../../src/lib/ml/plain';

describe('plain-JavaScript baseline (for the benchmark)', () => {
  it('learns the same tasks as the TF.js models', () => {
    const p = pointsJobOf('two-clouds', 200);
    expect(plainLogistic(p.x, p.y, p.testX, p.testY, 2, 2, 200, 0.1).test).toBeGreaterThanOrEqual(0.9);
    const line = regressionJobOf('line');
    const curve = regressionJobOf('curve');
    const lineResult = plainRegression(line.x, line.y, line.testX, line.testY, 1, 300, 0.1);
    expect(lineResult.test).toBeLessThanOrEqual(10);
    expect(plainRegression(curve.x, curve.y, curve.testX, curve.testY, 2, 300, 0.1).test).toBeLessThan(lineResult.test);
  });
});

import * as regressionState from '../../src/labs/regression/state';

describe('LAB Regression state in the URL', () => {
  it('round-trips and refuses anything else', () => {
    const s = { model: 'curve', epochs: 1000, tomorrow: -3 } as const;
    expect(regressionState.decodeState(regressionState.encodeState(s))).toEqual(s);
    expect(regressionState.stateFromHash('#regression=v1.line.200.24').state).toEqual({ model: 'line', epochs: 200, tomorrow: 24 });
    for (const bad of ['v1.line.201.24', 'v1.spline.200.24', 'v1.line.200.99', 'v2.line.200.24', 'v1.line.200.24.1', 'v1.line.200.2x']) {
      expect(regressionState.decodeState(bad), bad).toBeNull();
    }
    expect(regressionState.stateFromHash('#regression=nonsense')).toEqual({ state: null, present: true });
  });
});
