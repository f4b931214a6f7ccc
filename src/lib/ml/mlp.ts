/**
 * A small fully connected neural network in plain JavaScript: the engine of
 * the Playground lab. Two inputs (the coordinates of a point), 0 to 4 hidden
 * layers, and one output neuron whose sigmoid gives the probability of class 1.
 * Pure and DOM-free: the Playground's worker runs it, the tests check it, and
 * mlp-tf.ts trains the same network (same starting weights, same batches) with
 * TF.js.
 *
 * The maths, in short:
 * - a neuron computes z = w·a + b (a weighted sum of the layer before, plus its
 *   bias) and outputs f(z), f being the activation function; the output neuron
 *   outputs p = sigmoid(z), the probability of class 1;
 * - the loss is the cross-entropy −[y·log p + (1 − y)·log(1 − p)], averaged over
 *   the examples, computed from z in the numerically stable form
 *   max(z, 0) − z·y + log(1 + e^−|z|) (as TF.js's sigmoidCrossEntropy does);
 * - backpropagation: at the output, ∂loss/∂z = p − y; a hidden neuron's
 *   ∂loss/∂z is f′(z) times the sum of the next layer's ∂loss/∂z weighted by
 *   the links between them; ∂loss/∂w = ∂loss/∂z × the input the link carries;
 * - L2 regularisation adds λ/2 × the sum of all squared weights (not biases) to
 *   the loss, so λ·w to each weight's slope: large weights shrink;
 * - optimiser: plain mini-batch stochastic gradient descent, w ← w − η·∂loss/∂w
 *   after each batch. Not Adam: with plain SGD a step is exactly the learning
 *   rate times the slope, as the lesson describes, so a too small or too large
 *   learning rate creeps or jumps as the text says it will (Adam rescales each
 *   step and would hide that).
 */
import type { Activation } from './protocol';
import { seededRandom, type Random } from './rng';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const satisfies readonly Activation[];
export const MAX_HIDDEN_LAYERS = 4;
export const MAX_NEURONS = 8;

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The activation function f, and its slope f′ written with the neuron's output a = f(z). */
export const activationFunctions: Record<Activation, { f(z: number): number; slope(a: number, z: number): number }> = {
  relu: { f: (z) => (z > 0 ? z : 0), slope: (_a, z) => (z > 0 ? 1 : 0) },
  tanh: { f: Math.tanh, slope: (a) => 1 - a * a },
  sigmoid: { f: sigmoid, slope: (a) => a * (1 - a) },
  linear: { f: (z) => z, slope: () => 1 },
};

