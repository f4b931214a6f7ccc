/**
 * LAB "Playground": its settings, the presets each placement starts from, and
 * the settings in a link (the page's URL hash), so a learner can share an
 * experiment. Pure: no DOM.
 *
 *   #<exercise id>=v1.<data>.<noise %>.<training %>.<hidden>.<activation>.<learning rate>.<batch>.<L2>.<seed>.<epochs>
 *   e.g. #m5-playground-spiral=v1.spiral.0.50.8-8-8.tanh.0.03.10.0.7.1000
 *   hidden: "none", or the neurons of each hidden layer joined by "-"
 *
 * The key is the exercise id, so that with several Playgrounds on one page a
 * link speaks to one of them only. decodeState() refuses anything it does not
 * fully understand, so a damaged or hostile link only brings back the preset.
 */
import { DATASETS, type DatasetName } from '../../lib/ml/datasets2d';
import { ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_NEURONS } from '../../lib/ml/mlp';
import type { Activation } from '../../lib/ml/protocol';
import { EPOCH_CHOICES } from '../ui/epochs';

export interface PlaygroundSettings {
  dataset: DatasetName;
  /** Noise in percent: 0 to 50, in steps of 5. */
  noise: number;
  /** Share of training points in percent: 10 to 90, in steps of 10. */
  share: number;
  /** Neurons per hidden layer: 0 to 4 layers of 1 to 8. */
  hidden: number[];
  activation: Activation;
  learningRate: number;
  batchSize: number;
  /** L2 regularisation strength; 0 for none. */
  l2: number;
  /** Seed of the starting weights (and of the batch order). */
  seed: number;
  epochs: number;
}

export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const L2_STRENGTHS = [0, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const NOISE_STEP = 5;
export const MAX_NOISE_PERCENT = 50;
export const SHARE_RANGE = [10, 90] as const;
export const SHARE_STEP = 10;
export const MAX_BATCH = 30;
export const MAX_SEED = 999_999;
/** Neurons in a hidden layer the learner adds (the last layer's count, or this for the first). */
export const NEW_LAYER_NEURONS = 4;

export const PRESET_NAMES = ['xor', 'spiral', 'overfit'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Where each placement starts (the exercise's `preset`). The objective of a
 * placement counts on its preset's data set only.
 * - xor: no hidden layer, so the learner first sees one neuron fail;
 * - spiral: one small hidden layer, which the learner has to grow;
 * - overfit: overlapping clusters, half the points for training and a tiny
 *   network: no overfitting yet, until the learner keeps few training points
 *   and adds neurons and layers. Its learning rate is larger than the others'
 *   so that the network learns the few training points by heart quickly.
 */
export const PRESETS: Record<PresetName, PlaygroundSettings> = {
  xor: { dataset: 'xor', noise: 0, share: 50, hidden: [], activation: 'tanh', learningRate: 0.03, batchSize: 10, l2: 0, seed: 1, epochs: 200 },
  spiral: { dataset: 'spiral', noise: 0, share: 50, hidden: [4], activation: 'tanh', learningRate: 0.03, batchSize: 10, l2: 0, seed: 1, epochs: 1000 },
  overfit: { dataset: 'clusters', noise: 45, share: 50, hidden: [2], activation: 'tanh', learningRate: 0.3, batchSize: 10, l2: 0, seed: 1, epochs: 1000 },
};

/** The preset a placement starts from: its own when known, else XOR. */
export function presetOf(name: string | undefined): PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name ?? '') ? (name as PresetName) : 'xor';
}

/** Settings are valid when every value is one the controls can set. */
export function validSettings(s: PlaygroundSettings): boolean {
  return (
    (DATASETS as readonly string[]).includes(s.dataset) &&
    Number.isInteger(s.noise) && s.noise >= 0 && s.noise <= MAX_NOISE_PERCENT && s.noise % NOISE_STEP === 0 &&
    Number.isInteger(s.share) && s.share >= SHARE_RANGE[0] && s.share <= SHARE_RANGE[1] && s.share % SHARE_STEP === 0 &&
    s.hidden.length <= MAX_HIDDEN_LAYERS && s.hidden.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_NEURONS) &&
    (ACTIVATIONS as readonly string[]).includes(s.activation) &&
    (LEARNING_RATES as readonly number[]).includes(s.learningRate) &&
    Number.isInteger(s.batchSize) && s.batchSize >= 1 && s.batchSize <= MAX_BATCH &&
    (L2_STRENGTHS as readonly number[]).includes(s.l2) &&
    Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= MAX_SEED &&
    EPOCH_CHOICES.includes(s.epochs)
  );
}

export function encodeState(s: PlaygroundSettings): string {
  const hidden = s.hidden.length ? s.hidden.join('-') : 'none';
  return ['v1', s.dataset, s.noise, s.share, hidden, s.activation, s.learningRate, s.batchSize, s.l2, s.seed, s.epochs].join('.');
}

const UINT = /^(0|[1-9]\d{0,5})$/;

export function decodeState(text: string): PlaygroundSettings | null {
  // Learning rates and L2 strengths contain a dot of their own ("0.03"): match the whole string.
  const m =
    /^v1\.([a-z]+)\.(\d{1,2})\.(\d{2})\.(none|[1-8](?:-[1-8]){0,3})\.([a-z]+)\.(0\.\d{1,3}|[13])\.(\d{1,2})\.(0|0\.\d{1,3})\.(\d{1,6})\.(\d{2,4})$/.exec(
      text,
    );
  if (!m) return null;
  const [, dataset, noise, share, hidden, activation, lr, batch, l2, seed, epochs] = m;
  if (![noise, share, batch, seed, epochs].every((v) => UINT.test(v))) return null;
  const s: PlaygroundSettings = {
    dataset: dataset as DatasetName,
    noise: Number(noise),
    share: Number(share),
    hidden: hidden === 'none' ? [] : hidden.split('-').map(Number),
    activation: activation as Activation,
    learningRate: Number(lr),
    batchSize: Number(batch),
    l2: Number(l2),
    seed: Number(seed),
    epochs: Number(epochs),
  };
  // Only the canonical spelling of each number is accepted ("0.030" or "0.0" are not).
  if (String(s.learningRate) !== lr || String(s.l2) !== l2) return null;
  return validSettings(s) ? s : null;
}

/** Reads this placement's settings from a location hash; `present` when the hash names it at all. */
export function stateFromHash(hash: string, key: string): { state: PlaygroundSettings | null; present: boolean } {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(key);
  if (value === null) return { state: null, present: false };
  return { state: decodeState(value), present: true };
}

/** Everything that, when it changes, needs a new network (the learning rate, batch and L2 do not). */
export function networkKey(s: PlaygroundSettings): string {
  return [s.dataset, s.noise, s.share, s.hidden.join('-'), s.activation, s.seed].join('|');
}

/** The hidden layers after adding one (0 to 4 layers): it gets the last layer's count, or 4. */
export function addLayer(hidden: readonly number[]): number[] {
  if (hidden.length >= MAX_HIDDEN_LAYERS) return [...hidden];
  return [...hidden, hidden.length ? hidden[hidden.length - 1] : NEW_LAYER_NEURONS];
}

export function removeLayer(hidden: readonly number[]): number[] {
  return hidden.slice(0, -1);
}

/** The hidden layers with one more (+1) or one fewer (−1) neuron in layer `layer`, kept within 1 to 8. */
export function changeNeurons(hidden: readonly number[], layer: number, by: 1 | -1): number[] {
  return hidden.map((n, i) => (i === layer ? Math.min(MAX_NEURONS, Math.max(1, n + by)) : n));
}
