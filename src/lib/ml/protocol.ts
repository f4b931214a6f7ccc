/**
 * Messages between a lab (main thread) and the training worker. Typed arrays
 * are transferred, not copied.
 */
import type { BackendName, Reason } from './backend';

export type ModelKind = 'logistic' | 'line' | 'curve';

export interface TrainJob {
  model: ModelKind;
  /** Inputs, row-major: n × features. */
  x: Float32Array;
  /** Targets: class indexes (classification) or numbers (regression). */
  y: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
  features: number;
  /** Classes for classification; 1 for regression. */
  classes: number;
  epochs: number;
  learningRate: number;
  /** Send progress every this many epochs. */
  reportEvery: number;
  /** Points at which to report predictions (a boundary grid or a curve), row-major. */
  probe?: Float32Array;
}

export type ToWorker =
  | { type: 'init'; backend: BackendName | 'auto'; parameters: number }
  | { type: 'train'; job: TrainJob; run: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'memory' };

export interface Progress {
  epoch: number;
  epochs: number;
  loss: number;
  /** Accuracy (classification) or mean absolute error (regression), on training data. */
  train: number;
  /** The same on the held-out test data. */
  test: number;
  /** Predictions on the test data: classes or numbers. */
  testPredictions: Float32Array;
  /** Predictions at the probe points: classes or numbers. */
  probe?: Float32Array;
  elapsedMs: number;
  samplesPerSecond: number;
  /** Tensors alive in TF.js at this report (the benchmark tracks the peak). */
  tensors: number;
}

export type FromWorker =
  | { type: 'ready'; backend: BackendName; reason: Reason; selectable: BackendName[] }
  | { type: 'progress'; run: number; progress: Progress }
  | { type: 'done'; run: number; progress: Progress; stopped: boolean }
  | { type: 'memory'; tensors: number }
  | { type: 'error'; code: 'backend' | 'training'; message: string; run?: number };
