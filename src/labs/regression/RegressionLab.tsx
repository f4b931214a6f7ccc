/**
 * LAB "Regression": fit a line or a curve to a made-up restaurant's daily
 * orders against the temperature, watch the error shrink, and predict
 * tomorrow's orders.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import { parameterCount } from '../../lib/ml/models';
import { LabFrame } from '../ui/LabFrame';
import { TrainingPanel } from '../ui/TrainingPanel';
import { prepareCanvas } from '../ui/canvas';
import { shareInUrl } from '../ui/share';
import type { EngineLabels } from '../ui/labels';
import { useObjective } from '../ui/useObjective';
import { useTraining } from '../ui/useTraining';
import { generateDays, regressionJob, scaleTemperature, TEMPERATURE_RANGE } from './data';
import { encodeState, HASH_KEY, stateFromHash } from './state';

interface Props {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  strings: Record<string, string>;
}

const W = 480;
const H = 300;
const PAD = 40;
const MAX_ORDERS = 120;
const [T_MIN, T_MAX] = TEMPERATURE_RANGE;
const probeTemps = Array.from({ length: T_MAX - T_MIN + 1 }, (_, i) => T_MIN + i);
const sx = (t: number) => PAD + ((t - T_MIN) / (T_MAX - T_MIN)) * (W - PAD - 30);
const sy = (o: number) => H - PAD - (o / MAX_ORDERS) * (H - PAD - 10);

export default function RegressionLab({ exercise, moduleId, sectionId, locale, labels, strings }: Props) {
  const days = useMemo(() => generateDays(), []);
  const train = days.filter((d) => !d.test);
  const test = days.filter((d) => d.test);
  const [model, setModel] = useState<'line' | 'curve'>('line');
  const [curve, setCurve] = useState<ArrayLike<number> | null>(null);
  const [tomorrow, setTomorrow] = useState(22);
  const canvas = useRef<HTMLCanvasElement>(null);
  const training = useTraining();
  const [epochs, setEpochs] = useState(200);
  const objective = useObjective(exercise, moduleId, sectionId);
  const id = `lab-${exercise.id}`;
  const num = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  const progress = training.progress;
  const error = progress ? progress.test : null;

  const [message, setMessage] = useState('');

  // A shared link restores the settings; a damaged one is said so, and the defaults stay.
  useEffect(() => {
    const { state, present } = stateFromHash(location.hash);
    if (state) {
      setModel(state.model);
      setEpochs(state.epochs);
      setTomorrow(state.tomorrow);
    } else if (present) setMessage(labels.badLink);
  }, []);

  async function shareLink() {
    setMessage(await shareInUrl(HASH_KEY, encodeState({ model, epochs, tomorrow }), labels.shareDone));
  }

  useEffect(() => {
    if (progress?.probe) setCurve(progress.probe);
  }, [progress]);
  useEffect(() => setCurve(null), [model]);
  useEffect(() => draw(), [curve]);

  function draw() {
    const c = canvas.current;
    const ctx = prepareCanvas(c, W, H);
    if (!c || !ctx) return;
    const ink = getComputedStyle(c).color || '#1c222b';
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = 1;
    ctx.font = '12px system-ui, sans-serif';
    ctx.beginPath();
    ctx.moveTo(PAD, 10);
    ctx.lineTo(PAD, H - PAD);
    ctx.lineTo(W - 10, H - PAD);
    ctx.stroke();
    for (let t = T_MIN; t <= T_MAX; t += 10) ctx.fillText(`${t} °C`, sx(t) - 14, H - PAD + 16);
    for (let o = 0; o <= MAX_ORDERS; o += 40) ctx.fillText(String(o), 6, sy(o) + 4);
    ctx.fillText(strings.axisTemperature, W / 2 - 30, H - 6);
    for (const d of days) {
      ctx.beginPath();
      ctx.arc(sx(d.temperature), sy(d.orders), 4.5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#1d5bab';
      ctx.fillStyle = d.test ? '#ffffff' : '#1d5bab';
      ctx.fill();
      ctx.stroke();
    }
    if (curve) {
      ctx.strokeStyle = '#b85a0d';
      ctx.lineWidth = 3;
      ctx.beginPath();
      probeTemps.forEach((t, i) => (i === 0 ? ctx.moveTo(sx(t), sy(curve[i])) : ctx.lineTo(sx(t), sy(curve[i]))));
      ctx.stroke();
    }
  }

  async function run() {
    const job = regressionJob(days, model, epochs, Float32Array.from(probeTemps.map(scaleTemperature)));
    const final = await training.train(job, parameterCount(job));
    if (final) {
      setCurve(final.probe ?? null);
      await objective.report(final.test);
    }
  }

  const prediction = curve ? curve[tomorrow - T_MIN] : null;
  const description = [
    fill(strings.describe, { train: train.length, test: test.length }),
    curve ? strings[model === 'line' ? 'describeLine' : 'describeCurve'] : strings.describeNoModel,
    error !== null ? fill(strings.error, { value: num(error) }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <LabFrame
      id={id}
      lab="regression"
      title={strings.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={(v) => num(v)}
      message={message}
      description={description}
    >
      <div class="lab-grid">
        <div>
          <canvas ref={canvas} class="lab-canvas wide" width={W} height={H} role="img" aria-label={strings.canvasLabel} aria-describedby={`${id}-description`} />
          <p class="lab-legend">{strings.legend}</p>
        </div>
        <div class="lab-controls">
          <fieldset class="lab-field">
            <legend>{strings.model}</legend>
            <label class="lab-radio">
              <input type="radio" name={`${id}-model`} checked={model === 'line'} onChange={() => setModel('line')} /> {strings.modelLine}
            </label>
            <label class="lab-radio">
              <input type="radio" name={`${id}-model`} checked={model === 'curve'} onChange={() => setModel('curve')} /> {strings.modelCurve}
            </label>
          </fieldset>
          <TrainingPanel
            id={id}
            training={training}
            labels={labels}
            parameters={model === 'line' ? 2 : 3}
            onTrain={run}
            onReset={() => {
              training.reset();
              setCurve(null);
            }}
            formatMetric={(v) => num(v)}
            lowerIsBetter
            epochs={epochs}
            onEpochs={setEpochs}
            meets={(v) => meetsObjective(exercise.objective, v)}
          />
          <label class="lab-field">
            <span>{fill(strings.tomorrow, { t: tomorrow })}</span>
            <input type="range" min={T_MIN} max={T_MAX} step={1} value={tomorrow} onInput={(e) => setTomorrow(Number((e.currentTarget as HTMLInputElement).value))} />
          </label>
          <p role="status" aria-live="polite" data-testid="prediction">
            {prediction !== null ? fill(strings.prediction, { t: tomorrow, orders: Math.round(prediction) }) : strings.trainFirst}
          </p>
        </div>
      </div>
      <p>
        <button type="button" class="button secondary" onClick={shareLink}>
          {labels.share}
        </button>
      </p>
      {error !== null && (
        <p class="lab-score" data-testid="test-error">
          {fill(strings.error, { value: num(error) })}
        </p>
      )}
    </LabFrame>
  );
}
