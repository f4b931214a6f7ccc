/**
 * The Playground's training worker: the plain-JavaScript network of
 * lib/ml/mlp.ts, trained off the page so that the page stays smooth. For
 * networks this small it is many times faster than TF.js
 * (shared/design/perf-baseline.md), and it is tiny: no TF.js is loaded.
 *
 * It trains in slices of about 25 ms, then lets messages in (pause, stop,
 * new settings). It measures the losses and the test accuracy every few epochs
 * (about 200 measurements a run, for the chart) and sends a report, with the
 * boundary and every neuron's picture, at most every `reportMs`.
 */
import { Trainer } from '../lib/ml/mlp';
import type { Progress, TrainJob } from '../lib/ml/protocol';
import type { FromPlain, HistoryPoint, Hyper, ToPlain } from '../labs/playground/plain-protocol';

const SLICE_MS = 25;

let trainer: Trainer | null = null;
/** Training time and examples seen by this network, over all its runs. */
let elapsedMs = 0;
let samples = 0;
let hyper: Hyper = { learningRate: 0.03, batchSize: 10, l2: 0 };
let running = false;
let paused = false;
let stopRequested = false;
let forgetAfter = false;
let resumeGate: (() => void) | undefined;
let pending: Extract<ToPlain, { type: 'train' }> | null = null;

const post = (message: FromPlain, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function measure(t: Trainer, job: TrainJob, elapsed: number): HistoryPoint {
  const train = t.network.evaluate(job.x, job.y);
  const test = t.network.evaluate(job.testX, job.testY);
  return { epoch: t.epoch, loss: train.loss, test: test.accuracy, testLoss: test.loss, elapsedMs: elapsed, tensors: 0 };
}

function progressOf(t: Trainer, job: TrainJob, target: number): Progress {
  const train = t.network.evaluate(job.x, job.y);
  const test = t.network.evaluate(job.testX, job.testY);
  const testPredictions = new Float32Array(job.testY.length);
  for (let i = 0; i < testPredictions.length; i++) testPredictions[i] = t.network.logit(job.testX[2 * i], job.testX[2 * i + 1]) > 0 ? 1 : 0;
  return {
    epoch: t.epoch,
    epochs: target,
    loss: train.loss,
    train: train.accuracy,
    test: test.accuracy,
    testLoss: test.loss,
    testPredictions,
    probe: job.probe ? t.network.probe(job.probe) : undefined,
    elapsedMs,
    samplesPerSecond: elapsedMs > 0 ? samples / (elapsedMs / 1000) : 0,
    tensors: 0,
  };
}

function send(type: 'progress' | 'done', run: number, t: Trainer, job: TrainJob, target: number, points: HistoryPoint[], stopped = false) {
  const progress = progressOf(t, job, target);
  const weights = t.network.parameters();
  const transfer: Transferable[] = [weights.buffer as ArrayBuffer, progress.testPredictions.buffer as ArrayBuffer];
  if (progress.probe) transfer.push(progress.probe.buffer as ArrayBuffer);
  if (type === 'progress') post({ type, run, progress, points, weights }, transfer);
  else post({ type, run, progress, points, weights, stopped }, transfer);
}

async function train({ run, job, fresh, reportMs }: Extract<ToPlain, { type: 'train' }>) {
  running = true;
  stopRequested = false;
  paused = false;
  try {
    const spec = job.mlp;
    if (job.model !== 'mlp' || !spec) throw new Error('the Playground worker trains mlp jobs only');
    if (fresh || !trainer || trainer.y.length !== job.y.length) {
      trainer = new Trainer(spec.hidden, spec.activation, spec.seed, job.x, job.y);
      elapsedMs = 0;
      samples = 0;
    }
    const t = trainer;
    hyper = { learningRate: job.learningRate, batchSize: spec.batchSize, l2: spec.l2 };
    const target = t.epoch + job.epochs;
    // About 200 measurements a run: every epoch for short runs, every few for long ones.
    const every = Math.max(1, Math.round(job.epochs / 200));
    let points: HistoryPoint[] = t.epoch === 0 ? [measure(t, job, 0)] : [];
    let lastReport = performance.now();
    let stopped = false;
    while (t.epoch < target) {
      if (paused) await new Promise<void>((resolve) => (resumeGate = resolve));
      if (stopRequested) {
        stopped = true;
        break;
      }
      const sliceStart = performance.now();
      const base = elapsedMs;
      do {
        t.trainEpoch(hyper);
        samples += t.y.length;
        if (t.epoch % every === 0 || t.epoch === target) points.push(measure(t, job, base + performance.now() - sliceStart));
      } while (t.epoch < target && performance.now() - sliceStart < SLICE_MS);
      elapsedMs = base + performance.now() - sliceStart;
      if (t.epoch < target && performance.now() - lastReport >= reportMs) {
        send('progress', run, t, job, target, points);
        points = [];
        lastReport = performance.now();
      }
      await yieldToMessages();
    }
    send('done', run, t, job, target, points, stopped);
  } catch (error) {
    post({ type: 'error', run, message: String(error) });
  } finally {
    running = false;
    if (forgetAfter) {
      trainer = null;
      forgetAfter = false;
    }
    const next = pending;
    pending = null;
    if (next) void train(next);
  }
}

self.onmessage = (event: MessageEvent<ToPlain>) => {
  const message = event.data;
  switch (message.type) {
    case 'train':
      if (running) {
        // A new run replaces the one in progress: stop it, then start this one.
        pending = message;
        stopRequested = true;
        paused = false;
        resumeGate?.();
      } else void train(message);
      break;
    case 'hyper':
      hyper = message.hyper;
      break;
    case 'pause':
      paused = true;
      break;
    case 'resume':
      paused = false;
      resumeGate?.();
      break;
    case 'stop':
      stopRequested = true;
      paused = false;
      resumeGate?.();
      break;
    case 'forget':
      if (running) {
        forgetAfter = true;
        stopRequested = true;
        paused = false;
        resumeGate?.();
      } else trainer = null;
      break;
  }
};
