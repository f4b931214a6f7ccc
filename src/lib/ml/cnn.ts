/**
 * Small convolutional networks on images (the Digits and "Teach the camera"
 * labs), written against the TF.js API passed in (the worker passes the
 * browser's TF.js, tests pass Node's), like models.ts.
 *
 * Architectures (job.cnn.architecture), with 'same' padding, ReLU after every
 * convolution, 2 × 2 max pooling and a dense output layer of one neuron per
 * class (softmax probabilities):
 * - 'digits' (28 × 28 × 1, 10 classes): 8 filters of 5 × 5 → 28 × 28 × 8
 *   (the feature maps the lab shows), max pooling → 14 × 14 × 8, 16 filters
 *   of 3 × 3 with stride 2 → 7 × 7 × 16, dense 10. 9,226 weights.
 * - 'camera' (32 × 32 × 3, 2 to 4 classes): 8 filters of 3 × 3 → 32 × 32 × 8,
 *   max pooling → 16 × 16 × 8, 16 filters of 3 × 3 with stride 2 → 8 × 8 × 16,
 *   max pooling → 4 × 4 × 16, dense.
 *
 * Speed on the processor. TF.js 4.22's CPU backend (the one convolutional
 * models get on a machine without a graphics card) computes a filter's
 * gradient and max pooling's gradient very slowly (a batch of 32 digits: 0.2
 * to 1.3 s per conv layer for the filter gradient alone). So:
 * - the first convolution, whose input is the data, is a matrix product over
 *   image patches cut out in plain JavaScript (imageToColumns); its rows are
 *   ordered by position in the pooling block, so the max pooling after it is
 *   three element-wise maximums of four contiguous blocks, with cheap
 *   gradients;
 * - later convolutions use TF.js's own forward and input-gradient kernels,
 *   and compute the filter gradient as one matrix product over gathered
 *   patches (a custom gradient, tested against TF.js's own).
 * - the patches go into one buffer reused from batch to batch (a fresh
 *   2.6 MB array per batch cost a third of the time in garbage collection).
 * Measured in Node on TF.js's CPU backend, one unloaded core: about 400
 * digits a second while training (the same stack built from tf.conv2d and
 * tf.maxPool: about 80), with the same results. On WebGL and WebGPU the same
 * ops run on the graphics card (checked on software WebGL in Chromium).
 *
 * Training: mini-batches of job.cnn.batchSize in an order shuffled every epoch
 * from the seed, Adam starting at job.learningRate and falling linearly to
 * SCHEDULE.finalShare of it by the last batch, cross-entropy loss. Starting
 * weights come from the seed, so a run repeats on a backend.
 *
 * Progress: Progress.epoch counts completed epochs and is FRACTIONAL between
 * epoch ends (1.25 = a quarter into the second epoch), so the progress bar
 * moves smoothly: about REPORTS_PER_EPOCH reports an epoch. The test data
 * (loss, accuracy, predictions, probabilities) is evaluated before training,
 * EVALUATIONS_PER_EPOCH times an epoch (always at an epoch's end when
 * `reportEvery` is 1, else at the end of every `reportEvery` epochs) and at
 * the end; reports in between repeat the last evaluation. `loss` and `train`
 * are the training loss and accuracy over the batches since the previous
 * report (measured while training, as Keras does).
 *
 * Only report points read values back from the backend. The loop yields to
 * the worker's message queue after every batch, so pause, stop and
 * predictions (of the learner's drawing, with the weights as they are at that
 * moment) are answered within one batch.
 *
 * The model of the last training stays in this module for predictCnn; it is
 * freed when the next training starts (or by disposeCnn).
 */
import type * as TF from '@tensorflow/tfjs';
import type { TrainHooks } from './models';
import type { CnnSpec, Prediction, Progress, TrainJob } from './protocol';
import { seededRandom, type Random } from './rng';

type Tf = typeof TF;