/** Cross-entropy of a logit z for label y (0 or 1), in the stable form. */
export function crossEntropy(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Trainable numbers: a weight for every link and a bias for every neuron after the inputs. */
export function parameterCount(hidden: readonly number[]): number {
  const sizes = [2, ...hidden, 1];
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += (sizes[l] + 1) * sizes[l + 1];
  return n;
}

/** The seeds of the two random streams a network uses: starting weights, and batch order. */
export const weightRandom = (seed: number): Random => seededRandom(seed);
export const batchRandom = (seed: number): Random => seededRandom((seed ^ 0x9e3779b9) >>> 0);

export class Network {
  /** Neurons per layer, inputs first: [2, ...hidden, 1]. */
  readonly sizes: number[];
  readonly activation: Activation;
  /** weights[l]: the links from layer l to layer l + 1, row-major [to][from]. */
  readonly weights: Float64Array[];
  /** biases[l]: the biases of layer l + 1. */
  readonly biases: Float64Array[];
  /** The last forward pass: every layer's weighted sums and outputs (inputs in outputs[0]). */
  private readonly z: Float64Array[];
  private readonly out: Float64Array[];
  private readonly delta: Float64Array[];
  /** Slopes of the last gradients() call (reused, so a training step allocates nothing). */
  private readonly grads: { gW: Float64Array[]; gb: Float64Array[] };

  /**
   * Starting weights from a seed: uniform in ±√(6 / (in + out)) (Glorot), or
   * ±√(6 / in) for ReLU (He), so signals neither vanish nor explode; biases 0.
   */
  constructor(hidden: readonly number[], activation: Activation, seed: number) {
    for (const n of hidden) if (!Number.isInteger(n) || n < 1) throw new Error(`mlp: a hidden layer needs at least one neuron, not ${n}`);
    this.sizes = [2, ...hidden, 1];
    this.activation = activation;
    const random = weightRandom(seed);
    this.weights = [];
    this.biases = [];
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      const fanIn = this.sizes[l];
      const fanOut = this.sizes[l + 1];
      const limit = Math.sqrt(6 / (activation === 'relu' && l + 2 < this.sizes.length ? fanIn : fanIn + fanOut));
      this.weights.push(Float64Array.from({ length: fanIn * fanOut }, () => (2 * random() - 1) * limit));
      this.biases.push(new Float64Array(fanOut));
    }
    this.z = this.sizes.map((n) => new Float64Array(n));
    this.out = this.sizes.map((n) => new Float64Array(n));
    this.delta = this.sizes.map((n) => new Float64Array(n));
    this.grads = this.zeros();
  }

  get hidden(): number[] {
    return this.sizes.slice(1, -1);
  }

  /** Forward pass for one point; returns the output logit z (p = sigmoid(z)). */
  logit(x0: number, x1: number): number {
    const { sizes, weights, biases, z, out } = this;
    const f = activationFunctions[this.activation].f;
    out[0][0] = x0;
    out[0][1] = x1;
    const last = sizes.length - 1;
    for (let l = 1; l <= last; l++) {
      const inputs = out[l - 1];
      const n = sizes[l - 1];
      const w = weights[l - 1];
      const b = biases[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        let s = b[j];
        for (let i = 0; i < n; i++) s += w[j * n + i] * inputs[i];
        z[l][j] = s;
        out[l][j] = l === last ? s : f(s);
      }
    }
    return z[last][0];
  }

  /** The probability of class 1 for a point. */
  predict(x0: number, x1: number): number {
    return sigmoid(this.logit(x0, x1));
  }

  /**
   * Adds the slopes of the cross-entropy for one example to gW and gb (scaled
   * by `scale`) and returns its loss. Backpropagation, from the output back.
   */
  private backward(x0: number, x1: number, y: number, gW: Float64Array[], gb: Float64Array[], scale: number): number {
    const z = this.logit(x0, x1);
    const { sizes, weights, out, delta } = this;
    const slope = activationFunctions[this.activation].slope;
    const last = sizes.length - 1;
    delta[last][0] = sigmoid(z) - y;
    for (let l = last; l >= 1; l--) {
      const n = sizes[l - 1];
      const w = weights[l - 1];
      const g = gW[l - 1];
      const d = delta[l];
      const inputs = out[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        const dj = d[j] * scale;
        gb[l - 1][j] += dj;
        for (let i = 0; i < n; i++) g[j * n + i] += dj * inputs[i];
      }
      if (l > 1) {
        const below = delta[l - 1];
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < sizes[l]; j++) s += w[j * n + i] * d[j];
          below[i] = s * slope(out[l - 1][i], this.z[l - 1][i]);
        }
      }
    }
    return crossEntropy(z, y);
  }

  /** Zeroed arrays shaped like the weights and biases. */
  zeros(): { gW: Float64Array[]; gb: Float64Array[] } {
    return { gW: this.weights.map((w) => new Float64Array(w.length)), gb: this.biases.map((b) => new Float64Array(b.length)) };
  }

  /**
   * The loss (mean cross-entropy plus the L2 penalty) of the examples `indices`
   * (all when omitted), and its slope for every weight and bias. The slopes'
   * arrays are reused by the next call.
   */
  gradients(x: ArrayLike<number>, y: ArrayLike<number>, l2 = 0, indices?: ArrayLike<number>, from = 0, to?: number) {
    const end = to ?? (indices ? indices.length : y.length);
    const count = end - from;
    const grads = this.grads;
    for (const g of grads.gW) g.fill(0);
    for (const g of grads.gb) g.fill(0);
    let loss = 0;
    for (let k = from; k < end; k++) {
      const i = indices ? indices[k] : k;
      loss += this.backward(x[2 * i], x[2 * i + 1], y[i], grads.gW, grads.gb, 1 / count);
    }
    loss /= count;
    if (l2 > 0) {
      this.weights.forEach((w, l) => {
        const g = grads.gW[l];
        for (let i = 0; i < w.length; i++) {
          g[i] += l2 * w[i];
          loss += (l2 / 2) * w[i] * w[i];
        }
      });
    }
    return { loss, ...grads };
  }

  /** One step of gradient descent on the batch indices[from..to). Returns the batch's loss before the step. */
  step(x: ArrayLike<number>, y: ArrayLike<number>, indices: ArrayLike<number>, from: number, to: number, learningRate: number, l2: number): number {
    const { loss, gW, gb } = this.gradients(x, y, l2, indices, from, to);
    this.weights.forEach((w, l) => {
      const g = gW[l];
      for (let i = 0; i < w.length; i++) w[i] -= learningRate * g[i];
    });
    this.biases.forEach((b, l) => {
      const g = gb[l];
      for (let i = 0; i < b.length; i++) b[i] -= learningRate * g[i];
    });
    return loss;
  }

  /** Mean cross-entropy (no penalty) and accuracy (p > 0.5 means class 1) on a data set. */
  evaluate(x: ArrayLike<number>, y: ArrayLike<number>): { loss: number; accuracy: number } {
    const n = y.length;
    if (n === 0) return { loss: 0, accuracy: 0 };
    let loss = 0;
    let right = 0;
    for (let i = 0; i < n; i++) {
      const z = this.logit(x[2 * i], x[2 * i + 1]);
      loss += crossEntropy(z, y[i]);
      if ((z > 0 ? 1 : 0) === y[i]) right++;
    }
    return { loss: loss / n, accuracy: right / n };
  }

  /**
   * What the network and each of its hidden neurons output over a set of
   * points (x, y pairs): the first P values are the probability of class 1 at
   * each of the P points; then come the P outputs of every hidden neuron, layer
   * by layer, neuron by neuron. (mlp-tf.ts reports the same layout.)
   */
  probe(points: ArrayLike<number>): Float32Array {
    const count = points.length / 2;
    const hidden = this.hidden;
    const neurons = hidden.reduce((a, b) => a + b, 0);
    const result = new Float32Array(count * (1 + neurons));
    for (let i = 0; i < count; i++) {
      result[i] = sigmoid(this.logit(points[2 * i], points[2 * i + 1]));
      let k = 0;
      for (let l = 1; l <= hidden.length; l++)
        for (let j = 0; j < this.sizes[l]; j++) result[count * (1 + k++) + i] = this.out[l][j];
    }
    return result;
  }

  /** Every weight and bias in one array: per layer, its weights [to][from], then its biases. */
  parameters(): Float32Array {
    const all: number[] = [];
    this.weights.forEach((w, l) => all.push(...w, ...this.biases[l]));
    return Float32Array.from(all);
  }

  /** Sets every weight and bias from an array laid out as parameters() gives them. */
  setParameters(values: ArrayLike<number>): void {
    let k = 0;
    this.weights.forEach((w, l) => {
      for (let i = 0; i < w.length; i++) w[i] = values[k++];
      const b = this.biases[l];
      for (let i = 0; i < b.length; i++) b[i] = values[k++];
    });
    if (k !== values.length) throw new Error(`mlp: expected ${k} parameters, got ${values.length}`);
  }
}

