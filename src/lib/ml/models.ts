/**
 * The lab models and their training loop, written against the TF.js API
 * passed in (the worker passes the browser's TF.js, tests pass Node's), so the
 * same code is unit-tested and trained in the browser.
 *
 * Speed: the data is uploaded once; each epoch is one fused step
 * (optimizer.minimize over the whole training set, which is small); nothing is
 * read back synchronously, and the loss and metrics are read back only every
 * `reportEvery` epochs.
 *
 * The maths, in short:
 * - logistic: scores = x·W + b, one score per class; softmax turns scores into
 *   probabilities; the loss is the cross-entropy (how surprised the model is by
 *   the true class). The boundary between two classes is where their scores
 *   are equal: a straight line.
 * - line: y = a + b·t; curve: y = a + b·t + c·t². The loss is the mean squared
 *   error; targets are standardised inside, predictions come back in the data's
 *   own unit.
 */
import type * as TF from '@tensorflow/tfjs';
import { accuracy, meanAbsoluteError } from './metrics';
import type { Progress, TrainJob } from './protocol';

type Tf = typeof TF;

export interface TrainHooks {
  /** Called every `reportEvery` epochs and at the end. */
  onProgress?(progress: Progress): void;
  /** Resolves when training may go on (pause support). */
  waitWhilePaused?(): Promise<void>;
  shouldStop?(): boolean;
}

/** Number of trainable parameters, for the backend choice. */
export function parameterCount(job: Pick<TrainJob, 'model' | 'features' | 'classes'>): number {
  if (job.model === 'logistic') return (job.features + 1) * job.classes;
  return job.model === 'line' ? 2 : 3;
}

function expand(tf: Tf, x: TF.Tensor2D, model: TrainJob['model']): TF.Tensor2D {
  return model === 'curve' ? (tf.concat([x, x.square()], 1) as TF.Tensor2D) : x;
}

export async function trainModel(tf: Tf, job: TrainJob, hooks: TrainHooks = {}): Promise<{ progress: Progress; stopped: boolean }> {
  const classify = job.model === 'logistic';
  const n = job.y.length;
  const nTest = job.testY.length;
  const inputs = classify ? job.features : job.model === 'curve' ? 2 : 1;
  const outputs = classify ? job.classes : 1;

  // Standardise regression targets so one learning rate suits any unit.
  let mean = 0;
  let std = 1;
  if (!classify && n > 0) {
    mean = job.y.reduce((a, b) => a + b, 0) / n;
    std = Math.sqrt(job.y.reduce((a, b) => a + (b - mean) ** 2, 0) / n) || 1;
  }

  const { xs, ys, testXs } = tf.tidy(() => ({
    xs: expand(tf, tf.tensor2d(job.x, [n, job.features]), job.model),
    ys: classify
      ? tf.oneHot(tf.tensor1d(job.y, 'int32'), job.classes).toFloat()
      : tf.tensor2d(job.y, [n, 1]).sub(mean).div(std),
    testXs: expand(tf, tf.tensor2d(job.testX, [nTest, job.features]), job.model),
  }));
  const probe = job.probe;
  const probeXs = probe
    ? tf.tidy(() => expand(tf, tf.tensor2d(probe, [probe.length / job.features, job.features]), job.model))
    : null;

  // tidy() frees the zero tensors the variables are copied from (variables are kept).
  const W = tf.tidy(() => tf.variable(tf.zeros([inputs, outputs]), true, undefined, 'float32'));
  const b = tf.tidy(() => tf.variable(tf.zeros([outputs]), true, undefined, 'float32'));
  const optimizer = tf.train.adam(job.learningRate);
  const forward = (x: TF.Tensor2D) => x.matMul(W).add(b) as TF.Tensor2D;
  const lossOf = () =>
    classify
      ? tf.losses.softmaxCrossEntropy(ys, forward(xs)).asScalar()
      : tf.losses.meanSquaredError(ys, forward(xs)).asScalar();

  /** Predictions as plain numbers: classes, or values in the data's unit. */
  async function predict(x: TF.Tensor2D | null): Promise<Float32Array> {
    if (!x || x.shape[0] === 0) return new Float32Array(0);
    const out = tf.tidy(() => {
      const scores = forward(x);
      return classify ? scores.argMax(1).toFloat() : scores.mul(std).add(mean).reshape([-1]);
    });
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return Float32Array.from(values);
  }

  const started = performance.now();
  let epoch = 0;
  let lastLoss = Number.NaN;
  let stopped = false;

  async function report(): Promise<Progress> {
    const [trainPred, testPred, probe] = await Promise.all([predict(xs), predict(testXs), predict(probeXs)]);
    const metric = (truth: Float32Array, pred: Float32Array) =>
      classify ? accuracy(truth, pred) : meanAbsoluteError(truth, pred);
    const elapsedMs = performance.now() - started;
    return {
      epoch,
      epochs: job.epochs,
      loss: lastLoss,
      train: metric(job.y, trainPred),
      test: metric(job.testY, testPred),
      testPredictions: testPred,
      probe: probeXs ? probe : undefined,
      elapsedMs,
      samplesPerSecond: elapsedMs > 0 ? (epoch * n) / (elapsedMs / 1000) : 0,
      tensors: tf.memory().numTensors,
    };
  }

  try {
    while (epoch < job.epochs) {
      if (hooks.shouldStop?.()) {
        stopped = true;
        break;
      }
      if (hooks.waitWhilePaused) await hooks.waitWhilePaused();
      const last = epoch + 1 === job.epochs || (epoch + 1) % job.reportEvery === 0;
      const cost = optimizer.minimize(lossOf, last, [W, b]);
      epoch++;
      if (last && cost) {
        lastLoss = (await cost.data())[0];
        cost.dispose();
        hooks.onProgress?.(await report());
        // Let messages (pause, stop) in between reports.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    return { progress: await report(), stopped };
  } finally {
    tf.dispose([xs, ys, testXs, W, b]);
    if (probeXs) probeXs.dispose();
    optimizer.dispose();
  }
}