export interface ConvLayer {
  kind: 'conv';
  filters: number;
  kernel: number;
  stride: number;
}
export interface PoolLayer {
  kind: 'pool';
  size: number;
}
/** A fully connected hidden layer with ReLU (after the convolutions). */
export interface DenseLayer {
  kind: 'dense';
  units: number;
}
export type Layer = ConvLayer | PoolLayer | DenseLayer;

/**
 * The layer stacks before the dense output layer. The first layer is a
 * convolution with stride 1 (its output is the feature maps predictCnn
 * returns); a pooling layer right after it needs sizes it divides.
 */
export const ARCHITECTURES: Record<CnnSpec['architecture'], Layer[]> = {
  digits: [
    { kind: 'conv', filters: 8, kernel: 5, stride: 1 },
    { kind: 'pool', size: 2 },
    { kind: 'conv', filters: 16, kernel: 3, stride: 2 },
  ],
  camera: [
    { kind: 'conv', filters: 8, kernel: 3, stride: 1 },
    { kind: 'pool', size: 2 },
    { kind: 'conv', filters: 16, kernel: 3, stride: 2 },
    { kind: 'pool', size: 2 },
  ],
};

/** Reports per epoch (the progress bar's resolution). */
export const REPORTS_PER_EPOCH = 20;
/** Evaluations of the test data per epoch. */
export const EVALUATIONS_PER_EPOCH = 2;
/**
 * The learning rate falls linearly from job.learningRate to this share of it
 * over the run: big steps first, small ones to settle (less noise in the last
 * epochs). A setting object so the benchmark can compare.
 */
export const SCHEDULE = { finalShare: 0.3 };
/** Images evaluated at once (bounds the memory an evaluation needs). */
const EVAL_CHUNK = 250;

export interface Shape {
  height: number;
  width: number;
  channels: number;
}

type Geometry = Pick<CnnSpec, 'width' | 'height' | 'channels' | 'architecture'>;

function layersOf(architecture: string): Layer[] {
  const layers = (ARCHITECTURES as Record<string, Layer[] | undefined>)[architecture];
  if (!layers) throw new Error(`cnn: unknown architecture "${architecture}"`);
  return layers;
}

/** Shape after each layer (index 0 = the input), with 'same' padding. */
export function layerShapes(spec: Geometry): Shape[] {
  const shapes: Shape[] = [{ height: spec.height, width: spec.width, channels: spec.channels }];
  for (const layer of layersOf(spec.architecture)) {
    const last = shapes[shapes.length - 1];
    if (layer.kind === 'dense') {
      shapes.push({ height: 1, width: 1, channels: layer.units });
      continue;
    }
    const step = layer.kind === 'conv' ? layer.stride : layer.size;
    shapes.push({
      height: Math.ceil(last.height / step),
      width: Math.ceil(last.width / step),
      channels: layer.kind === 'conv' ? layer.filters : last.channels,
    });
  }
  return shapes;
}

/** Shape of the feature maps predictCnn returns (the first convolution's output, before pooling). */
export function featureMapShape(spec: Geometry): Shape {
  return layerShapes(spec)[1];
}

/** Trainable numbers in the network (for the backend choice). */
export function cnnParameterCount(spec: Geometry, classes: number): number {
  const shapes = layerShapes(spec);
  let count = 0;
  layersOf(spec.architecture).forEach((layer, i) => {
    const inputs = shapes[i].height * shapes[i].width * shapes[i].channels;
    if (layer.kind === 'conv') count += layer.kernel * layer.kernel * shapes[i].channels * layer.filters + layer.filters;
    if (layer.kind === 'dense') count += inputs * layer.units + layer.units;
  });
  const last = shapes[shapes.length - 1];
  return count + last.height * last.width * last.channels * classes + classes;
}

/** 'same' padding as TF.js computes it: output = ceil(input / stride); the odd extra row or column goes after. */
export function samePadding(input: number, kernel: number, stride: number): { output: number; before: number; after: number } {
  const output = Math.ceil(input / stride);
  const total = Math.max((output - 1) * stride + kernel - input, 0);
  const before = Math.floor(total / 2);
  return { output, before, after: total - before };
}

