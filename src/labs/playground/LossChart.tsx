/**
 * The Playground's loss chart: the loss on the training points (solid line)
 * and on the test points (dashed line), epoch by epoch. Its text alternative
 * gives the current values; so does the visible line under it.
 */
import { fill } from '../../lib/i18n/fill';

export interface LossPoint {
  epoch: number;
  loss: number;
  testLoss?: number;
}

interface Props {
  history: readonly LossPoint[];
  strings: Record<string, string>;
  format: (v: number) => string;
  /** The locale's decimal separator, for the axis. */
  decimal: string;
}

const W = 300;
const H = 130;
const LEFT = 36;
const BOTTOM = 18;

/** Losses above this are drawn at the top (a learning rate that is far too large can send them sky-high). */
export const CHART_CAP = 2;

/** The chart's polyline for one series: x from the first to the last epoch, y from 0 to the top. */
export function chartLine(history: readonly LossPoint[], value: (p: LossPoint) => number | undefined, top: number): string {
  if (history.length === 0) return '';
  const first = history[0].epoch;
  const span = Math.max(1, history[history.length - 1].epoch - first);
  return history
    .flatMap((p) => {
      const v = value(p);
      if (v === undefined || !Number.isFinite(v)) return [];
      const x = LEFT + ((p.epoch - first) / span) * (W - LEFT - 4);
      const y = 4 + (1 - Math.min(v, top) / top) * (H - BOTTOM - 4);
      return [`${x.toFixed(1)},${y.toFixed(1)}`];
    })
    .join(' ');
}

export function LossChart({ history, strings, format, decimal }: Props) {
  const last = history[history.length - 1];
  const values = history.flatMap((p) => [p.loss, p.testLoss ?? 0]).filter(Number.isFinite);
  const top = Math.min(CHART_CAP, Math.max(0.1, ...values));
  const summary = last
    ? fill(strings.chartSummary, { epoch: last.epoch, train: format(last.loss), test: last.testLoss === undefined ? '–' : format(last.testLoss) })
    : strings.chartEmpty;
  return (
    <figure class="pg-chart">
      <figcaption>{strings.chartTitle}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line class="pg-axis" x1={LEFT} y1={H - BOTTOM} x2={W - 2} y2={H - BOTTOM} />
        <line class="pg-axis" x1={LEFT} y1={4} x2={LEFT} y2={H - BOTTOM} />
        <text class="pg-tick" x={LEFT - 4} y={H - BOTTOM} text-anchor="end">
          0
        </text>
        <text class="pg-tick" x={LEFT - 4} y={12} text-anchor="end">
          {top.toFixed(2).replace('.', decimal)}
        </text>
        {last && (
          <text class="pg-tick" x={W - 2} y={H - 3} text-anchor="end">
            {fill(strings.chartEpoch, { epoch: last.epoch })}
          </text>
        )}
        <polyline class="pg-line-train" points={chartLine(history, (p) => p.loss, top)} />
        <polyline class="pg-line-test" points={chartLine(history, (p) => p.testLoss, top)} />
      </svg>
      <p class="lab-legend pg-keys">
        <span class="pg-key">
          <svg viewBox="0 0 28 8" aria-hidden="true">
            <line class="pg-line-train" x1="0" y1="4" x2="28" y2="4" />
          </svg>{' '}
          {strings.chartTrain}
        </span>
        <span class="pg-key">
          <svg viewBox="0 0 28 8" aria-hidden="true">
            <line class="pg-line-test" x1="0" y1="4" x2="28" y2="4" />
          </svg>{' '}
          {strings.chartTest}
        </span>
      </p>
    </figure>
  );
}