/** Fisher–Yates shuffle of an index array in place, with the given random stream. */
export function shuffle(order: Int32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

export interface EpochSettings {
  batchSize: number;
  learningRate: number;
  l2: number;
}

/**
 * A network with its batch order: one epoch visits every training example once,
 * in a freshly shuffled order, in batches of `batchSize` (the last one may be
 * smaller), taking one step after each batch.
 */
export class Trainer {
  readonly network: Network;
  private readonly random: Random;
  private readonly order: Int32Array;
  epoch = 0;

  constructor(
    hidden: readonly number[],
    activation: Activation,
    seed: number,
    readonly x: Float32Array,
    readonly y: Float32Array,
  ) {
    this.network = new Network(hidden, activation, seed);
    this.random = batchRandom(seed);
    this.order = Int32Array.from({ length: y.length }, (_, i) => i);
  }

  /** Trains one epoch; returns the mean loss of its batches (penalty included). */
  trainEpoch({ batchSize, learningRate, l2 }: EpochSettings): number {
    const n = this.y.length;
    if (n === 0) return 0;
    shuffle(this.order, this.random);
    const size = Math.max(1, Math.min(n, Math.floor(batchSize)));
    let loss = 0;
    let batches = 0;
    for (let from = 0; from < n; from += size) {
      loss += this.network.step(this.x, this.y, this.order, from, Math.min(n, from + size), learningRate, l2);
      batches++;
    }
    this.epoch++;
    return loss / batches;
  }
}

/** The batches one epoch visits (for a TF.js twin of the same training): the shuffled order, cut in batches. */
export function epochBatches(order: Int32Array, random: Random, batchSize: number): Int32Array[] {
  shuffle(order, random);
  const size = Math.max(1, Math.min(order.length, Math.floor(batchSize)));
  const batches: Int32Array[] = [];
  for (let from = 0; from < order.length; from += size) batches.push(order.slice(from, Math.min(order.length, from + size)));
  return batches;
}
