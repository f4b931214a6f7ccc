/**
 * The Digits lab's settings, needed before any data, TF.js or drawing code is
 * loaded (the island's own chunk stays small; view.ts and DigitsOutputs.tsx
 * load on first use).
 */

/** Pressing Train with these reaches ≥ 95 % on the 1,000 test digits (measured: tests/e2e/lab-digits.spec.ts). */
export const DIGITS_DEFAULTS = { epochs: 2, learningRate: 0.008, batchSize: 32, seed: 1 } as const;
export const DIGIT_EPOCH_CHOICES = [1, 2, 3, 5, 10];
/** Each twice the one before. */
export const LEARNING_RATES = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032];
/** Weights of the 'digits' network (cnnParameterCount; a unit test keeps them equal). */
export const DIGITS_PARAMETERS = 9226;
/** The network's pictures are SIDE × SIDE pixels. */
export const SIDE = 28;
/** Thumbnails of mistakes shown at most. */
export const MISTAKES_SHOWN = 24;
