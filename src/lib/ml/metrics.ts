/** How good a model is, measured on held-out data. Pure functions. */

/** Share of predictions equal to the true labels (0..1); 0 for no data. */
export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length !== predicted.length) throw new Error('accuracy: lengths differ');
  if (truth.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) right++;
  return right / truth.length;
}

/**
 * The confusion matrix: matrix[t][p] counts the examples of true class t that
 * the model put in class p. The diagonal holds the correct answers.
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (truth.length !== predicted.length) throw new Error('confusionMatrix: lengths differ');
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t >= 0 && t < classes && p >= 0 && p < classes) matrix[t][p]++;
  }
  return matrix;
}

/** The average distance between predictions and true values (same unit as the data). */
export function meanAbsoluteError(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length !== predicted.length) throw new Error('meanAbsoluteError: lengths differ');
  if (truth.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < truth.length; i++) sum += Math.abs(truth[i] - predicted[i]);
  return sum / truth.length;
}

/** Indexes of the examples the model got wrong. */
export function mistakes(truth: ArrayLike<number>, predicted: ArrayLike<number>): number[] {
  const wrong: number[] = [];
  for (let i = 0; i < truth.length; i++) if (truth[i] !== predicted[i]) wrong.push(i);
  return wrong;
}
