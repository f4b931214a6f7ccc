/**
 * LAB "Regression": a made-up restaurant's daily orders against the day's
 * temperature. Orders rise with warm weather and fall again on very hot days
 * (people stay home), plus day-to-day noise. Generated from a seed.
 */
import type { TrainJob } from '../../lib/ml/protocol';
import { gaussian, seededRandom } from '../../lib/ml/rng';

export interface Day {
  temperature: number; // °C
  orders: number;
  test: boolean;
}

export const TEMPERATURE_RANGE = [-5, 35] as const;

/** The made-up restaurant's true pattern, without noise. */
export function expectedOrders(temperature: number): number {
  return 50 + 3 * temperature - 0.06 * temperature ** 2;
}

/** 60 days; every fourth one is held out for testing. */
export function generateDays(seed = 11, count = 60): Day[] {
  const random = seededRandom(seed);
  const [lo, hi] = TEMPERATURE_RANGE;
  return Array.from({ length: count }, (_, i) => {
    const temperature = Math.round((lo + (hi - lo) * random()) * 10) / 10;
    const orders = Math.max(0, Math.round(expectedOrders(temperature) + 5 * gaussian(random)));
    return { temperature, orders, test: i % 4 === 3 };
  });
}

/** Model input: temperature scaled to about −1..1. */
export const scaleTemperature = (t: number) => (t - 15) / 20;

/** The training job for a line or a curve through these days: training days to learn from, test days to judge. */
export function regressionJob(days: readonly Day[], model: 'line' | 'curve', epochs: number, probe?: Float32Array): TrainJob {
  const train = days.filter((d) => !d.test);
  const test = days.filter((d) => d.test);
  return {
    model,
    x: Float32Array.from(train.map((d) => scaleTemperature(d.temperature))),
    y: Float32Array.from(train.map((d) => d.orders)),
    testX: Float32Array.from(test.map((d) => scaleTemperature(d.temperature))),
    testY: Float32Array.from(test.map((d) => d.orders)),
    features: 1,
    classes: 1,
    epochs,
    learningRate: 0.1,
    reportEvery: 10,
    probe,
  };
}