/**
 * For each output position of a first convolution (stride 1, 'same'
 * padding), in the row order imageToColumns uses, the offsets in the image of
 * the kernel × kernel pixels under the filter (-1 outside the image). Cached:
 * it depends only on the sizes.
 */
const tables = new Map<string, Int32Array>();
function patchTable(height: number, width: number, channels: number, kernel: number, pool: number): Int32Array {
  const key = `${height}x${width}x${channels}/${kernel}/${pool}`;
  let table = tables.get(key);
  if (table) return table;
  if (height % pool || width % pool) throw new Error(`cnn: pooling by ${pool} needs sizes it divides (${height} × ${width})`);
  const before = Math.floor((kernel - 1) / 2);
  table = new Int32Array(height * width * kernel * kernel);
  let t = 0;
  for (let q = 0; q < pool * pool; q++) {
    for (let py = 0; py < height / pool; py++) {
      for (let px = 0; px < width / pool; px++) {
        const oy = py * pool + Math.floor(q / pool);
        const ox = px * pool + (q % pool);
        for (let ky = 0; ky < kernel; ky++) {
          for (let kx = 0; kx < kernel; kx++) {
            const iy = oy + ky - before;
            const ix = ox + kx - before;
            table[t++] = iy < 0 || iy >= height || ix < 0 || ix >= width ? -1 : (iy * width + ix) * channels;
          }
        }
      }
    }
  }
  tables.set(key, table);
  return table;
}

/**
 * im2col in plain JavaScript, for a first convolution with stride 1 and
 * 'same' padding: for each output position, the kernel × kernel × channels
 * input values under the filter (zeros outside the image) in the filter's own
 * order, then a 1 (for the bias), so the convolution with its bias is one
 * matrix product. `pick` lists the images (indexes into x). Rows are ordered
 * (q, image, y, x), where (y, x) is a position of the pooled map and q the
 * position inside its pool × pool block, so the rows of one block position
 * form one contiguous slice (pool 1: plain (image, y, x) order).
 */
export function imageToColumns(x: Float32Array, pick: ArrayLike<number>, shape: Shape, kernel: number, pool = 1, into?: Float32Array): Float32Array {
  const { height, width, channels } = shape;
  const table = patchTable(height, width, channels, kernel, pool);
  const taps = kernel * kernel;
  const row = taps * channels + 1;
  const imageSize = height * width * channels;
  const perBlock = (height * width) / (pool * pool);
  const size = pick.length * height * width * row;
  // A reused buffer (`into`, at least `size` long) saves the garbage collector a large array per batch.
  const out = into ? into.subarray(0, size) : new Float32Array(size);
  let o = 0;
  for (let q = 0; q < pool * pool; q++) {
    for (let n = 0; n < pick.length; n++) {
      const base = pick[n] * imageSize;
      const end = (q + 1) * perBlock * taps;
      if (channels === 1) {
        // The common grey case, without the channel loop.
        for (let t = q * perBlock * taps; t < end; ) {
          const stop = t + taps;
          for (; t < stop; t++, o++) {
            const at = table[t];
            out[o] = at >= 0 ? x[base + at] : 0;
          }
          out[o++] = 1;
        }
      } else {
        for (let t = q * perBlock * taps; t < end; ) {
          const stop = t + taps;
          for (; t < stop; t++) {
            const at = table[t];
            if (at < 0) for (let c = 0; c < channels; c++) out[o++] = 0;
            else for (let c = 0; c < channels; c++) out[o++] = x[base + at + c];
          }
          out[o++] = 1;
        }
      }
    }
  }
  return out;
}

type Conv = (x: TF.Tensor4D, w: TF.Tensor4D) => TF.Tensor4D;

/**
 * A convolution ('same' padding) whose filter gradient is one matrix product
 * over gathered patches; the forward pass and the input gradient use TF.js's
 * own kernels.
 */
