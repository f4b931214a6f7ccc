/**
 * LAB "Digits": a small convolutional network learns 5,000 handwritten MNIST
 * digits in the training worker and is tested on 1,000 others. The learner
 * watches the loss and the test accuracy, reads the confusion matrix and the
 * mistakes, draws digits (finger, pen or mouse) or picks test digits (keyboard)
 * and sees the 28 × 28 picture the network gets, its ten probabilities and the
 * feature maps of the first layer of filters.
 *
 * The island stays small: what it shows (DigitsOutputs), the data file and
 * its decoder (data.ts) and the drawing's centring (digit-image.ts) load on
 * first use, TF.js only in the worker. Predictions of the drawing are asked
 * for at most every PREDICT_EVERY_MS while drawing, one at a time; the worker
 * answers them between two training batches, with the weights as they are,
 * so the drawing stays smooth and live while the network trains.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import type { Prediction } from '../../lib/ml/protocol';
import { LabFrame } from '../ui/LabFrame';
import { TrainingPanel } from '../ui/TrainingPanel';
import type { EngineLabels } from '../ui/labels';
import { useObjective } from '../ui/useObjective';
import { useTraining } from '../ui/useTraining';
import type { DigitSet } from './data';
import { DIGIT_EPOCH_CHOICES, DIGITS_DEFAULTS, DIGITS_PARAMETERS, LEARNING_RATES, SIDE } from './settings';

interface Props {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  preset?: string;
  strings: Record<string, string>;
}

/** The drawing's own resolution (the canvas is scaled to fit by CSS). */
const PAD = 280;
const STROKE = 22;
const PREDICT_EVERY_MS = 80;

type Outputs = typeof import('./DigitsOutputs');
type Input = { kind: 'drawing' } | { kind: 'test'; index: number };

