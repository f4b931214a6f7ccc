/** Natural frequencies of a medical test (src/lib/probability/natural-frequencies.ts), checked against hand calculations. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/ml/rng';
import {
  frequencies,
  percentDigits,
  posteriorNegative,
  posteriorPositive,
  prevalenceIndex,
  PREVALENCE_STEPS,
  roundCount,
  type TestSettings,
} from '../../src/lib/probability/natural-frequencies';

const lesson: TestSettings = { prevalence: 0.01, sensitivity: 0.9, specificity: 0.91 };

describe('frequencies', () => {
  it("splits 1,000 people as the lesson's example does by hand", () => {
    expect(frequencies(lesson)).toEqual({
      population: 1000,
      ill: 10,
      healthy: 990,
      truePos: 9,
      falseNeg: 1,
      falsePos: 89, // 990 × 0.09 = 89.1 → 89
      trueNeg: 901,
      positives: 98,
      negatives: 902,
    });
  });

  it('a common condition: 30 % of 1,000 with the same test', () => {
    const f = frequencies({ prevalence: 0.3, sensitivity: 0.9, specificity: 0.91 });
    expect([f.ill, f.truePos, f.falseNeg, f.healthy, f.falsePos, f.trueNeg]).toEqual([300, 270, 30, 700, 63, 637]);
  });

  it('a very good test (99 %, 99 %) on a 1 % condition: as many false alarms as ill people', () => {
    const f = frequencies({ prevalence: 0.01, sensitivity: 0.99, specificity: 0.99 });
    expect([f.truePos, f.falseNeg, f.falsePos, f.trueNeg]).toEqual([10, 0, 10, 980]); // 9.9 → 10 twice
  });

  it('rounds halves up, whatever the floating-point noise', () => {
    expect(roundCount(990 * 0.09)).toBe(89);
    expect(roundCount(15 * 0.9)).toBe(14); // 13.5
    expect(roundCount(1 * 0.5)).toBe(1);
    expect(frequencies({ prevalence: 0.015, sensitivity: 0.9, specificity: 0.5 }).truePos).toBe(14);
    // 25 × 0.58 = 14.5 is 14.499999999999998 in floating point; 505 × (1 − 0.9) = 50.5 is 50.499999999999986.
    expect(frequencies({ prevalence: 0.025, sensitivity: 0.58, specificity: 0.5 })).toMatchObject({ truePos: 15, falseNeg: 10 });
    expect(frequencies({ prevalence: 0.495, sensitivity: 0.9, specificity: 0.9 })).toMatchObject({ healthy: 505, falsePos: 51, trueNeg: 454 });
  });

  it('uses another population size when asked', () => {
    const f = frequencies(lesson, 10000);
    expect([f.ill, f.truePos, f.falseNeg, f.healthy, f.falsePos, f.trueNeg]).toEqual([100, 90, 10, 9900, 891, 9009]);
  });

  it('keeps out-of-range settings inside 0–1 instead of producing negative people', () => {
    const f = frequencies({ prevalence: 1.4, sensitivity: -0.2, specificity: Number.NaN });
    expect(f).toMatchObject({ ill: 1000, truePos: 0, falseNeg: 1000, healthy: 0, falsePos: 0, trueNeg: 0 });
  });

  it('always adds up to the population and never counts negative people (seeded random settings)', () => {
    const random = seededRandom(20260114);
    for (let i = 0; i < 5000; i++) {
      const population = [1000, 1, 7, 250, 99999][i % 5];
      const settings = { prevalence: random(), sensitivity: random(), specificity: random() };
      const f = frequencies(settings, population);
      expect(f.truePos + f.falseNeg + f.falsePos + f.trueNeg).toBe(population);
      expect(f.ill + f.healthy).toBe(population);
      expect(f.positives + f.negatives).toBe(population);
      for (const n of [f.ill, f.healthy, f.truePos, f.falseNeg, f.falsePos, f.trueNeg]) {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('adds up on every setting the sliders can reach', () => {
    for (const perThousand of PREVALENCE_STEPS) {
      for (let sens = 50; sens <= 100; sens += 1) {
        for (let spec = 50; spec <= 100; spec += 7) {
          const f = frequencies({ prevalence: perThousand / 1000, sensitivity: sens / 100, specificity: spec / 100 });
          expect(f.ill).toBe(perThousand);
          expect(f.truePos + f.falseNeg + f.falsePos + f.trueNeg).toBe(1000);
          expect(Math.min(f.truePos, f.falseNeg, f.falsePos, f.trueNeg)).toBeGreaterThanOrEqual(0);
          expect(f.positives).toBeGreaterThan(0); // on the sliders' range someone always tests positive
        }
      }
    }
  });
});

describe('posteriors (Bayes rule)', () => {
  it('P(ill | positive) for the lesson: exact 0.009 / (0.009 + 0.0891), counted 9 / 98', () => {
    const p = posteriorPositive(lesson);
    expect(p.exact).toBeCloseTo(0.009 / (0.009 + 0.0891), 12);
    expect(p.exact).toBeCloseTo(0.0917, 4);
    expect(p.fromCounts).toBe(9 / 98);
  });

  it('P(ill | negative) for the lesson: exact 0.001 / (0.001 + 0.9009), counted 1 / 902', () => {
    const p = posteriorNegative(lesson);
    expect(p.exact).toBeCloseTo(0.001 / (0.001 + 0.9009), 12);
    expect(p.exact).toBeCloseTo(0.00111, 5);
    expect(p.fromCounts).toBe(1 / 902);
  });

  it('50 %, 50 %, 50 %: a coin flip tells nothing, 0.5 either way', () => {
    const half = { prevalence: 0.5, sensitivity: 0.5, specificity: 0.5 };
    expect(posteriorPositive(half)).toEqual({ exact: 0.5, fromCounts: 0.5 });
    expect(posteriorNegative(half)).toEqual({ exact: 0.5, fromCounts: 0.5 });
  });

  it('with 100 % specificity every positive is ill', () => {
    for (const prevalence of [0.001, 0.01, 0.2, 0.5]) {
      for (const sensitivity of [0.5, 0.77, 1]) {
        const s = { prevalence, sensitivity, specificity: 1 };
        expect(frequencies(s).truePos).toBeGreaterThan(0);
        expect(posteriorPositive(s)).toEqual({ exact: 1, fromCounts: 1 });
      }
    }
  });

  it('with 100 % sensitivity no negative is ill', () => {
    expect(posteriorNegative({ prevalence: 0.3, sensitivity: 1, specificity: 0.8 })).toEqual({ exact: 0, fromCounts: 0 });
  });

  it('says "no answer" (null) instead of dividing by zero when nobody tests positive or negative', () => {
    const nobodyPositive = { prevalence: 0, sensitivity: 0.9, specificity: 1 };
    expect(frequencies(nobodyPositive).positives).toBe(0);
    expect(posteriorPositive(nobodyPositive)).toEqual({ exact: null, fromCounts: null });
    const nobodyNegative = { prevalence: 1, sensitivity: 1, specificity: 0.5 };
    expect(posteriorNegative(nobodyNegative)).toEqual({ exact: null, fromCounts: null });
    // Exact probability exists, but too few people to count any positive.
    const tiny = posteriorPositive({ prevalence: 0.001, sensitivity: 0.9, specificity: 1 }, 100);
    expect(tiny.exact).toBe(1);
    expect(tiny.fromCounts).toBeNull();
    expect(posteriorPositive(lesson, 0)).toEqual({ exact: posteriorPositive(lesson).exact, fromCounts: null });
  });

  it('a higher prevalence never lowers P(ill | positive), exact or counted', () => {
    for (const sensitivity of [0.5, 0.7, 0.9, 0.99, 1]) {
      for (const specificity of [0.5, 0.8, 0.91, 0.99, 1]) {
        let exact = -1;
        let counted = -1;
        for (const perThousand of PREVALENCE_STEPS) {
          const p = posteriorPositive({ prevalence: perThousand / 1000, sensitivity, specificity });
          expect(p.exact!).toBeGreaterThanOrEqual(exact - 1e-12);
          expect(p.fromCounts!).toBeGreaterThanOrEqual(counted);
          exact = p.exact!;
          counted = p.fromCounts!;
        }
      }
    }
  });

  it('the counted answer approaches the exact one for a large population', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const s = { prevalence: 0.05 + 0.45 * random(), sensitivity: 0.5 + 0.5 * random(), specificity: 0.5 + 0.5 * random() };
      const p = posteriorPositive(s, 10_000_000);
      expect(Math.abs(p.fromCounts! - p.exact!)).toBeLessThan(1e-4);
    }
  });
});

describe('the prevalence scale', () => {
  it('goes from 1 to 500 per 1,000: 0.1 % steps up to 5 %, then 1 % steps', () => {
    expect(PREVALENCE_STEPS[0]).toBe(1);
    expect(PREVALENCE_STEPS[9]).toBe(10);
    expect(PREVALENCE_STEPS[49]).toBe(50);
    expect(PREVALENCE_STEPS[50]).toBe(60);
    expect(PREVALENCE_STEPS.at(-1)).toBe(500);
    expect(PREVALENCE_STEPS).toHaveLength(95);
    for (let i = 1; i < PREVALENCE_STEPS.length; i++) expect(PREVALENCE_STEPS[i]).toBeGreaterThan(PREVALENCE_STEPS[i - 1]);
  });

  it('finds the slider position of a prevalence (the nearest step)', () => {
    expect(prevalenceIndex(10)).toBe(9);
    expect(prevalenceIndex(300)).toBe(PREVALENCE_STEPS.indexOf(300));
    expect(PREVALENCE_STEPS[prevalenceIndex(63)]).toBe(60);
    expect(prevalenceIndex(0)).toBe(0);
    expect(prevalenceIndex(9999)).toBe(94);
  });
});

describe('percentDigits', () => {
  it('shows whole percentages between 1 % and 99 %', () => {
    expect(percentDigits(9 / 98)).toBe(0);
    expect(percentDigits(0.5)).toBe(0);
    expect(percentDigits(0.01)).toBe(0);
    expect(percentDigits(0.99)).toBe(0);
  });

  it('keeps the first significant digit of small and near-certain values, never 0 % or 100 %', () => {
    expect(percentDigits(1 / 902)).toBe(1); // 0.11 % → 0.1 %
    expect(percentDigits(0.001)).toBe(1);
    expect(percentDigits(0.0005)).toBe(2);
    expect(percentDigits(0.995)).toBe(1);
    expect(percentDigits(0.9996)).toBe(2);
    expect(percentDigits(1e-9)).toBe(3);
  });

  it('needs no digits for 0 and 1 exactly', () => {
    expect(percentDigits(0)).toBe(0);
    expect(percentDigits(1)).toBe(0);
  });
});
