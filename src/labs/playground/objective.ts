/**
 * LAB "Playground": what its objectives measure, from one measurement of the
 * training (history point): test accuracy, test loss, or the gap between the
 * test loss and the training loss. Pure.
 */
import { betterMeasurement } from '../../lib/exercises/grade';
import type { LabObjective } from '../../lib/exercises/schema';

export interface Measurement {
  /** Cross-entropy on the training points. */
  loss: number;
  /** Accuracy on the test points. */
  test: number;
  /** Cross-entropy on the test points. */
  testLoss?: number;
}

/** The objective's metric for one measurement; null when it cannot be measured here. */
export function measure(objective: LabObjective, m: Measurement): number | null {
  switch (objective.metric) {
    case 'accuracy':
      return m.test;
    case 'loss':
      return m.testLoss ?? null;
    case 'lossGap':
      return m.testLoss === undefined ? null : m.testLoss - m.loss;
    default:
      return null;
  }
}

/** The best value of the objective's metric among measurements (null if none). */
export function bestMeasurement(objective: LabObjective, measurements: readonly Measurement[]): number | null {
  let best: number | null = null;
  for (const m of measurements) {
    const v = measure(objective, m);
    if (v !== null && betterMeasurement(objective, v, best)) best = v;
  }
  return best;
}
