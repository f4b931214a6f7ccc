/**
 * The Playground's network trained with TF.js (job.model === 'mlp'): the same
 * network as mlp.ts, from the same starting weights, visiting the same
 * batches in the same order, with the same plain SGD steps and the same loss.
 * The worker runs it when the learner picks TF.js, so the two engines can be
 * compared (`npm run bench`); the tests check that both agree.
 *
 * Written against the TF.js API passed in (the worker passes the browser's,
 * the tests Node's), like models.ts. The data is uploaded once; each batch is
 * one optimizer.minimize step (fused forward and backward); values are read
 * back only at report points (every `reportEvery` epochs and at the end).
 *
 * A report's `probe`, when the job has probe points, holds what mlp.ts's
 * Network.probe gives: the probability of class 1 at each of the P probe
 * points, then the P outputs of every hidden neuron, layer by layer.
 */
import type * as TF from '@tensorflow/tfjs';
import { batchRandom, epochBatches, Network } from './mlp';
import type { TrainHooks } from './models';
import type { Activation, Progress, TrainJob } from './protocol';

type Tf = typeof TF;

function activate(tf: Tf, z: TF.Tensor2D, activation: Activation): TF.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
  }
}

export async function trainMlp(tf: Tf, job: TrainJob, hooks: TrainHooks = {}): Promise<{ progress: Progress; stopped: boolean }> {
  const spec = job.mlp;
  if (job.model !== 'mlp' || !spec) throw new Error('trainMlp: the job has no mlp spec');
  if (job.features !== 2) throw new Error('trainMlp: the Playground network takes two inputs');
  const n = job.y.length;
  const nTest = job.testY.length;
  const start = new Network(spec.hidden, spec.activation, spec.seed);
  const layers = start.sizes.length - 1;

  const xs = tf.tensor2d(job.x, [n, 2]);
  const ys = tf.tensor2d(job.y, [n, 1]);
  const testXs = tf.tensor2d(job.testX, [nTest, 2]);
  const testYs = tf.tensor2d(job.testY, [nTest, 1]);
  const probeXs = job.probe && job.probe.length > 0 ? tf.tensor2d(job.probe, [job.probe.length / 2, 2]) : null;
  // Variables hold the same starting weights as the plain network, as [from, to] matrices (x·W).
  const weights: TF.Variable[] = [];
  const biases: TF.Variable[] = [];
  for (let l = 0; l < layers; l++) {
    const from = start.sizes[l];
    const to = start.sizes[l + 1];
    const w = new Float32Array(from * to);
    for (let j = 0; j < to; j++) for (let i = 0; i < from; i++) w[i * to + j] = start.weights[l][j * from + i];
    weights.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [from, to]), true)));
    biases.push(tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(start.biases[l])), true)));
  }
  const optimizer = tf.train.sgd(job.learningRate);

  /** The output logits and every hidden layer's outputs. */
  function forward(x: TF.Tensor2D): { logits: TF.Tensor2D; hidden: TF.Tensor2D[] } {
    const hidden: TF.Tensor2D[] = [];
    let a = x;
    for (let l = 0; l < layers; l++) {
      const z = a.matMul(weights[l]).add(biases[l]) as TF.Tensor2D;
      if (l === layers - 1) return { logits: z, hidden };
      a = activate(tf, z, spec!.activation);
      hidden.push(a);
    }
    throw new Error('unreachable');
  }

  const lossOf = (x: TF.Tensor2D, y: TF.Tensor2D): TF.Scalar => {
    const ce = tf.losses.sigmoidCrossEntropy(y, forward(x).logits) as TF.Scalar;
    if (spec.l2 <= 0) return ce;
    return ce.add(tf.addN(weights.map((w) => w.square().sum())).mul(spec.l2 / 2)) as TF.Scalar;
  };

  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = batchRandom(spec.seed);
  const started = performance.now();
  let epoch = 0;
  let stopped = false;

  async function report(): Promise<Progress> {
    const out = tf.tidy(() => {
      const parts: TF.Tensor[] = [];
      const train = forward(xs).logits;
      const test = forward(testXs).logits;
      parts.push(
        tf.losses.sigmoidCrossEntropy(ys, train).reshape([1]),
        train.greater(0).toFloat().equal(ys).toFloat().mean().reshape([1]),
        nTest > 0 ? tf.losses.sigmoidCrossEntropy(testYs, test).reshape([1]) : tf.zeros([1]),
        test.greater(0).toFloat().reshape([-1]),
      );
      if (probeXs) {
        const { logits, hidden } = forward(probeXs);
        parts.push(tf.sigmoid(logits).reshape([-1]), ...hidden.map((h) => h.transpose().reshape([-1])));
      }
      return tf.concat(parts.map((p) => p.reshape([-1])));
    });
    const values = (await out.data()) as Float32Array;
    out.dispose();
    const testPredictions = values.slice(3, 3 + nTest);
    let right = 0;
    for (let i = 0; i < nTest; i++) if (testPredictions[i] === job.testY[i]) right++;
    const elapsedMs = performance.now() - started;
    return {
      epoch,
      epochs: job.epochs,
      loss: values[0],
      train: values[1],
      test: nTest ? right / nTest : 0,
      testLoss: values[2],
      testPredictions,
      probe: probeXs ? values.slice(3 + nTest) : undefined,
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
      for (const batch of epochBatches(order, random, spec.batchSize)) {
        tf.tidy(() => {
          const index = tf.tensor1d(batch, 'int32');
          const xb = tf.gather(xs, index) as TF.Tensor2D;
          const yb = tf.gather(ys, index) as TF.Tensor2D;
          optimizer.minimize(() => lossOf(xb, yb), false, [...weights, ...biases]);
        });
      }
      epoch++;
      if (epoch === job.epochs || epoch % job.reportEvery === 0) {
        hooks.onProgress?.(await report());
        // Let messages (pause, stop) in between reports.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    return { progress: await report(), stopped };
  } finally {
    tf.dispose([xs, ys, testXs, testYs, ...weights, ...biases]);
    if (probeXs) probeXs.dispose();
    optimizer.dispose();
  }
}