export function fastConvolution(tf: Tf, input: Shape, kernel: number, stride: number, filters: number): Conv {
  const ph = samePadding(input.height, kernel, stride);
  const pw = samePadding(input.width, kernel, stride);
  const paddedWidth = input.width + pw.before + pw.after;
  const positions = ph.output * pw.output;
  const index = new Int32Array(positions * kernel * kernel);
  let i = 0;
  for (let oy = 0; oy < ph.output; oy++)
    for (let ox = 0; ox < pw.output; ox++)
      for (let ky = 0; ky < kernel; ky++) for (let kx = 0; kx < kernel; kx++) index[i++] = (oy * stride + ky) * paddedWidth + ox * stride + kx;
  const pads: [number, number][] = [
    [0, 0],
    [ph.before, ph.after],
    [pw.before, pw.after],
    [0, 0],
  ];
  const op = tf.customGrad(((x: TF.Tensor4D, w: TF.Tensor4D, save: (t: TF.Tensor[]) => void) => {
    save([x, w]);
    return {
      value: tf.conv2d(x, w, stride, 'same'),
      gradFunc: (dy: TF.Tensor4D, saved: TF.Tensor[]) => {
        const [xs, ws] = saved as [TF.Tensor4D, TF.Tensor4D];
        const n = xs.shape[0];
        const dx = tf.conv2dTranspose(dy, ws, xs.shape, stride, 'same');
        const padded = tf.pad(xs, pads).reshape([n, -1, input.channels]);
        const patches = tf.gather(padded, tf.tensor1d(index, 'int32'), 1).reshape([n * positions, kernel * kernel * input.channels]);
        const dw = tf.matMul(patches, dy.reshape([n * positions, filters]), true, false).reshape([kernel, kernel, input.channels, filters]);
        return [dx, dw];
      },
    };
  }) as never);
  return op as unknown as Conv;
}

interface Model {
  spec: CnnSpec;
  classes: number;
  layers: Layer[];
  shapes: Shape[];
  /** Pooling fused into the first convolution (1 = none). */
  pool: number;
  /**
   * The first convolution's filter as a [kernel·kernel·channels + 1, filters]
   * matrix (the last row is the bias); per later convolution a [kernel, kernel, in, out]
   * filter and a bias; then the dense weights and bias.
   */
  variables: TF.Variable[];
  /** The later convolutions, by layer index. */
  convs: Map<number, Conv>;
}

let current: Model | null = null;

/** Frees the kept model (predictCnn then throws until a training starts). */
export function disposeCnn(): void {
  if (current) current.variables.forEach((v) => v.dispose());
  current = null;
}

/** Uniform starting weights in ±sqrt(6 / fan), from the seed (fan = fan-in: He; fan-in + fan-out: Glorot). */
function initial(random: Random, size: number, fan: number): Float32Array {
  const limit = Math.sqrt(6 / fan);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = (random() * 2 - 1) * limit;
  return values;
}