export default function DigitsLab({ exercise, moduleId, sectionId, locale, labels, strings }: Props) {
  const id = `lab-${exercise.id}`;
  const training = useTraining({ convolution: true });
  const objective = useObjective(exercise, moduleId, sectionId);
  const [epochs, setEpochs] = useState<number>(DIGITS_DEFAULTS.epochs);
  const [learningRate, setLearningRate] = useState<number>(DIGITS_DEFAULTS.learningRate);
  const [data, setData] = useState<DigitSet | null>(null);
  const [dataState, setDataState] = useState<'none' | 'loading' | 'ready' | 'failed'>('none');
  const [outputs, setOutputs] = useState<Outputs | null>(null);
  const [input, setInput] = useState<Input>({ kind: 'drawing' });
  const [picture, setPicture] = useState<Float32Array | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [spoken, setSpoken] = useState('');
  const [message, setMessage] = useState('');
  const pad = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<{ x: number; y: number } | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const lastAsked = useRef(0);
  const pictureRef = useRef<Float32Array | null>(null);
  const outputsRef = useRef<Outputs | null>(null);
  const image = useRef<typeof import('../../lib/ml/digit-image') | null>(null);
  const loading = useRef<Promise<DigitSet | null> | null>(null);

  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  // A run's results count from its first report (useTraining keeps the last run's progress until then).
  const progress = training.history.length > 0 ? training.progress : null;
  const modelIn = (phase: string, p: unknown) => p !== null && phase !== 'idle' && phase !== 'starting';
  const hasModel = modelIn(training.phase, progress);
  // The training state as of now, for callbacks that outlive a render.
  const now = useRef({ phase: training.phase, progress });
  now.current = { phase: training.phase, progress };

  /** What the lab shows, loaded on first use. */
  async function ensureOutputs(): Promise<Outputs> {
    outputsRef.current ??= await import('./DigitsOutputs');
    setOutputs(outputsRef.current);
    return outputsRef.current;
  }

  /** Loads and checks the digits file once (one download however often it is asked for); null, with a message, when it fails. */
  function ensureData(): Promise<DigitSet | null> {
    if (data) return Promise.resolve(data);
    loading.current ??= (async () => {
      setDataState('loading');
      setMessage(strings.loading);
      try {
        const [{ loadDigits }] = await Promise.all([import('./data'), ensureOutputs()]);
        const set = await loadDigits(`${import.meta.env.BASE_URL}data/`);
        setData(set);
        setDataState('ready');
        setMessage('');
        return set;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'network';
        setDataState('failed');
        setMessage(strings[`error-${code}`] ?? strings['error-network']);
        loading.current = null; // a later try downloads again
        return null;
      }
    })();
    return loading.current;
  }

  async function run() {
    setMessage('');
    const set = await ensureData();
    if (!set) return;
    const { digitsJob } = await import('./data');
    const job = digitsJob(set, { epochs, learningRate, batchSize: DIGITS_DEFAULTS.batchSize, seed: DIGITS_DEFAULTS.seed });
    const final = await training.train(job, DIGITS_PARAMETERS);
    if (final && final.epoch > 0) await objective.report(final.test);
  }

  // While training: the objective counts as soon as an evaluation reaches it, and the
  // current drawing or test digit is asked again with the weights as they are now.
  useEffect(() => {
    if (!progress || training.phase !== 'training') return;
    if (meetsObjective(exercise.objective, progress.test)) void objective.report(progress.test);
    void predict();
  }, [progress]);

  useEffect(() => {
    if (training.phase === 'idle') setPrediction(null);
    if (training.phase === 'done') void predict(true);
  }, [training.phase]);

  /** Asks the worker for the current picture's probabilities: one request at a time, the latest picture wins. */
  async function predict(speak = false) {
    const x = pictureRef.current;
    if (!x || !modelIn(now.current.phase, now.current.progress)) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    lastAsked.current = performance.now();
    const [result, shown] = await Promise.all([training.predict(x, 1, true), ensureOutputs()]);
    inFlight.current = false;
    if (result && pictureRef.current === x) {
      setPrediction(result);
      if (speak) setSpoken(shown.answerText(result, strings, pct));
    }
    if (again.current) {
      again.current = false;
      void predict(speak);
    }
  }

  function showPicture(x: Float32Array | null, speak = false) {
    pictureRef.current = x;
    setPicture(x);
    if (!x) setPrediction(null);
    else void predict(speak);
  }

  // Drawing: opaque strokes on a transparent canvas, so the ink is the alpha channel.
  /** The drawing's context, made once for frequent reading (the first getContext call fixes its options). */
  const padContext = () => pad.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  function point(e: PointerEvent) {
    const rect = pad.current!.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * PAD, y: ((e.clientY - rect.top) / rect.height) * PAD };
  }
  function line(from: { x: number; y: number }, to: { x: number; y: number }) {
    const ctx = padContext();
    if (!ctx) return;
    ctx.strokeStyle = '#1c222b';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
  }
  async function readDrawing(speak: boolean) {
    const ctx = padContext();
    if (!ctx) return;
    const [lib] = await Promise.all([image.current ?? import('../../lib/ml/digit-image'), ensureOutputs()]);
    image.current = lib;
    const { image: centred, empty } = lib.centreDigit(lib.inkFromRgba(ctx.getImageData(0, 0, PAD, PAD).data), PAD, PAD);
    showPicture(empty ? null : centred, speak);
  }
  function clearPad(speak = true) {
    padContext()?.clearRect(0, 0, PAD, PAD);
    showPicture(null);
    if (speak) setSpoken(strings.cleared);
  }

  async function pick(index: number) {
    const set = await ensureData();
    if (!set) return;
    const n = (index + set.test.count) % set.test.count;
    const { imageOf } = await import('./data');
    setInput({ kind: 'test', index: n });
    padContext()?.clearRect(0, 0, PAD, PAD);
    showPicture(imageOf(set.test, n, SIDE * SIDE), true);
    if (!modelIn(now.current.phase, now.current.progress))
      setSpoken(fill(strings.picked, { n: n + 1, count: count(set.test.count), digit: set.test.labels[n] }));
  }

  const testIndex = input.kind === 'test' ? input.index : null;
  const pictureLabel =
    testIndex !== null && data
      ? fill(strings.seesTest, { n: testIndex + 1, digit: data.test.labels[testIndex] })
      : picture
        ? strings.seesDrawing
        : strings.seesEmpty;
  const results = hasModel && progress && data && progress.testPredictions.length === data.test.count;
  const description = [
    dataState === 'ready' && data ? fill(strings.describeData, { train: count(data.train.count), test: count(data.test.count) }) : '',
    training.phase === 'done' && results
      ? fill(strings.describeTrained, {
          value: pct(progress.test),
          wrong: count(Math.round((1 - progress.test) * progress.testPredictions.length)),
          total: count(progress.testPredictions.length),
        })
      : '',
    spoken,
  ]
    .filter(Boolean)
    .join(' ');
  const busy = training.phase === 'training' || training.phase === 'paused' || training.phase === 'starting';
  const Shown = outputs?.default;

  return (
    <LabFrame
      id={id}
      lab="digits"
      title={strings.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={pct}
      message={message}
      description={description}
    >
      <div class="digits" data-data={dataState}>
        <p class="digits-intro">{strings.intro}</p>
        <div class="lab-grid">
          <div class="lab-controls">
            <label class="lab-field">
              <span>{strings.learningRate}</span>
              <select value={String(learningRate)} disabled={busy} onChange={(e) => setLearningRate(Number((e.currentTarget as HTMLSelectElement).value))}>
                {LEARNING_RATES.map((r) => (
                  <option value={String(r)} key={r}>
                    {new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(r)}
                  </option>
                ))}
              </select>
            </label>
            <TrainingPanel
              id={id}
              training={training}
              labels={labels}
              parameters={DIGITS_PARAMETERS}
              onTrain={run}
              onReset={() => {
                training.reset();
                setSpoken('');
              }}
              formatMetric={pct}
              epochs={epochs}
              onEpochs={setEpochs}
              epochChoices={DIGIT_EPOCH_CHOICES}
              meets={(v) => meetsObjective(exercise.objective, v)}
            />
            <p class="lab-legend">{strings.speedNote}</p>
          </div>

          <div class="digits-input">
            <h3 class="digits-heading">{strings.drawTitle}</h3>
            <canvas
              ref={pad}
              class="lab-canvas digits-pad"
              width={PAD}
              height={PAD}
              role="img"
              aria-label={strings.drawLabel}
              aria-describedby={`${id}-draw-help`}
              onPointerDown={(e) => {
                e.preventDefault();
                if (input.kind !== 'drawing') {
                  clearPad(false);
                  setInput({ kind: 'drawing' });
                }
                (e.currentTarget as HTMLCanvasElement).setPointerCapture(e.pointerId);
                const p = point(e);
                line(p, p);
                stroke.current = p;
              }}
              onPointerMove={(e) => {
                if (!stroke.current) return;
                const events = (e as PointerEvent & { getCoalescedEvents?: () => PointerEvent[] }).getCoalescedEvents?.() ?? [];
                for (const ev of events.length ? events : [e]) {
                  const p = point(ev);
                  line(stroke.current, p);
                  stroke.current = p;
                }
                if (performance.now() - lastAsked.current > PREDICT_EVERY_MS) void readDrawing(false);
              }}
              onPointerUp={() => {
                if (!stroke.current) return;
                stroke.current = null;
                void readDrawing(true);
              }}
              onPointerCancel={() => {
                stroke.current = null;
              }}
            />
            <p class="lab-legend" id={`${id}-draw-help`}>
              {strings.drawHelp}
            </p>
            <div class="lab-actions">
              <button type="button" class="button secondary" onClick={() => clearPad()}>
                {strings.clear}
              </button>
            </div>

            <fieldset class="lab-field digits-pick">
              <legend>{strings.pickTitle}</legend>
              <div class="lab-actions">
                <button type="button" class="button secondary" onClick={() => pick((testIndex ?? 0) - 1)} aria-label={strings.previous}>
                  ‹ {strings.previousShort}
                </button>
                <button type="button" class="button secondary" onClick={() => pick(testIndex === null ? 0 : testIndex + 1)} aria-label={strings.next}>
                  {strings.nextShort} ›
                </button>
              </div>
              <p class="lab-legend" data-testid="picked">
                {testIndex !== null && data
                  ? fill(strings.picked, { n: testIndex + 1, count: count(data.test.count), digit: data.test.labels[testIndex] })
                  : strings.pickHelp}
              </p>
            </fieldset>
          </div>
        </div>

        {Shown ? (
          <Shown
            id={id}
            strings={strings}
            pct={pct}
            count={count}
            picture={picture}
            pictureLabel={pictureLabel}
            prediction={prediction}
            hasModel={hasModel}
            progress={results ? progress : null}
            data={data}
            testIndex={testIndex}
            onPick={pick}
          />
        ) : (
          <p class="lab-legend digits-outputs">{strings.probNone}</p>
        )}
        <p class="lab-legend digits-credit">{strings.credit}</p>
      </div>
    </LabFrame>
  );
}
