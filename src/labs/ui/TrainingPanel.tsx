/**
 * Controls and feedback every lab shares: train, pause, resume, stop, start
 * again; the backend in use and why, with a switch; a progress bar with the
 * step and the time left; a live chart of the loss and the test metric.
 */
import type { BackendName } from '../../lib/ml/backend';
import { fill } from '../../lib/i18n/fill';
import { EPOCH_CHOICES } from './epochs';
import type { EngineLabels } from './labels';
import type { Training } from './useTraining';

interface Props {
  id: string;
  training: Training;
  labels: EngineLabels;
  parameters: number;
  onTrain: () => void;
  onReset: () => void;
  /** Formats the test metric for the chart's text alternative. */
  formatMetric: (value: number) => string;
  /** The test metric is better when lower (an error) rather than higher (accuracy). */
  lowerIsBetter?: boolean;
  /** How many training steps, chosen by the learner. */
  epochs: number;
  onEpochs: (epochs: number) => void;
  /** Whether a test result meets the lab's objective (for the measurements below). */
  meets: (value: number) => boolean;
  /** The choices for `epochs` (default EPOCH_CHOICES). */
  epochChoices?: number[];
}


export function TrainingPanel({ id, training, labels, parameters, onTrain, onReset, formatMetric, lowerIsBetter, epochs, onEpochs, meets, epochChoices = EPOCH_CHOICES }: Props) {
  const { phase, progress, ready, history } = training;
  const busy = phase === 'training' || phase === 'paused' || phase === 'starting';
  const share = progress ? progress.epoch / progress.epochs : 0;
  const secondsLeft =
    progress && progress.epoch > 0 ? Math.ceil(((progress.elapsedMs / progress.epoch) * (progress.epochs - progress.epoch)) / 1000) : null;
  // Measurements for `npm run bench`, which reads them from these attributes.
  const reachedAt = history.find((h) => meets(h.test));
  const measured = phase === 'done' && progress
    ? {
        'data-backend': ready?.backend,
        'data-samples-per-second': Math.round(progress.samplesPerSecond),
        'data-objective-ms': reachedAt ? Math.round(reachedAt.elapsedMs) : undefined,
        'data-peak-tensors': Math.max(progress.tensors, ...history.map((h) => h.tensors)),
      }
    : {};
  return (
    <div class="lab-panel" data-phase={phase} {...measured}>
      <label class="lab-field">
        <span>{labels.steps}</span>
        <select value={String(epochs)} disabled={busy} onChange={(e) => onEpochs(Number((e.currentTarget as HTMLSelectElement).value))}>
          {epochChoices.map((n) => (
            <option value={String(n)} key={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div class="lab-actions">
        {!busy && (
          <button type="button" class="button" onClick={onTrain}>
            {labels.train}
          </button>
        )}
        {phase === 'training' && (
          <button type="button" class="button secondary" onClick={training.pause}>
            {labels.pause}
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" class="button" onClick={training.resume}>
            {labels.resume}
          </button>
        )}
        {(phase === 'training' || phase === 'paused') && (
          <button type="button" class="button secondary" onClick={training.stop}>
            {labels.stop}
          </button>
        )}
        <button type="button" class="button secondary" onClick={onReset} disabled={phase === 'starting'}>
          {labels.reset}
        </button>
      </div>

      <div class="lab-progress" aria-live="off">
        <progress id={`${id}-progress`} max={1} value={share} aria-label={labels.chartTitle} />
        <span>
          {/* Models that report within an epoch send fractional epochs (cnn.ts): "Epoch 2 of 3" while in the second. */}
          {progress ? fill(labels.epoch, { epoch: Math.ceil(progress.epoch), epochs: progress.epochs }) : ''}
          {phase === 'training' && secondsLeft !== null ? ` · ${fill(labels.timeLeft, { seconds: secondsLeft })}` : ''}
        </span>
      </div>

      <p class="lab-backend">
        {phase === 'starting' && labels.loading}
        {phase === 'failed' && <span role="alert">{labels.failed}</span>}
        {ready && phase !== 'starting' && phase !== 'failed' &&
          fill(labels.runsOn, { backend: labels.backends[ready.backend], reason: labels.reasons[ready.reason] })}
      </p>
      {ready && ready.selectable.length > 1 && (
        <label class="lab-field">
          <span>{labels.backendChoice}</span>
          <select
            value={training.wanted}
            disabled={busy}
            onChange={(e) => training.switchBackend((e.currentTarget as HTMLSelectElement).value as BackendName | 'auto', parameters)}
          >
            <option value="auto">{labels.auto}</option>
            {ready.selectable.map((b) => (
              <option value={b} key={b}>
                {labels.backends[b]}
              </option>
            ))}
          </select>
        </label>
      )}

      {history.length > 1 && <Chart history={history} labels={labels} formatMetric={formatMetric} lowerIsBetter={lowerIsBetter} />}
    </div>
  );
}

function Chart({
  history,
  labels,
  formatMetric,
  lowerIsBetter,
}: {
  history: Training['history'];
  labels: EngineLabels;
  formatMetric: (v: number) => string;
  lowerIsBetter?: boolean;
}) {
  const W = 300;
  const H = 120;
  const last = history[history.length - 1];
  const maxEpoch = last.epoch || 1;
  const maxLoss = Math.max(...history.map((h) => h.loss).filter(Number.isFinite), 1e-6);
  const maxMetric = lowerIsBetter ? Math.max(...history.map((h) => h.test), 1e-6) : 1;
  const line = (value: (h: Training['history'][number]) => number) =>
    history.map((h) => `${((h.epoch / maxEpoch) * W).toFixed(1)},${(H - value(h) * H).toFixed(1)}`).join(' ');
  const summary = `${labels.chartLoss}: ${history[0].loss.toFixed(3)} → ${last.loss.toFixed(3)}. ${labels.chartMetric}: ${formatMetric(history[0].test)} → ${formatMetric(last.test)}.`;
  return (
    <figure class="lab-chart">
      <figcaption>{labels.chartTitle}</figcaption>
      <svg viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-label={summary}>
        <rect class="fig-box" x={0} y={0} width={W} height={H} rx={6} />
        <polyline class="chart-loss" points={line((h) => h.loss / maxLoss)} />
        <polyline class="chart-metric" points={line((h) => h.test / maxMetric)} />
      </svg>
      <p class="lab-legend">
        <span class="key key-loss" aria-hidden="true" /> {labels.chartLoss} <span class="key key-metric" aria-hidden="true" />{' '}
        {labels.chartMetric}
      </p>
    </figure>
  );
}