function createModel(tf: Tf, spec: CnnSpec, classes: number): Model {
  const layers = layersOf(spec.architecture);
  const first = layers[0];
  if (first?.kind !== 'conv' || first.stride !== 1) throw new Error('cnn: the first layer must be a convolution with stride 1');
  if (first.kernel % 2 !== 1) throw new Error('cnn: the first filter needs an odd size');
  const pool = layers[1]?.kind === 'pool' ? layers[1].size : 1;
  const shapes = layerShapes(spec);
  const random = seededRandom(spec.seed ^ 0x5eed);
  const variables: TF.Variable[] = [];
  const convs = new Map<number, Conv>();
  // tidy() frees the tensors the variables are copied from (variables are kept).
  tf.tidy(() => {
    layers.forEach((layer, i) => {
      if (layer.kind === 'dense') {
        const inputs = shapes[i].height * shapes[i].width * shapes[i].channels;
        variables.push(tf.variable(tf.tensor2d(initial(random, inputs * layer.units, inputs), [inputs, layer.units]), true));
        variables.push(tf.variable(tf.zeros([layer.units]), true));
        return;
      }
      if (layer.kind !== 'conv') return;
      const fanIn = layer.kernel * layer.kernel * shapes[i].channels;
      const values = initial(random, fanIn * layer.filters, fanIn);
      if (i === 0) {
        // The bias is the matrix's last row (the columns end with a 1), starting at 0.
        const withBias = new Float32Array((fanIn + 1) * layer.filters);
        withBias.set(values);
        variables.push(tf.variable(tf.tensor2d(withBias, [fanIn + 1, layer.filters]), true));
      } else {
        variables.push(tf.variable(tf.tensor4d(values, [layer.kernel, layer.kernel, shapes[i].channels, layer.filters]), true));
        variables.push(tf.variable(tf.zeros([layer.filters]), true));
        convs.set(i, fastConvolution(tf, shapes[i], layer.kernel, layer.stride, layer.filters));
      }
    });
    const last = shapes[shapes.length - 1];
    const flat = last.height * last.width * last.channels;
    // Glorot-sized output layer (fan-in + fan-out): the scores start small.
    variables.push(tf.variable(tf.tensor2d(initial(random, flat * classes, flat + classes), [flat, classes]), true));
    variables.push(tf.variable(tf.zeros([classes]), true));
  });
  return { spec, classes, layers, shapes, pool, variables, convs };
}

/** The first convolution's input columns for some images (see imageToColumns). */
function columnsOf(tf: Tf, model: Model, x: Float32Array, pick: ArrayLike<number>, pool = model.pool, into?: Float32Array): TF.Tensor2D {
  const first = model.layers[0] as ConvLayer;
  const width = first.kernel * first.kernel * model.shapes[0].channels + 1;
  const columns = imageToColumns(x, pick, model.shapes[0], first.kernel, pool, into);
  return tf.tensor2d(columns, [columns.length / width, width]);
}

/**
 * A buffer for the first layer's columns of `images` images, reused from one
 * batch to the next. Safe because each batch's tensor is disposed before the
 * next batch is written (TF.js's CPU backend keeps the array itself; the GPU
 * backends copy it when they upload).
 */
function columnsBuffer(model: Model, images: number): Float32Array {
  const first = model.layers[0] as ConvLayer;
  const s = model.shapes[0];
  return new Float32Array(images * s.height * s.width * (first.kernel * first.kernel * s.channels + 1));
}

/** Scores (logits) for n images given as the first layer's columns. Call inside tidy. */
function forward(tf: Tf, model: Model, columns: TF.Tensor2D, n: number): TF.Tensor2D {
  const z = columns.matMul(model.variables[0] as unknown as TF.Tensor2D);
  // Max pooling fused into the first convolution: the maximum over the blocks of rows (see imageToColumns).
  const pooled = model.pool > 1 ? tf.split(z, model.pool * model.pool, 0).reduce((a, b) => tf.maximum(a, b)) : z;
  const s = model.shapes[model.pool > 1 ? 2 : 1];
  // ReLU commutes with the maximum, so it runs on the pooled, smaller map.
  let h: TF.Tensor = tf.relu(pooled).reshape([n, s.height, s.width, s.channels]);
  let v = 1;
  model.layers.forEach((layer, i) => {
    if (i === 0 || (i === 1 && model.pool > 1)) return;
    if (layer.kind === 'conv') {
      h = tf.relu(model.convs.get(i)!(h as TF.Tensor4D, model.variables[v] as unknown as TF.Tensor4D).add(model.variables[v + 1]));
      v += 2;
    } else if (layer.kind === 'dense') {
      h = tf.relu(h.reshape([n, -1]).matMul(model.variables[v] as unknown as TF.Tensor2D).add(model.variables[v + 1]));
      v += 2;
    } else {
      h = tf.maxPool(h as TF.Tensor4D, layer.size, layer.size, 'same');
    }
  });
  const flat = h.reshape([n, -1]) as TF.Tensor2D;
  return flat.matMul(model.variables[v] as unknown as TF.Tensor2D).add(model.variables[v + 1]) as TF.Tensor2D;
}

