/**
 * The convolutional networks of the Digits and camera labs (src/lib/ml/cnn.ts),
 * on Node's TF.js CPU backend (the browser's CPU backend), trained on seeded
 * synthetic digits rather than the shipped MNIST file.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cnnParameterCount,
  disposeCnn,
  fastConvolution,
  featureMapShape,
  imageToColumns,
  layerShapes,
  predictCnn,
  reportSchedule,
  samePadding,
  scoreProbabilities,
  trainCnn,
} from '../../src/lib/ml/cnn';
import type { Progress, TrainJob } from '../../src/lib/ml/protocol';
import { seededRandom } from '../../src/lib/ml/rng';
import { syntheticDigits } from '../../src/lib/ml/synthetic-digits';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => disposeCnn());

const digitsGeometry = { width: 28, height: 28, channels: 1, architecture: 'digits' as const };
const cameraGeometry = { width: 32, height: 32, channels: 3, architecture: 'camera' as const };

function randomArray(n: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

function digitsJob(train: number, test: number, overrides: Partial<TrainJob> = {}, seed = 1): TrainJob {
  const a = syntheticDigits(train, 100 + seed);
  const b = syntheticDigits(test, 200 + seed);
  return {
    model: 'cnn',
    x: a.images,
    y: a.labels,
    testX: b.images,
    testY: b.labels,
    features: 784,
    classes: 10,
    epochs: 2,
    learningRate: 0.01,
    reportEvery: 1,
    cnn: { ...digitsGeometry, batchSize: 32, seed },
    ...overrides,
  };
}

describe('shapes', () => {
  it('digits: 28 × 28 × 8 feature maps, pooled to 14 × 14, then 7 × 7 × 16; 9,226 weights', () => {
    expect(layerShapes(digitsGeometry).map((s) => [s.height, s.width, s.channels])).toEqual([
      [28, 28, 1],
      [28, 28, 8],
      [14, 14, 8],
      [7, 7, 16],
    ]);
    expect(featureMapShape(digitsGeometry)).toEqual({ height: 28, width: 28, channels: 8 });
    // 5·5·1·8 + 8, 3·3·8·16 + 16, 7·7·16·10 + 10
    expect(cnnParameterCount(digitsGeometry, 10)).toBe(208 + 1168 + 7850);
  });
  it('camera: 32 × 32 × 3 down to 4 × 4 × 16, small for 2 to 4 classes', () => {
    expect(layerShapes(cameraGeometry).at(-1)).toEqual({ height: 4, width: 4, channels: 16 });
    expect(cnnParameterCount(cameraGeometry, 3)).toBe(224 + 1168 + 256 * 3 + 3);
  });
  it('same padding as TF.js', () => {
    expect(samePadding(28, 5, 1)).toEqual({ output: 28, before: 2, after: 2 });
    expect(samePadding(14, 3, 2)).toEqual({ output: 7, before: 0, after: 1 });
    expect(samePadding(7, 2, 2)).toEqual({ output: 4, before: 0, after: 1 });
  });
  it('an unknown architecture is refused', () => {
    expect(() => layerShapes({ ...digitsGeometry, architecture: 'huge' as never })).toThrow(/unknown architecture/);
  });
});

describe('the fast layers compute what tf.conv2d and tf.maxPool compute', () => {
  it('imageToColumns · filter = a stride-1 convolution with bias; its pooled row order = max pooling', () => {
    const shape = { height: 6, width: 8, channels: 3 };
    const x = randomArray(2 * 6 * 8 * 3, 1);
    const w = randomArray(3 * 3 * 3 * 4, 2);
    const b = randomArray(4, 3);
    const reference = tf.tidy(() => tf.conv2d(tf.tensor4d(x, [2, 6, 8, 3]), tf.tensor4d(w, [3, 3, 3, 4]), 1, 'same').add(tf.tensor1d(b))) as tf.Tensor4D;
    const matrix = tf.concat([tf.tensor2d(w, [27, 4]), tf.tensor2d(b, [1, 4])]);
    const plain = tf.tensor2d(imageToColumns(x, [0, 1], shape, 3, 1), [2 * 48, 28]).matMul(matrix);
    expect(tf.max(tf.abs(plain.reshape([2, 6, 8, 4]).sub(reference))).dataSync()[0]).toBeLessThan(1e-5);

    const pooledColumns = tf.tensor2d(imageToColumns(x, [0, 1], shape, 3, 2), [2 * 48, 28]).matMul(matrix);
    const pooled = tf.split(pooledColumns, 4, 0).reduce((p, q) => tf.maximum(p, q)).reshape([2, 3, 4, 4]);
    const referencePool = tf.maxPool(reference, 2, 2, 'valid');
    expect(tf.max(tf.abs(pooled.sub(referencePool))).dataSync()[0]).toBeLessThan(1e-5);
    tf.dispose([reference, matrix, plain, pooledColumns, pooled, referencePool]);
  });
  it('imageToColumns picks the images asked for and refuses sizes the pooling does not divide', () => {
    const x = Float32Array.from({ length: 3 * 4 }, (_, i) => i); // three 2 × 2 grey images
    const second = imageToColumns(x, [1], { height: 2, width: 2, channels: 1 }, 1, 1);
    expect(Array.from(second)).toEqual([4, 1, 5, 1, 6, 1, 7, 1]);
    expect(() => imageToColumns(x, [0], { height: 3, width: 4, channels: 1 }, 3, 2)).toThrow(/divides/);
  });
  for (const stride of [1, 2]) {
    it(`fastConvolution (stride ${stride}): same value and gradients as tf.conv2d`, () => {
      const x = tf.tensor4d(randomArray(3 * 7 * 7 * 5, 4), [3, 7, 7, 5]);
      const w = tf.tensor4d(randomArray(3 * 3 * 5 * 6, 5), [3, 3, 5, 6]);
      const dy = tf.tensor4d(randomArray(3 * Math.ceil(7 / stride) ** 2 * 6, 6), [3, Math.ceil(7 / stride), Math.ceil(7 / stride), 6]);
      const conv = fastConvolution(tf, { height: 7, width: 7, channels: 5 }, 3, stride, 6);
      const loss = (f: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor4D) => (a: tf.Tensor, b: tf.Tensor) =>
        f(a as tf.Tensor4D, b as tf.Tensor4D).mul(dy).sum();
      const [fx, fw] = tf.grads(loss(conv))([x, w]);
      const [rx, rw] = tf.grads(loss((a, b) => tf.conv2d(a, b, stride, 'same')))([x, w]);
      const diff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(a.sub(b))).dataSync()[0];
      expect(diff(conv(x, w), tf.conv2d(x, w, stride, 'same'))).toBeLessThan(1e-5);
      expect(diff(fx, rx)).toBeLessThan(1e-4);
      expect(diff(fw, rw)).toBeLessThan(1e-4);
      tf.dispose([x, w, dy, fx, fw, rx, rw]);
    });
  }
});

describe('scores and the report schedule', () => {
  it('scoreProbabilities: classes, accuracy and cross-entropy', () => {
    const p = Float32Array.from([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.5, 0.4, 0.1]);
    const s = scoreProbabilities(p, [0, 2, 1], 3);
    expect(Array.from(s.predictions)).toEqual([0, 2, 0]);
    expect(s.accuracy).toBeCloseTo(2 / 3);
    expect(s.loss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.6) + Math.log(0.4)) / 3, 5);
  });
  it('about 20 reports an epoch, 2 of them evaluations, the last batch always evaluates', () => {
    const plan = reportSchedule(157);
    expect(plan.size).toBe(20);
    expect([...plan.values()].filter((k) => k === 'evaluate').length).toBe(2);
    expect(plan.get(157)).toBe('evaluate');
    expect(Math.max(...plan.keys())).toBe(157);
    const small = reportSchedule(3);
    expect([...small.keys()].sort()).toEqual([1, 2, 3]);
    expect(small.get(3)).toBe('evaluate');
  });
});

describe('training (synthetic digits, CPU backend)', () => {
  it('learns well above chance in two epochs, with fractional epochs and a falling loss', async () => {
    const reports: Progress[] = [];
    const job = digitsJob(300, 200);
    const { progress, stopped } = await trainCnn(tf, job, { onProgress: (p) => reports.push(p) });
    expect(stopped).toBe(false);
    // Chance is 10 %; the strokes are easy once the filters have learned them.
    expect(progress.test).toBeGreaterThan(0.7);
    expect(progress.testLoss!).toBeLessThan(1);
    expect(progress.epoch).toBe(2);
    expect(progress.samplesPerSecond).toBeGreaterThan(0);
    // Smooth progress: many reports, fractional epochs, always increasing.
    const epochs = reports.map((r) => r.epoch);
    expect(reports.length).toBeGreaterThanOrEqual(10 * 2);
    expect(epochs.some((e) => !Number.isInteger(e))).toBe(true);
    expect(epochs.every((e, i) => i === 0 || e > epochs[i - 1])).toBe(true);
    expect(reports.at(-1)!.epoch).toBe(2);
    expect(reports.at(-1)!.loss).toBeLessThan(reports[0].loss / 2);
    // Every report carries measured test values (an evaluation before the first batch).
    expect(reports.every((r) => r.testPredictions.length === 200 && Number.isFinite(r.testLoss))).toBe(true);
    // Probabilities: 200 × 10, each row sums to 1, and agree with the predictions.
    const p = progress.testProbabilities!;
    expect(p.length).toBe(2000);
    for (let i = 0; i < 200; i += 37) {
      const row = p.subarray(i * 10, i * 10 + 10);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(row.indexOf(Math.max(...row))).toBe(progress.testPredictions[i]);
    }
  }, 60_000);

  it('the same seed gives the same network; another seed another', async () => {
    const run = async (seed: number) => (await trainCnn(tf, digitsJob(100, 50, { epochs: 1 }, seed))).progress.testProbabilities!;
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  }, 60_000);

  it('frees every tensor: the count is flat across reports and runs, and only the kept model remains', async () => {
    disposeCnn();
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    for (let run = 0; run < 3; run++) {
      await trainCnn(tf, digitsJob(96, 30, { epochs: 2 }), { onProgress: (p) => counts.push(p.tensors) });
      // The model's weights stay for predictions: 3 weight tensors (the first filter holds its bias) + 3 biases.
      expect(tf.memory().numTensors - before).toBe(5);
    }
    expect(new Set(counts).size).toBe(1);
    await predictCnn(tf, syntheticDigits(3, 9).images, 3, true);
    expect(tf.memory().numTensors - before).toBe(5);
    disposeCnn();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('stops when asked and waits while paused; the stopped model still predicts', async () => {
    let reports = 0;
    let pauses = 0;
    const { progress, stopped } = await trainCnn(tf, digitsJob(320, 50, { epochs: 5 }), {
      onProgress: () => reports++,
      shouldStop: () => reports >= 3,
      waitWhilePaused: async () => {
        pauses++;
      },
    });
    expect(stopped).toBe(true);
    expect(progress.epoch).toBeLessThan(1);
    expect(pauses).toBeGreaterThan(0);
    const prediction = await predictCnn(tf, syntheticDigits(1, 5).images, 1, false);
    expect(prediction.probabilities.length).toBe(10);
  }, 60_000);

  it('refuses jobs that do not fit', async () => {
    const job = digitsJob(20, 10, { epochs: 1 });
    await expect(trainCnn(tf, { ...job, cnn: undefined })).rejects.toThrow(/no cnn spec/);
    await expect(trainCnn(tf, { ...job, x: job.x.subarray(1) })).rejects.toThrow(/x has/);
    await expect(trainCnn(tf, { ...job, y: job.y.map(() => 10) })).rejects.toThrow(/not a class/);
    await expect(trainCnn(tf, { ...job, cnn: { ...job.cnn!, architecture: 'huge' as never } })).rejects.toThrow(/unknown architecture/);
  });

  it('the camera architecture learns two kinds of colour pictures', async () => {
    // Class 0: a red square on grey; class 1: a blue disc on grey; random places and sizes.
    const make = (count: number, seed: number) => {
      const r = seededRandom(seed);
      const x = new Float32Array(count * 32 * 32 * 3);
      const y = new Float32Array(count);
      for (let i = 0; i < count; i++) {
        y[i] = i % 2;
        const cx = 8 + r() * 16;
        const cy = 8 + r() * 16;
        const size = 4 + r() * 5;
        for (let py = 0; py < 32; py++)
          for (let px = 0; px < 32; px++) {
            const inside = y[i] === 0 ? Math.abs(px - cx) < size && Math.abs(py - cy) < size : Math.hypot(px - cx, py - cy) < size;
            const o = ((i * 32 + py) * 32 + px) * 3;
            const noise = (r() - 0.5) * 0.2;
            x.set(inside ? (y[i] === 0 ? [0.9, 0.2, 0.2] : [0.2, 0.3, 0.9]) : [0.5 + noise, 0.5 + noise, 0.5 + noise], o);
          }
      }
      return { x, y };
    };
    const train = make(40, 1);
    const test = make(20, 2);
    const { progress } = await trainCnn(tf, {
      model: 'cnn',
      x: train.x,
      y: train.y,
      testX: test.x,
      testY: test.y,
      features: 32 * 32 * 3,
      classes: 2,
      epochs: 8,
      learningRate: 0.01,
      reportEvery: 1,
      cnn: { ...cameraGeometry, batchSize: 8, seed: 1 },
    });
    expect(progress.test).toBeGreaterThanOrEqual(0.9);
    const prediction = await predictCnn(tf, test.x.subarray(0, 2 * 32 * 32 * 3), 2, true);
    expect(prediction.probabilities.length).toBe(4);
    expect(prediction.maps).toMatchObject({ height: 32, width: 32, filters: 8 });
  }, 60_000);
});

describe('predictCnn', () => {
  it('throws a clear error before any training', async () => {
    disposeCnn();
    await expect(predictCnn(tf, new Float32Array(784), 1, false)).rejects.toThrow(/no trained network/);
  });
  it('gives count × classes probabilities and the first layer’s 28 × 28 × 8 feature maps', async () => {
    await trainCnn(tf, digitsJob(64, 20, { epochs: 1 }));
    const images = syntheticDigits(4, 11).images;
    const { probabilities, maps, ms } = await predictCnn(tf, images, 4, true);
    expect(probabilities.length).toBe(40);
    for (let i = 0; i < 4; i++) expect(probabilities.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(maps).toMatchObject({ height: 28, width: 28, filters: 8 });
    expect(maps!.data.length).toBe(28 * 28 * 8);
    expect(Math.min(...maps!.data)).toBeGreaterThanOrEqual(0); // after ReLU
    expect(ms).toBeGreaterThanOrEqual(0);
    // Without maps none are computed; one image gives the same answer alone as in a batch.
    const alone = await predictCnn(tf, images.subarray(784, 2 * 784), 1, false);
    expect(alone.maps).toBeUndefined();
    for (let c = 0; c < 10; c++) expect(alone.probabilities[c]).toBeCloseTo(probabilities[10 + c], 5);
    // The maps are those of the first image, in (y, x, filter) order: a blank image gives the same value everywhere.
    const blank = await predictCnn(tf, new Float32Array(784), 1, true);
    const first = Array.from({ length: 8 }, (_, f) => blank.maps!.data[(14 * 28 + 14) * 8 + f]);
    expect(Array.from({ length: 8 }, (_, f) => blank.maps!.data[(3 * 28 + 20) * 8 + f])).toEqual(first);
  }, 60_000);
  it('refuses input of the wrong size', async () => {
    await trainCnn(tf, digitsJob(32, 10, { epochs: 1 }));
    await expect(predictCnn(tf, new Float32Array(700), 1, false)).rejects.toThrow(/expected 1 × 28 × 28 × 1/);
  });
});
