/**
 * Messages between the Playground and its plain-JavaScript training worker
 * (src/workers/playground.worker.ts). Types only.
 *
 * The worker keeps one network between runs, so "Train" after a finished run
 * or "one epoch" goes on from the weights it has; `fresh` starts a new network
 * from the job's seed. Progress is the same shape the TF.js engine reports
 * (protocol.ts), with the epoch counted over the network's whole life.
 */
import type { Progress, TrainJob } from '../../lib/ml/protocol';

/** One measurement for the loss chart (and the objective). */
export interface HistoryPoint {
  epoch: number;
  /** Cross-entropy on the training points (no penalty). */
  loss: number;
  /** Accuracy on the test points. */
  test: number;
  /** Cross-entropy on the test points. */
  testLoss: number;
  /** Training time of this network until then. */
  elapsedMs: number;
  tensors: number;
}

export interface Hyper {
  learningRate: number;
  batchSize: number;
  l2: number;
}

export type ToPlain =
  /** Trains job.epochs more epochs (job.mlp says the network; its learning rate, batch and L2 apply from now on). */
  | { type: 'train'; run: number; job: TrainJob; fresh: boolean; reportMs: number }
  /** New learning rate, batch size or L2 strength for the run in progress. */
  | { type: 'hyper'; hyper: Hyper }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** Forgets the network (the next run starts fresh). */
  | { type: 'forget' };

export type FromPlain =
  | { type: 'progress'; run: number; progress: Progress; points: HistoryPoint[]; weights: Float32Array }
  | { type: 'done'; run: number; progress: Progress; points: HistoryPoint[]; weights: Float32Array; stopped: boolean }
  | { type: 'error'; run: number; message: string };
