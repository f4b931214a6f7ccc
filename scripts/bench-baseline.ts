/**
 * Bundled by scripts/bench.mjs and run inside the benchmark's browser page:
 * the plain-JavaScript baseline of each lab's default model, on the lab's own
 * default data, so both run on the same engine and machine.
 */
import { generatePreset, toFeatures } from '../src/labs/points/data';
import { generateDays, scaleTemperature } from '../src/labs/regression/data';
import { plainLogistic, plainRegression } from '../src/lib/ml/plain';

const points = (epochs: number) => {
  const all = generatePreset('two-clouds');
  const train = all.filter((p) => !p.test);
  const test = all.filter((p) => p.test);
  return plainLogistic(
    toFeatures(train), Float32Array.from(train.map((p) => p.label)),
    toFeatures(test), Float32Array.from(test.map((p) => p.label)),
    2, 2, epochs, 0.1,
  );
};

const regression = (epochs: number) => {
  const days = generateDays();
  const train = days.filter((d) => !d.test);
  const test = days.filter((d) => d.test);
  return plainRegression(
    Float32Array.from(train.map((d) => scaleTemperature(d.temperature))), Float32Array.from(train.map((d) => d.orders)),
    Float32Array.from(test.map((d) => scaleTemperature(d.temperature))), Float32Array.from(test.map((d) => d.orders)),
    1, epochs, 0.1,
  );
};

(globalThis as unknown as { __bench: unknown }).__bench = { points, regression };
