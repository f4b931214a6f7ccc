/** What the Digits lab shows (src/labs/digits/view.ts): answers, feature-map regions, mistakes, ink. */
import { describe, expect, it } from 'vitest';
import { cnnParameterCount, featureMapShape } from '../../src/lib/ml/cnn';
import { DIGIT_EPOCH_CHOICES, DIGITS_DEFAULTS, DIGITS_PARAMETERS, LEARNING_RATES } from '../../src/labs/digits/settings';
import { mapOf, rankMistakes, rgbaFromInk, strongestRegion, topAnswers } from '../../src/labs/digits/view';
import { inkFromRgba } from '../../src/lib/ml/digit-image';

describe('the lab’s settings', () => {
  it('match the network the worker trains', () => {
    const geometry = { width: 28, height: 28, channels: 1, architecture: 'digits' as const };
    expect(DIGITS_PARAMETERS).toBe(cnnParameterCount(geometry, 10));
    expect(featureMapShape(geometry)).toEqual({ height: 28, width: 28, channels: 8 });
    expect(DIGIT_EPOCH_CHOICES).toContain(DIGITS_DEFAULTS.epochs);
    expect(LEARNING_RATES).toContain(DIGITS_DEFAULTS.learningRate);
  });
});

describe('topAnswers', () => {
  it('orders the digits by probability, ties by digit', () => {
    const p = [0.05, 0.6, 0.05, 0.2, 0, 0, 0, 0.1, 0, 0];
    expect(topAnswers(p)).toEqual([
      { digit: 1, probability: 0.6 },
      { digit: 3, probability: 0.2 },
    ]);
    expect(topAnswers(p, 10).map((a) => a.digit)).toEqual([1, 3, 7, 0, 2, 4, 5, 6, 8, 9]);
  });
});

describe('strongestRegion', () => {
  /** A 9 × 9 map with 2 filters: filter 0 lights a block, filter 1 is given. */
  function maps(block: [number, number], other: (y: number, x: number) => number = () => 0) {
    const m = new Float32Array(9 * 9 * 2);
    for (let y = 0; y < 9; y++)
      for (let x = 0; x < 9; x++) {
        m[(y * 9 + x) * 2] = y >= block[0] && y < block[0] + 3 && x >= block[1] && x < block[1] + 3 ? 1 : 0.1;
        m[(y * 9 + x) * 2 + 1] = other(y, x);
      }
    return m;
  }
  it('names the third of the height and width where the filter is strongest', () => {
    expect(strongestRegion(maps([0, 0]), 9, 9, 2, 0)).toBe('top-left');
    expect(strongestRegion(maps([0, 6]), 9, 9, 2, 0)).toBe('top-right');
    expect(strongestRegion(maps([3, 3]), 9, 9, 2, 0)).toBe('centre');
    expect(strongestRegion(maps([6, 3]), 9, 9, 2, 0)).toBe('bottom');
    expect(strongestRegion(maps([3, 0]), 9, 9, 2, 0)).toBe('left');
  });
  it('looks only at its own filter, and says none for an empty map', () => {
    expect(strongestRegion(maps([0, 0]), 9, 9, 2, 1)).toBe('none');
    expect(strongestRegion(maps([0, 0], (y, x) => (y > 5 && x > 5 ? 2 : 0)), 9, 9, 2, 1)).toBe('bottom-right');
  });
  it('mapOf takes one filter out of [height, width, filters]', () => {
    const m = maps([0, 0], (y) => y);
    expect(Array.from(mapOf(m, 2, 1)).slice(0, 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(mapOf(m, 2, 0)[0]).toBe(1);
  });
});

describe('rankMistakes', () => {
  it('keeps only wrong answers, the surest first, at most the limit', () => {
    const truth = [0, 1, 2, 1, 0];
    const predictions = [0, 2, 2, 0, 1];
    // 5 examples × 3 classes.
    const p = [0.9, 0.05, 0.05, 0.1, 0.2, 0.7, 0, 0, 1, 0.95, 0.05, 0, 0.4, 0.6, 0];
    expect(rankMistakes(truth, predictions, p, 3)).toEqual([3, 1, 4]);
    expect(rankMistakes(truth, predictions, p, 3, 2)).toEqual([3, 1]);
    expect(rankMistakes(truth, truth, p, 3)).toEqual([]);
    expect(rankMistakes(truth, predictions, undefined, 3)).toEqual([1, 3, 4]);
  });
});

describe('ink and pictures', () => {
  it('the ink is the alpha channel; pictures are dark ink on white', () => {
    const rgba = new Uint8ClampedArray([28, 34, 43, 255, 0, 0, 0, 0, 28, 34, 43, 51]);
    const ink = inkFromRgba(rgba);
    expect([ink[0], ink[1]]).toEqual([1, 0]);
    expect(ink[2]).toBeCloseTo(0.2, 6);
    const out = rgbaFromInk([0, 1, 0.5, 2]);
    expect(Array.from(out.subarray(0, 4))).toEqual([255, 255, 255, 255]);
    expect(out[4]).toBe(28);
    expect(out[8]).toBeGreaterThan(28);
    expect(out[8]).toBeLessThan(255);
    expect(out[12]).toBe(28); // clipped
    expect(Array.from(rgbaFromInk([255], 255).subarray(0, 3))).toEqual([28, 28, 28]);
  });
});
