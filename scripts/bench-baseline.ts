/**
 * Bundled by scripts/bench.mjs and run inside the benchmark's browser page:
 * the plain-JavaScript baseline of each lab's default model, on the lab's own
 * default data and job, so both run on the same engine and machine.
 */
import { generatePreset, pointsJob } from '../src/labs/points/data';
import { generateDays, regressionJob } from '../src/labs/regression/data';
import { plainLogistic, plainRegression } from '../src/lib/ml/plain';

const points = (epochs: number) => {
  const j = pointsJob(generatePreset('two-clouds'), epochs);
  return plainLogistic(j.x, j.y, j.testX, j.testY, j.features, j.classes, epochs, j.learningRate);
};

const regression = (epochs: number) => {
  const j = regressionJob(generateDays(), 'line', epochs);
  return plainRegression(j.x, j.y, j.testX, j.testY, 1, epochs, j.learningRate);
};

(globalThis as unknown as { __bench: unknown }).__bench = { points, regression };
