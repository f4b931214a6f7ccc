/** LAB "Playground": its settings in a link, its presets, its objectives and the pure parts of its pictures. */
import { describe, expect, it } from 'vitest';
import { meetsObjective } from '../../src/lib/exercises/grade';
import { grid } from '../../src/lib/ml/datasets2d';
import { Network } from '../../src/lib/ml/mlp';
import { contour, linkWeight, linkWidth, networkLayout, neuronLevel, paint, shade } from '../../src/labs/playground/draw';
import { chartLine, CHART_CAP } from '../../src/labs/playground/LossChart';
import { bestMeasurement, measure } from '../../src/labs/playground/objective';
import {
  addLayer,
  changeNeurons,
  decodeState,
  encodeState,
  networkKey,
  presetOf,
  PRESETS,
  PRESET_NAMES,
  removeLayer,
  stateFromHash,
  validSettings,
  type PlaygroundSettings,
} from '../../src/labs/playground/state';
import { thin } from '../../src/labs/playground/usePlainTraining';

const spiral: PlaygroundSettings = { ...PRESETS.spiral, hidden: [8, 8, 8], learningRate: 0.1, seed: 4711, epochs: 1000 };

describe('Playground presets', () => {
  it('every placement starts from valid settings of its own', () => {
    for (const name of PRESET_NAMES) expect(validSettings(PRESETS[name]), name).toBe(true);
    expect(PRESETS.xor).toMatchObject({ dataset: 'xor', hidden: [], activation: 'tanh', learningRate: 0.03, batchSize: 10 });
    expect(PRESETS.spiral).toMatchObject({ dataset: 'spiral', noise: 0, hidden: [4], activation: 'tanh', learningRate: 0.03, batchSize: 10 });
    expect(PRESETS.overfit).toMatchObject({ dataset: 'clusters', noise: 45, share: 50, hidden: [2], activation: 'tanh', l2: 0 });
  });
  it('an unknown or missing preset starts as XOR', () => {
    expect(presetOf('spiral')).toBe('spiral');
    expect(presetOf(undefined)).toBe('xor');
    expect(presetOf('circles')).toBe('xor');
  });
});

describe('Playground settings in a link', () => {
  it('round-trip, every preset and a network of several layers', () => {
    for (const s of [...PRESET_NAMES.map((n) => PRESETS[n]), spiral, { ...spiral, l2: 0.003, learningRate: 3, batchSize: 1, noise: 50, share: 10 }]) {
      expect(decodeState(encodeState(s))).toEqual(s);
    }
    expect(encodeState(spiral)).toBe('v1.spiral.0.50.8-8-8.tanh.0.1.10.0.4711.1000');
    expect(encodeState(PRESETS.xor)).toBe('v1.xor.0.50.none.tanh.0.03.10.0.1.200');
  });

  it('refuse damaged, out-of-range or hostile values', () => {
    const good = encodeState(spiral);
    for (const bad of [
      '',
      'v2.spiral.0.50.8-8-8.tanh.0.1.10.0.4711.1000',
      'v1.moons.0.50.8.tanh.0.1.10.0.1.200', // unknown data set
      'v1.spiral.7.50.8.tanh.0.1.10.0.1.200', // noise not a step of 5
      'v1.spiral.55.50.8.tanh.0.1.10.0.1.200', // noise above 50 %
      'v1.spiral.0.95.8.tanh.0.1.10.0.1.200', // share above 90 %
      'v1.spiral.0.05.8.tanh.0.1.10.0.1.200',
      'v1.spiral.0.50.9.tanh.0.1.10.0.1.200', // 9 neurons
      'v1.spiral.0.50.0.tanh.0.1.10.0.1.200', // 0 neurons
      'v1.spiral.0.50.8-8-8-8-8.tanh.0.1.10.0.1.200', // 5 layers
      'v1.spiral.0.50.8.softmax.0.1.10.0.1.200',
      'v1.spiral.0.50.8.tanh.0.2.10.0.1.200', // not a listed learning rate
      'v1.spiral.0.50.8.tanh.0.10.10.0.1.200', // not the canonical spelling
      'v1.spiral.0.50.8.tanh.0.1.31.0.1.200', // batch above 30
      'v1.spiral.0.50.8.tanh.0.1.0.0.1.200',
      'v1.spiral.0.50.8.tanh.0.1.10.0.5.1.200', // not a listed L2 strength
      'v1.spiral.0.50.8.tanh.0.1.10.0.1.300', // not an epoch choice
      'v1.spiral.0.50.8.tanh.0.1.10.0.1234567.200', // seed too long
      'v1.spiral.0.50.8.tanh.0.1.10.0.01.200', // leading zero
      good.slice(0, -1),
      `${good}.extra`,
      'v1.spiral.0.50.<script>.tanh.0.1.10.0.1.200',
      '__proto__',
    ]) {
      expect(decodeState(bad), bad).toBeNull();
    }
  });

  it('a link speaks to one placement only: the key is the exercise id', () => {
    const hash = `#m5-playground-spiral=${encodeState(spiral)}`;
    expect(stateFromHash(hash, 'm5-playground-spiral')).toEqual({ state: spiral, present: true });
    expect(stateFromHash(hash, 'm5-playground-xor')).toEqual({ state: null, present: false });
    expect(stateFromHash('#m5-playground-xor=garbage', 'm5-playground-xor')).toEqual({ state: null, present: true });
  });
});