function checkJob(job: TrainJob): CnnSpec {
  const spec = job.cnn;
  if (!spec) throw new Error('trainCnn: the job has no cnn spec');
  layersOf(spec.architecture);
  const size = spec.width * spec.height * spec.channels;
  if (!(size > 0)) throw new Error('trainCnn: image size must be positive');
  if (job.x.length !== job.y.length * size) throw new Error(`trainCnn: x has ${job.x.length} values, expected ${job.y.length} × ${size}`);
  if (job.testX.length !== job.testY.length * size)
    throw new Error(`trainCnn: testX has ${job.testX.length} values, expected ${job.testY.length} × ${size}`);
  if (job.y.length === 0) throw new Error('trainCnn: no training images');
  if (!(job.classes >= 2)) throw new Error('trainCnn: at least two classes');
  for (const labels of [job.y, job.testY])
    for (const label of labels)
      if (!Number.isInteger(label) || label < 0 || label >= job.classes) throw new Error(`trainCnn: label ${label} is not a class`);
  if (!(spec.batchSize >= 1)) throw new Error('trainCnn: batch size must be at least 1');
  if (!(job.learningRate > 0)) throw new Error('trainCnn: learning rate must be positive');
  return spec;
}

/** In-place Fisher–Yates shuffle. */
function shuffle(order: Int32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/** Lets messages (pause, stop, predict) in: a macrotask without setTimeout's 4 ms clamp where possible. */
const yieldToMessages: () => Promise<void> = (() => {
  const g = globalThis as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return () => new Promise<void>((r) => g.setImmediate!(r));
  if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((r) => {
        waiting.push(r);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((r) => setTimeout(r, 0));
})();

/** Class probabilities for the n images in x, in chunks; the tensors are freed. */
async function probabilitiesOf(tf: Tf, model: Model, x: Float32Array, n: number): Promise<Float32Array> {
  const out = new Float32Array(n * model.classes);
  const buffer = columnsBuffer(model, Math.min(EVAL_CHUNK, n));
  for (let start = 0; start < n; start += EVAL_CHUNK) {
    const size = Math.min(EVAL_CHUNK, n - start);
    const pick = Int32Array.from({ length: size }, (_, i) => start + i);
    const p = tf.tidy(() => tf.softmax(forward(tf, model, columnsOf(tf, model, x, pick, model.pool, buffer), size)));
    out.set((await p.data()) as Float32Array, start * model.classes);
    p.dispose();
  }
  return out;
}

export interface Scores {
  /** The most probable class of each example. */
  predictions: Float32Array;
  accuracy: number;
  /** Mean cross-entropy (probabilities clipped at 1e-7). */
  loss: number;
}

/** Predicted classes, accuracy and mean cross-entropy from probabilities (n × classes). */
export function scoreProbabilities(probabilities: Float32Array, truth: ArrayLike<number>, classes: number): Scores {
  const n = truth.length;
  const predictions = new Float32Array(n);
  let right = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    predictions[i] = best;
    if (best === truth[i]) right++;
    loss -= Math.log(Math.max(probabilities[i * classes + truth[i]], 1e-7));
  }
  return { predictions, accuracy: n ? right / n : 0, loss: n ? loss / n : 0 };
}

/**
 * When to report within an epoch of `batches` batches: after batch b (1-based)
 * 'report' (training loss and accuracy only) or 'evaluate' (the test data
 * too). About REPORTS_PER_EPOCH reports, EVALUATIONS_PER_EPOCH of which
 * evaluate, evenly spread; the epoch's last batch always reports.
 */
export function reportSchedule(batches: number): Map<number, 'report' | 'evaluate'> {
  const plan = new Map<number, 'report' | 'evaluate'>();
  const every = REPORTS_PER_EPOCH / EVALUATIONS_PER_EPOCH;
  for (let j = 1; j <= REPORTS_PER_EPOCH; j++) {
    const b = Math.max(1, Math.round((batches * j) / REPORTS_PER_EPOCH));
    const kind = j % every === 0 ? 'evaluate' : 'report';
    if (plan.get(b) !== 'evaluate') plan.set(b, kind);
  }
  plan.set(batches, 'evaluate');
  return plan;
}

export async function trainCnn(tf: Tf, job: TrainJob, hooks: TrainHooks = {}): Promise<{ progress: Progress; stopped: boolean }> {
  const spec = checkJob(job);
  disposeCnn();
  const model = createModel(tf, spec, job.classes);
  current = model;

  const n = job.y.length;
  const nTest = job.testY.length;
  const batchSize = Math.min(Math.floor(spec.batchSize), n);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const totalBatches = batchesPerEpoch * Math.max(0, Math.floor(job.epochs));
  const schedule = reportSchedule(batchesPerEpoch);
  const reportEvery = Math.max(1, Math.floor(job.reportEvery) || 1);

  const labels = Int32Array.from(job.y);
  const batchLabels = new Int32Array(batchSize);
  const batchColumns = columnsBuffer(model, batchSize);
  const optimizer = tf.train.adam(job.learningRate);
  const random = seededRandom(spec.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);

  // Sums over the batches since the last report, kept on the backend.
  let lossSum: TF.Scalar = tf.scalar(0);
  let rightSum: TF.Scalar = tf.scalar(0);
  let samplesSinceReport = 0;

  let evaluation: Scores & { probabilities: Float32Array } = {
    probabilities: new Float32Array(nTest * job.classes),
    predictions: new Float32Array(nTest),
    accuracy: 0,
    loss: Number.NaN,
  };
  let lastLoss = Number.NaN;
  let lastTrain = 0;
  let batchesDone = 0;
  let samplesSeen = 0;
  let pausedMs = 0;
  let started = performance.now();
  let stopped = false;

  async function evaluate(): Promise<void> {
    const probabilities = await probabilitiesOf(tf, model, job.testX, nTest);
    evaluation = { probabilities, ...scoreProbabilities(probabilities, job.testY, job.classes) };
  }

  async function readSums(): Promise<void> {
    if (samplesSinceReport === 0) return;
    const [loss, right] = await Promise.all([lossSum.data(), rightSum.data()]);
    lastLoss = loss[0] / samplesSinceReport;
    lastTrain = right[0] / samplesSinceReport;
    tf.dispose([lossSum, rightSum]);
    lossSum = tf.scalar(0);
    rightSum = tf.scalar(0);
    samplesSinceReport = 0;
  }

  function progress(): Progress {
    const elapsedMs = performance.now() - started - pausedMs;
    return {
      epoch: batchesDone / batchesPerEpoch,
      epochs: job.epochs,
      loss: lastLoss,
      train: lastTrain,
      test: evaluation.accuracy,
      testLoss: evaluation.loss,
      testPredictions: evaluation.predictions.slice(),
      testProbabilities: evaluation.probabilities.slice(),
      elapsedMs,
      samplesPerSecond: elapsedMs > 0 ? samplesSeen / (elapsedMs / 1000) : 0,
      tensors: tf.memory().numTensors,
    };
  }

  try {
    // The untrained network's test results (chance level), so every report carries measured values.
    await evaluate();
    // Training time (elapsedMs, samples per second, time left) starts now.
    started = performance.now();
    while (batchesDone < totalBatches) {
      if (hooks.shouldStop?.()) {
        stopped = true;
        break;
      }
      if (hooks.waitWhilePaused) {
        const before = performance.now();
        await hooks.waitWhilePaused();
        pausedMs += performance.now() - before;
        if (hooks.shouldStop?.()) {
          stopped = true;
          break;
        }
      }
      const inEpoch = batchesDone % batchesPerEpoch;
      if (inEpoch === 0) shuffle(order, random);
      const start = inEpoch * batchSize;
      const end = Math.min(start + batchSize, n);
      const size = end - start;
      const pick = order.subarray(start, end);
      for (let i = 0; i < size; i++) batchLabels[i] = labels[pick[i]];

      // TF.js's Adam reads its learning rate at every step.
      (optimizer as unknown as { learningRate: number }).learningRate =
        job.learningRate * (1 - (1 - SCHEDULE.finalShare) * (batchesDone / Math.max(1, totalBatches)));
      const columns = columnsOf(tf, model, job.x, pick, model.pool, batchColumns);
      const truth = tf.tensor1d(batchLabels.subarray(0, size), 'int32');
      let right: TF.Scalar | null = null;
      const cost = optimizer.minimize(
        () => {
          const logits = forward(tf, model, columns, size);
          right = tf.keep(logits.argMax(1).equal(truth).sum().toFloat() as TF.Scalar);
          return tf.losses.softmaxCrossEntropy(tf.oneHot(truth, job.classes), logits).asScalar();
        },
        true,
        model.variables,
      ) as TF.Scalar;
      const previous = [lossSum, rightSum];
      lossSum = tf.tidy(() => previous[0].add(cost.mul(size)));
      rightSum = tf.tidy(() => previous[1].add(right!));
      tf.dispose([...previous, cost, right!, columns, truth]);
      samplesSinceReport += size;
      samplesSeen += size;
      batchesDone++;

      const epochEnd = batchesDone % batchesPerEpoch === 0;
      const last = batchesDone === totalBatches;
      const planned = schedule.get(inEpoch + 1);
      const evaluateNow = last || (epochEnd ? (batchesDone / batchesPerEpoch) % reportEvery === 0 : planned === 'evaluate');
      if (planned || last) {
        await readSums();
        if (evaluateNow) await evaluate();
        if (!last) hooks.onProgress?.(progress());
      }
      await yieldToMessages();
    }
    await readSums();
    // A stopped run is measured as it stands (the learner sees where it stopped).
    if (stopped && samplesSeen > 0) await evaluate();
    const final = progress();
    hooks.onProgress?.(final);
    return { progress: final, stopped };
  } finally {
    tf.dispose([lossSum, rightSum]);
    optimizer.dispose();
  }
}

/**
 * Class probabilities (count × classes, row-major) of the last trained model
 * for `count` images (x as in TrainJob.x), and with `maps` the first
 * convolution's feature maps of the first image ([height, width, filters],
 * row-major, after ReLU, before pooling). Throws when no model was trained.
 */
export async function predictCnn(tf: Tf, x: Float32Array, count: number, maps: boolean): Promise<Prediction> {
  const model = current;
  if (!model) throw new Error('predictCnn: no trained network yet (train one first)');
  const { height, width, channels } = model.spec;
  if (!(count >= 1) || x.length !== count * height * width * channels)
    throw new Error(`predictCnn: expected ${count} × ${height} × ${width} × ${channels} values, got ${x.length}`);
  const started = performance.now();
  const [probs, first] = tf.tidy(() => {
    const pick = Int32Array.from({ length: count }, (_, i) => i);
    const probabilities = tf.softmax(forward(tf, model, columnsOf(tf, model, x, pick), count));
    // The feature maps in plain (y, x) order: the first image's columns without the pooling order.
    const maps_ = maps ? tf.relu(columnsOf(tf, model, x, [0], 1).matMul(model.variables[0] as unknown as TF.Tensor2D)) : tf.zeros([0]);
    return [probabilities, maps_];
  }) as [TF.Tensor2D, TF.Tensor];
  try {
    const probabilities = Float32Array.from((await probs.data()) as Float32Array);
    let featureMaps: Prediction['maps'];
    if (maps) {
      const s = model.shapes[1];
      featureMaps = { data: Float32Array.from((await first.data()) as Float32Array), height: s.height, width: s.width, filters: s.channels };
    }
    return { probabilities, maps: featureMaps, ms: performance.now() - started };
  } finally {
    tf.dispose([probs, first]);
  }
}
