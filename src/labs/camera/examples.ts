/**
 * LAB "Teach the camera": the learner's examples, kept only in the page's
 * memory (never stored, never sent). Pure and immutable: every change returns
 * a new store, so the island can hand it to Preact's state.
 *
 * - 2 to 4 classes, each named by the learner.
 * - An example is one 32 × 32 colour picture (what the network sees) with its
 *   class, the burst (one recording) it came from, and whether the learner
 *   recorded it explicitly as a test example.
 * - The split into training and test examples: a class with explicit test
 *   examples uses exactly those; otherwise about 20 % of the class's bursts are
 *   set aside, whole bursts only, so near-copies from one recording never land
 *   on both sides. A drawing or a chosen picture is a burst of one.
 * - Minimums, enforced before training: at least 20 training and 5 test
 *   examples in every class, so that a tiny test set cannot give a lucky 100 %.
 */
import type { TrainJob } from '../../lib/ml/protocol';

/** Where the examples come from. */
export type Source = 'camera' | 'drawing' | 'files';

export const IMAGE_SIZE = 32;
export const CHANNELS = 3;
/** Numbers per example: 32 × 32 pixels × 3 colours, row-major, values 0..1. */
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE * CHANNELS;
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 4;
export const MIN_TRAIN = 20;
export const MIN_TEST = 5;
/** The share of each class's examples set aside as test examples when the learner records none. */
export const TEST_SHARE = 0.2;
/** At most this many examples per class (memory: 12 KB each). */
export const MAX_PER_CLASS = 200;
export const MAX_NAME = 30;

export interface Example {
  id: number;
  classId: number;
  /** The recording it came from; frames of one burst are near-copies. */
  burst: number;
  /** Recorded explicitly as a test example. */
  test: boolean;
  pixels: Float32Array;
}

export interface LabClass {
  id: number;
  name: string;
}

export interface Store {
  classes: LabClass[];
  examples: Example[];
  nextId: number;
}

export class StoreError extends Error {
  constructor(public code: 'too-many-classes' | 'too-few-classes' | 'no-such-class' | 'bad-image') {
    super(code);
  }
}

/** A name as the learner types it: without control or text-direction characters, at most MAX_NAME long. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, MAX_NAME);
}

/** The name to show: the learner's, trimmed, or the fallback ("Class 2") when it is empty. */
export function shownName(name: string, fallback: string): string {
  return cleanName(name).trim() || fallback;
}

export function createStore(names: string[]): Store {
  if (names.length < MIN_CLASSES) throw new StoreError('too-few-classes');
  if (names.length > MAX_CLASSES) throw new StoreError('too-many-classes');
  return { classes: names.map((name, i) => ({ id: i + 1, name: cleanName(name) })), examples: [], nextId: names.length + 1 };
}

export function addClass(store: Store, name: string): Store {
  if (store.classes.length >= MAX_CLASSES) throw new StoreError('too-many-classes');
  return { ...store, classes: [...store.classes, { id: store.nextId, name: cleanName(name) }], nextId: store.nextId + 1 };
}

/** Removes a class and all its examples. */
export function removeClass(store: Store, classId: number): Store {
  if (store.classes.length <= MIN_CLASSES) throw new StoreError('too-few-classes');
  if (!store.classes.some((c) => c.id === classId)) throw new StoreError('no-such-class');
  return { ...store, classes: store.classes.filter((c) => c.id !== classId), examples: store.examples.filter((e) => e.classId !== classId) };
}

export function renameClass(store: Store, classId: number, name: string): Store {
  return { ...store, classes: store.classes.map((c) => (c.id === classId ? { ...c, name: cleanName(name) } : c)) };
}

/** A fresh burst number (one recording). */
export function newBurst(store: Store): { store: Store; burst: number } {
  return { store: { ...store, nextId: store.nextId + 1 }, burst: store.nextId };
}

export function examplesOf(store: Store, classId: number): Example[] {
  return store.examples.filter((e) => e.classId === classId);
}

/**
 * Adds pictures to a class. With `burst`, they all belong to that recording;
 * without, each is its own burst (a drawing, a chosen picture). Stops at
 * MAX_PER_CLASS; `added` says how many were taken.
 */
export function addExamples(
  store: Store,
  classId: number,
  images: Float32Array[],
  options: { test: boolean; burst?: number },
): { store: Store; added: number } {
  if (!store.classes.some((c) => c.id === classId)) throw new StoreError('no-such-class');
  for (const image of images) if (image.length !== PIXELS) throw new StoreError('bad-image');
  const room = Math.max(0, MAX_PER_CLASS - examplesOf(store, classId).length);
  const taken = images.slice(0, room);
  let nextId = store.nextId;
  const added: Example[] = taken.map((pixels) => {
    const id = nextId++;
    return { id, classId, burst: options.burst ?? id, test: options.test, pixels };
  });
  return { store: { ...store, examples: [...store.examples, ...added], nextId }, added: added.length };
}