describe('Playground network controls', () => {
  it('add and remove hidden layers (0 to 4); a new layer copies the last one, or has 4 neurons', () => {
    expect(addLayer([])).toEqual([4]);
    expect(addLayer([6])).toEqual([6, 6]);
    expect(addLayer([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(removeLayer([3, 5])).toEqual([3]);
    expect(removeLayer([])).toEqual([]);
  });
  it('change neurons within 1 to 8', () => {
    expect(changeNeurons([4, 8], 1, 1)).toEqual([4, 8]);
    expect(changeNeurons([1, 8], 0, -1)).toEqual([1, 8]);
    expect(changeNeurons([4, 8], 0, 1)).toEqual([5, 8]);
  });
  it('a new network is needed for new data or a new architecture, not for a new learning rate', () => {
    const k = networkKey(PRESETS.xor);
    expect(networkKey({ ...PRESETS.xor, learningRate: 1, batchSize: 3, l2: 0.01, epochs: 50 })).toBe(k);
    const changes: Partial<PlaygroundSettings>[] = [{ dataset: 'spiral' }, { noise: 5 }, { share: 60 }, { hidden: [2] }, { activation: 'relu' }, { seed: 2 }];
    for (const change of changes) expect(networkKey({ ...PRESETS.xor, ...change }), JSON.stringify(change)).not.toBe(k);
  });
});

describe('Playground objectives', () => {
  const m = { loss: 0.1, test: 0.9, testLoss: 0.45 };
  it('measure test accuracy, test loss, or the gap between test and training loss', () => {
    expect(measure({ metric: 'accuracy', atLeast: 0.95 }, m)).toBe(0.9);
    expect(measure({ metric: 'loss', atMost: 0.2 }, m)).toBe(0.45);
    expect(measure({ metric: 'lossGap', atLeast: 0.3 }, m)).toBeCloseTo(0.35);
    expect(measure({ metric: 'loss', atMost: 0.2 }, { loss: 0.1, test: 1 })).toBeNull();
    expect(measure({ metric: 'error', atMost: 1 }, m)).toBeNull();
  });
  it('the best measurement is the highest accuracy or gap, and the lowest loss', () => {
    const history = [
      { loss: 0.6, test: 0.5, testLoss: 0.7 },
      { loss: 0.2, test: 0.97, testLoss: 0.18 },
      { loss: 0.01, test: 0.93, testLoss: 0.5 },
    ];
    expect(bestMeasurement({ metric: 'accuracy', atLeast: 0.95 }, history)).toBe(0.97);
    expect(bestMeasurement({ metric: 'loss', atMost: 0.2 }, history)).toBe(0.18);
    expect(bestMeasurement({ metric: 'lossGap', atLeast: 0.3 }, history)).toBeCloseTo(0.49);
    expect(bestMeasurement({ metric: 'loss', atMost: 0.2 }, [])).toBeNull();
    expect(meetsObjective({ metric: 'lossGap', atLeast: 0.3 }, 0.49)).toBe(true);
    expect(meetsObjective({ metric: 'loss', atMost: 0.2 }, 0.18)).toBe(true);
  });
});

describe('Playground pictures', () => {
  it('shade: white at 0.5, tinted towards each class, clamped', () => {
    expect(shade(0.5)).toEqual([255, 255, 255]);
    const [r0, , b0] = shade(0);
    expect(b0).toBeGreaterThan(r0); // blue for class 0
    const [r1, , b1] = shade(1);
    expect(r1).toBeGreaterThan(b1); // orange for class 1
    expect(shade(2)).toEqual(shade(1));
    const out = new Uint8ClampedArray(8);
    paint([0.5, 1], out);
    expect(Array.from(out.slice(0, 4))).toEqual([255, 255, 255, 255]);
    expect(Array.from(out.slice(4, 7))).toEqual(shade(1));
  });
  it('neuron levels: sigmoid on 0..1, the others on −1..1', () => {
    expect(neuronLevel(0, 'tanh')).toBe(0.5);
    expect(neuronLevel(-3, 'linear')).toBe(0);
    expect(neuronLevel(0.25, 'sigmoid')).toBe(0.25);
    expect(neuronLevel(5, 'relu')).toBe(1);
  });
  it('the contour of a field that rises from left to right is a vertical line where it crosses 0.5', () => {
    const size = 8;
    const values = Float32Array.from({ length: size * size }, (_, i) => (i % size) / (size - 1));
    const segments = contour(values, size);
    expect(segments.length).toBe(4 * (size - 1));
    for (let i = 0; i < segments.length; i += 2) expect(segments[i]).toBeCloseTo(0.5, 6);
    expect(contour(new Float32Array(16).fill(0.9), 4)).toEqual([]);
  });
  it('lays out one column per layer, neurons centred, within the width', () => {
    const { boxes, height } = networkLayout([2, 8, 3, 1], 400, 34, 6);
    expect(height).toBe(2 * 6 + 8 * 34 + 7 * 6);
    expect(boxes.map((c) => c.length)).toEqual([2, 8, 3, 1]);
    expect(boxes[3][0].x + 34).toBeCloseTo(400 - 6);
    expect(boxes[3][0].y + 17).toBeCloseTo(height / 2);
  });
  it('finds each link’s weight in the network’s parameters and draws it thicker when larger', () => {
    const net = new Network([3, 2], 'tanh', 5);
    const p = net.parameters();
    const sizes = net.sizes;
    expect(linkWeight(p, sizes, 0, 1, 2)).toBeCloseTo(net.weights[0][2 * 2 + 1], 6);
    expect(linkWeight(p, sizes, 1, 2, 1)).toBeCloseTo(net.weights[1][1 * 3 + 2], 6);
    expect(linkWeight(p, sizes, 2, 1, 0)).toBeCloseTo(net.weights[2][1], 6);
    expect(linkWidth(1, 1)).toBe(4);
    expect(linkWidth(-0.5, 1)).toBeCloseTo(2.25);
    expect(linkWidth(0, 0)).toBe(1);
  });
  it('the chart spans the epochs shown and caps huge losses at its top', () => {
    const line = chartLine([{ epoch: 0, loss: 0.5 }, { epoch: 10, loss: 99 }], (p) => p.loss, CHART_CAP).split(' ');
    expect(line).toHaveLength(2);
    expect(line[1].split(',')[1]).toBe('4.0');
    expect(chartLine([{ epoch: 3, loss: 1, testLoss: undefined }], (p) => p.testLoss, 1)).toBe('');
  });
  it('a long history is thinned, keeping the recent points', () => {
    const history = Array.from({ length: 1300 }, (_, i) => i);
    const thinned = thin(history, 1200);
    expect(thinned.length).toBeLessThanOrEqual(1200);
    expect(thinned.slice(-650)).toEqual(history.slice(-650));
    expect(thin([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
  it('the probe grid the lab uses gives one picture per neuron', () => {
    const net = new Network([4, 2], 'relu', 1);
    expect(net.probe(grid(32))).toHaveLength(32 * 32 * 7);
  });
});
