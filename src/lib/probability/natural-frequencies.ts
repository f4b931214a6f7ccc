/**
 * Natural frequencies for a medical test: how a population splits into ill
 * and healthy people, and each group into positive and negative results, as
 * whole people (rounded so the four groups add up to the population), and the
 * same question answered exactly with Bayes' rule.
 *
 * Probabilities are numbers from 0 to 1. Pure and DOM-free.
 */

export interface TestSettings {
  /** Share of the population that has the condition. */
  prevalence: number;
  /** Share of ill people who test positive. */
  sensitivity: number;
  /** Share of healthy people who test negative. */
  specificity: number;
}

export interface Frequencies {
  population: number;
  ill: number;
  healthy: number;
  /** Ill and positive. */
  truePos: number;
  /** Ill and negative. */
  falseNeg: number;
  /** Healthy and positive. */
  falsePos: number;
  /** Healthy and negative. */
  trueNeg: number;
  positives: number;
  negatives: number;
}

/** A posterior probability, exact and as counted in whole people; null where nobody is in the group. */
export interface Posterior {
  exact: number | null;
  fromCounts: number | null;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Rounds half up, after removing floating-point noise (990 × 0.09 = 89.10000000000001, 15 × 0.9 = 13.5). */
export function roundCount(x: number): number {
  return Math.round(Number(x.toPrecision(12)));
}

/** The four groups of a population, whole people that always add up to the population. */
export function frequencies(settings: TestSettings, population = 1000): Frequencies {
  const n = Math.max(0, Math.round(Number.isFinite(population) ? population : 0));
  const prevalence = clamp01(settings.prevalence);
  const sensitivity = clamp01(settings.sensitivity);
  const specificity = clamp01(settings.specificity);
  const ill = roundCount(n * prevalence);
  const truePos = roundCount(ill * sensitivity);
  const falseNeg = ill - truePos;
  const healthy = n - ill;
  const falsePos = roundCount(healthy * (1 - specificity));
  const trueNeg = healthy - falsePos;
  return {
    population: n,
    ill,
    healthy,
    truePos,
    falseNeg,
    falsePos,
    trueNeg,
    positives: truePos + falsePos,
    negatives: falseNeg + trueNeg,
  };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** P(ill | positive test): Bayes' rule with the probabilities, and ill positives ÷ all positives. */
export function posteriorPositive(settings: TestSettings, population = 1000): Posterior {
  const p = clamp01(settings.prevalence);
  const illAndPos = p * clamp01(settings.sensitivity);
  const healthyAndPos = (1 - p) * (1 - clamp01(settings.specificity));
  const f = frequencies(settings, population);
  return { exact: ratio(illAndPos, illAndPos + healthyAndPos), fromCounts: ratio(f.truePos, f.positives) };
}

/** P(ill | negative test): Bayes' rule with the probabilities, and ill negatives ÷ all negatives. */
export function posteriorNegative(settings: TestSettings, population = 1000): Posterior {
  const p = clamp01(settings.prevalence);
  const illAndNeg = p * (1 - clamp01(settings.sensitivity));
  const healthyAndNeg = (1 - p) * clamp01(settings.specificity);
  const f = frequencies(settings, population);
  return { exact: ratio(illAndNeg, illAndNeg + healthyAndNeg), fromCounts: ratio(f.falseNeg, f.negatives) };
}

/**
 * The prevalence slider's scale, in people per 1,000: steps of 1 (0.1 %) up
 * to 50 (5 %), then steps of 10 (1 %) up to 500 (50 %).
 */
export const PREVALENCE_STEPS: readonly number[] = [
  ...Array.from({ length: 50 }, (_, i) => i + 1),
  ...Array.from({ length: 45 }, (_, i) => 60 + 10 * i),
];

/** The slider position for a number of people per 1,000 (the nearest step). */
export function prevalenceIndex(perThousand: number): number {
  let best = 0;
  PREVALENCE_STEPS.forEach((v, i) => {
    if (Math.abs(v - perThousand) < Math.abs(PREVALENCE_STEPS[best] - perThousand)) best = i;
  });
  return best;
}

/**
 * Fraction digits to show a probability as a percentage so that it never
 * reads 0 % when it is not 0, nor 100 % when it is not 1: none between 1 %
 * and 99 %, else enough to reach the first significant digit (at most 3).
 */
export function percentDigits(p: number): number {
  if (!(p > 0 && p < 1)) return 0;
  const gap = Math.min(p, 1 - p) * 100;
  if (gap >= 1) return 0;
  return Math.min(3, Math.ceil(-Math.log10(gap) - 1e-9));
}