export function deleteExample(store: Store, exampleId: number): Store {
  return { ...store, examples: store.examples.filter((e) => e.id !== exampleId) };
}

export interface ClassSplit {
  train: Example[];
  test: Example[];
  /** True when the test examples were set aside by the lab (the class has no explicit ones). */
  auto: boolean;
}

/**
 * Sets aside about `share` of a class's examples as test examples, whole
 * bursts only, spread over the recording (not just the last ones): bursts are
 * taken in recording order, and a burst goes to the test side when that
 * brings the test count closer to `share` of the examples seen so far. The
 * first burst always trains.
 */
export function autoSplit(examples: readonly Example[], share = TEST_SHARE): ClassSplit {
  const bursts = new Map<number, Example[]>();
  for (const e of examples) {
    const list = bursts.get(e.burst);
    if (list) list.push(e);
    else bursts.set(e.burst, [e]);
  }
  const train: Example[] = [];
  const test: Example[] = [];
  let seen = 0;
  for (const frames of bursts.values()) {
    seen += frames.length;
    const ideal = share * seen;
    if (Math.abs(test.length + frames.length - ideal) < Math.abs(test.length - ideal)) test.push(...frames);
    else train.push(...frames);
  }
  return { train, test, auto: true };
}

/** Training and test examples per class, in the order of the classes. */
export function splitExamples(store: Store, share = TEST_SHARE): Map<number, ClassSplit> {
  const result = new Map<number, ClassSplit>();
  for (const c of store.classes) {
    const mine = examplesOf(store, c.id);
    result.set(
      c.id,
      mine.some((e) => e.test) ? { train: mine.filter((e) => !e.test), test: mine.filter((e) => e.test), auto: false } : autoSplit(mine, share),
    );
  }
  return result;
}

export interface Readiness {
  ok: boolean;
  classes: { classId: number; train: number; test: number; needTrain: number; needTest: number }[];
}

/** Whether the minimums are met, and what each class still needs. */
export function readiness(store: Store, split: Map<number, ClassSplit>): Readiness {
  const classes = store.classes.map((c) => {
    const s = split.get(c.id) ?? { train: [], test: [] };
    return {
      classId: c.id,
      train: s.train.length,
      test: s.test.length,
      needTrain: Math.max(0, MIN_TRAIN - s.train.length),
      needTest: Math.max(0, MIN_TEST - s.test.length),
    };
  });
  const ok = classes.length >= MIN_CLASSES && classes.every((c) => c.needTrain === 0 && c.needTest === 0);
  return { ok, classes };
}

export interface TrainingData {
  x: Float32Array;
  y: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
  /** The test examples in the order of testX (to show the wrong ones). */
  testExamples: Example[];
  /** Class names in label order (label = index). */
  names: string[];
}

/** The arrays the network trains on: labels are the classes' positions. */
export function trainingData(store: Store, split: Map<number, ClassSplit>): TrainingData {
  const train: [Example, number][] = [];
  const test: [Example, number][] = [];
  store.classes.forEach((c, label) => {
    const s = split.get(c.id);
    s?.train.forEach((e) => train.push([e, label]));
    s?.test.forEach((e) => test.push([e, label]));
  });
  const pack = (list: [Example, number][]) => {
    const x = new Float32Array(list.length * PIXELS);
    const y = new Float32Array(list.length);
    list.forEach(([e, label], i) => {
      x.set(e.pixels, i * PIXELS);
      y[i] = label;
    });
    return { x, y };
  };
  const a = pack(train);
  const b = pack(test);
  return { x: a.x, y: a.y, testX: b.x, testY: b.y, testExamples: test.map(([e]) => e), names: store.classes.map((c) => c.name) };
}

/** The epochs a learner can choose: small data sets converge in tens of epochs, not thousands. */
export const EPOCH_CHOICES = [10, 20, 50, 100];
export const DEFAULT_EPOCHS = 20;
/**
 * Adam's learning rate and the batch size, tuned on seeded drawings of two and three shapes
 * (tests/unit/camera-training.test.ts): at 0.01 the network reached 80 % on the test drawings
 * within 3 to 8 epochs in every run; at 0.002 it needed up to 38.
 */
export const LEARNING_RATE = 0.01;
export const BATCH_SIZE = 16;

/** The job for the worker's convolutional network ('camera' architecture). */
export function cameraJob(data: TrainingData, epochs: number, seed = 1): TrainJob {
  return {
    model: 'cnn',
    x: data.x,
    y: data.y,
    testX: data.testX,
    testY: data.testY,
    features: PIXELS,
    classes: data.names.length,
    epochs,
    learningRate: LEARNING_RATE,
    reportEvery: 1,
    cnn: { width: IMAGE_SIZE, height: IMAGE_SIZE, channels: CHANNELS, batchSize: BATCH_SIZE, architecture: 'camera', seed },
  };
}
