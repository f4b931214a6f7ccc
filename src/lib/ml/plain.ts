/**
 * The same lab models as models.ts, trained by a hand-written loop over typed
 * arrays (as small neural-network demos do). It is the benchmark's baseline:
 * `npm run bench` prints how TF.js compares with it. Not used by the labs.
 */
export interface PlainResult {
  samplesPerSecond: number;
  /** Accuracy (classification) or mean absolute error (regression) on the test data. */
  test: number;
  elapsedMs: number;
}

interface Adam {
  step(params: Float64Array, grads: Float64Array): void;
}

function adam(size: number, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-7): Adam {
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return {
    step(params, grads) {
      t++;
      const c1 = 1 - b1 ** t;
      const c2 = 1 - b2 ** t;
      for (let i = 0; i < size; i++) {
        m[i] = b1 * m[i] + (1 - b1) * grads[i];
        v[i] = b2 * v[i] + (1 - b2) * grads[i] * grads[i];
        params[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    },
  };
}

/** Softmax regression on `features` inputs, full batch, cross-entropy loss. */
export function plainLogistic(
  x: Float32Array, y: Float32Array, testX: Float32Array, testY: Float32Array,
  features: number, classes: number, epochs: number, lr: number,
): PlainResult {
  const n = y.length;
  const size = (features + 1) * classes; // weights then biases
  const params = new Float64Array(size);
  const grads = new Float64Array(size);
  const opt = adam(size, lr);
  const scores = new Float64Array(classes);
  const predict = (xs: Float32Array, i: number) => {
    let best = 0;
    for (let c = 0; c < classes; c++) {
      let s = params[features * classes + c];
      for (let f = 0; f < features; f++) s += xs[i * features + f] * params[f * classes + c];
      scores[c] = s;
      if (s > scores[best]) best = c;
    }
    return best;
  };
  const started = performance.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    grads.fill(0);
    for (let i = 0; i < n; i++) {
      predict(x, i);
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, scores[c]);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += (scores[c] = Math.exp(scores[c] - max));
      for (let c = 0; c < classes; c++) {
        const d = (scores[c] / sum - (y[i] === c ? 1 : 0)) / n;
        for (let f = 0; f < features; f++) grads[f * classes + c] += d * x[i * features + f];
        grads[features * classes + c] += d;
      }
    }
    opt.step(params, grads);
  }
  const elapsedMs = performance.now() - started;
  let right = 0;
  for (let i = 0; i < testY.length; i++) if (predict(testX, i) === testY[i]) right++;
  return { samplesPerSecond: (epochs * n) / (elapsedMs / 1000), test: testY.length ? right / testY.length : 0, elapsedMs };
}

/** A line (degree 1) or curve (degree 2) in one input, full batch, squared error on standardised targets. */
export function plainRegression(
  x: Float32Array, y: Float32Array, testX: Float32Array, testY: Float32Array,
  degree: 1 | 2, epochs: number, lr: number,
): PlainResult {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / n) || 1;
  const size = degree + 1; // b, w1, (w2)
  const params = new Float64Array(size);
  const grads = new Float64Array(size);
  const opt = adam(size, lr);
  const f = (t: number) => params[0] + params[1] * t + (degree === 2 ? params[2] * t * t : 0);
  const started = performance.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    grads.fill(0);
    for (let i = 0; i < n; i++) {
      const t = x[i];
      const d = (2 * (f(t) - (y[i] - mean) / std)) / n;
      grads[0] += d;
      grads[1] += d * t;
      if (degree === 2) grads[2] += d * t * t;
    }
    opt.step(params, grads);
  }
  const elapsedMs = performance.now() - started;
  let err = 0;
  for (let i = 0; i < testY.length; i++) err += Math.abs(f(testX[i]) * std + mean - testY[i]);
  return { samplesPerSecond: (epochs * n) / (elapsedMs / 1000), test: testY.length ? err / testY.length : 0, elapsedMs };
}
