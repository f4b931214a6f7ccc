/**
 * Messages between a lab (main thread) and the training worker. Typed arrays
 * are transferred, not copied.
 */
import type { BackendName, Reason } from './backend';

export type ModelKind = 'logistic' | 'line' | 'curve' | 'mlp' | 'cnn';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** A small fully connected network (the Playground): trained in mini-batches. */
export interface MlpSpec {
  /** Neurons in each hidden layer; [] is one neuron per class on the inputs. */
  hidden: number[];
  activation: Activation;
  /** L2 regularisation strength; 0 for none. */
  l2: number;
  batchSize: number;
  /** Seed for the starting weights and the batch order. */
  seed: number;
}

/** A small convolutional network on images (Digits, Teach the camera). */
export interface CnnSpec {
  width: number;
  height: number;
  /** 1 (grey) or 3 (colour). */
  channels: number;
  batchSize: number;
  /** Which layer stack (src/lib/ml/cnn.ts). */
  architecture: 'digits' | 'camera';
  seed: number;
}

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
  /** For model 'mlp'. */
  mlp?: MlpSpec;
  /** For model 'cnn'; x and testX are then images, row-major (n × height × width × channels), values 0..1. */
  cnn?: CnnSpec;
}

export type ToWorker =
  | { type: 'init'; backend: BackendName | 'auto'; parameters: number; convolution?: boolean }
  | { type: 'train'; job: TrainJob; run: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'memory' }
  /** Class probabilities from the last trained 'cnn' model for `count` inputs; `maps` asks for the first layer's feature maps of the first input. */
  | { type: 'predict'; id: number; x: Float32Array; count: number; maps?: boolean };

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
  /** Loss on the test data (classification models that report it: mlp, cnn). */
  testLoss?: number;
  /** Class probabilities on the test data, row-major (n × classes), for models that report them (cnn). */
  testProbabilities?: Float32Array;
}

export interface Prediction {
  /** count × classes probabilities. */
  probabilities: Float32Array;
  /** First conv layer's feature maps of the first input: [height, width, filters], row-major. */
  maps?: { data: Float32Array; height: number; width: number; filters: number };
  /** Time the prediction took in the worker. */
  ms: number;
}

export type FromWorker =
  | { type: 'ready'; backend: BackendName; reason: Reason; selectable: BackendName[] }
  | { type: 'progress'; run: number; progress: Progress }
  | { type: 'done'; run: number; progress: Progress; stopped: boolean }
  | { type: 'memory'; tensors: number }
  | { type: 'prediction'; id: number; prediction: Prediction }
  /** `run` is the training run, or for code 'predict' the prediction's id. */
  | { type: 'error'; code: 'backend' | 'training' | 'predict'; message: string; run?: number };
