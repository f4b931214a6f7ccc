/**
 * LAB "Playground", the workbench (loaded by the island, PlaygroundLab.tsx,
 * when the learner opens the lab): train a small neural network on points of
 * two classes and watch it learn: the decision boundary, what every neuron
 * outputs over the plane, and the loss on the training and on the test points.
 *
 * The network trains in a worker: by default the plain-JavaScript network
 * (src/workers/playground.worker.ts), the fastest for networks this small;
 * the learner may pick TF.js instead (the shared engine, job.model 'mlp').
 * Placed several times on one page, each placement starts from its own preset
 * and grades its objective on its preset's data set only.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { betterMeasurement, meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import { DATASETS, dataset as makeData, grid, toArrays, type DatasetName } from '../../lib/ml/datasets2d';
import { ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_NEURONS, parameterCount } from '../../lib/ml/mlp';
import type { Activation, TrainJob } from '../../lib/ml/protocol';
import { LabFrame } from '../ui/LabFrame';
import { TrainingPanel } from '../ui/TrainingPanel';
import { prepareCanvas } from '../ui/canvas';
import type { EngineLabels } from '../ui/labels';
import { shareInUrl } from '../ui/share';
import { useObjective } from '../ui/useObjective';
import { useTraining } from '../ui/useTraining';
import { CLASS_COLORS, contour, linkWeight, linkWidth, networkLayout, neuronLevel, paint } from './draw';
import { LossChart } from './LossChart';
import { bestMeasurement } from './objective';
import {
  addLayer,
  changeNeurons,
  encodeState,
  L2_STRENGTHS,
  LEARNING_RATES,
  MAX_BATCH,
  MAX_NOISE_PERCENT,
  MAX_SEED,
  networkKey,
  NOISE_STEP,
  presetOf,
  PRESETS,
  removeLayer,
  SHARE_RANGE,
  SHARE_STEP,
  stateFromHash,
  type PlaygroundSettings,
} from './state';
import { usePlainTraining } from './usePlainTraining';

export interface PlaygroundProps {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  preset?: string;
  strings: Record<string, string>;
}

interface Props extends PlaygroundProps {
  /** Put the keyboard focus on the first control (the learner opened the lab with a button that is now gone). */
  focus?: boolean;
}

type Engine = 'plain' | 'tfjs';

/** The boundary and every neuron's picture are computed on this grid of the plane. */
const GRID = 32;
const PROBE = grid(GRID);
const SIZE = 400;
const NET_W = 400;
const BOX = 34;
const GAP = 6;
/** The pictures are redrawn at most this often. */
const REDRAW_MS = 100;
/** TF.js reports every this many epochs (each report reads values back from the backend). */
const TF_REPORT_EVERY = 10;
/** How often the plain engine reports (and the pictures redraw): at most 10 times a second, once a second with reduced motion. */
const reportMs = () => (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 1000 : 100);

/** The inputs' own pictures: the x and the y coordinate over the plane. */
const INPUT_LEVELS = [0, 1].map((axis) => Float32Array.from({ length: GRID * GRID }, (_, i) => (PROBE[2 * i + axis] + 1) / 2));

export default function Workbench({ exercise, moduleId, sectionId, locale, labels, preset, strings, focus }: Props) {
  const presetName = presetOf(preset);
  const home = PRESETS[presetName];
  const [s, setS] = useState<PlaygroundSettings>(() => ({ ...home, hidden: [...home.hidden] }));
  const [engine, setEngine] = useState<Engine>('plain');
  const [message, setMessage] = useState('');
  const plain = usePlainTraining();
  const tf = useTraining();
  const active = engine === 'plain' ? plain : tf;
  const objective = useObjective(exercise, moduleId, sectionId);
  const id = `lab-${exercise.id}`;
  const boundary = useRef<HTMLCanvasElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const network = useRef<HTMLCanvasElement>(null);

  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  const num = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(v);
  const loss = (v: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(v);

  const points = useMemo(() => makeData(s.dataset, s.noise / 100, s.share / 100), [s.dataset, s.noise, s.share]);
  const data = useMemo(() => {
    const train = points.filter((p) => !p.test);
    const test = points.filter((p) => p.test);
    return { trainCount: train.length, testCount: test.length, train: toArrays(train), test: toArrays(test) };
  }, [points]);
  const key = networkKey(s);
  const onHome = s.dataset === home.dataset;

  // A shared link for this placement restores its settings; a damaged one is said so, and the preset stays.
  useEffect(() => {
    if (focus) first.current?.focus();
    const { state, present } = stateFromHash(location.hash, exercise.id);
    if (state) setS(state);
    else if (present) setMessage(labels.badLink);
  }, []);

  // A new data set or network starts from new weights: the old pictures and curves go.
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    plain.reset();
    tf.reset();
  }, [key]);

  // The plain engine takes a new learning rate, batch size or L2 strength at once.
  useEffect(() => {
    if (plain.phase === 'training' || plain.phase === 'paused') plain.hyper({ learningRate: s.learningRate, batchSize: s.batchSize, l2: s.l2 });
  }, [s.learningRate, s.batchSize, s.l2]);

  // The objective: the best measurement on the preset's data set, stored when it beats the stored one.
  // Measurements are told apart by their epoch (a long history is thinned, so positions shift).
  const seenEpoch = useRef(-1);
  const reported = useRef<number | null>(null);
  useEffect(() => {
    const history = active.history;
    const last = history.length ? history[history.length - 1].epoch : -1;
    if (last < seenEpoch.current) seenEpoch.current = -1; // a new network or run
    const fresh = history.filter((h) => h.epoch > seenEpoch.current);
    seenEpoch.current = Math.max(seenEpoch.current, last);
    if (!onHome || fresh.length === 0) return;
    const best = bestMeasurement(exercise.objective, fresh);
    if (best === null) return;
    const mine = reported.current;
    const stored = mine !== null && betterMeasurement(exercise.objective, mine, objective.best) ? mine : objective.best;
    if (!betterMeasurement(exercise.objective, best, stored)) return;
    reported.current = best;
    void objective.report(best);
  }, [active.history]);

  function job(epochs: number): TrainJob {
    return {
      model: 'mlp',
      x: data.train.x,
      y: data.train.y,
      testX: data.test.x,
      testY: data.test.y,
      features: 2,
      classes: 2,
      epochs,
      learningRate: s.learningRate,
      reportEvery: TF_REPORT_EVERY,
      probe: PROBE,
      mlp: { hidden: [...s.hidden], activation: s.activation, l2: s.l2, batchSize: s.batchSize, seed: s.seed },
    };
  }

  function train(epochs = s.epochs) {
    setMessage('');
    if (engine === 'plain') void plain.run(job(epochs), reportMs());
    else void tf.train(job(epochs), parameterCount(s.hidden));
  }

  function update(change: Partial<PlaygroundSettings>) {
    setS((prev) => ({ ...prev, ...change }));
  }

  function startAgain() {
    // New random starting weights: a new seed (kept in the share link, so the run can be repeated).
    const seed = (s.seed + 1 + Math.floor(Math.random() * (MAX_SEED - 1))) % (MAX_SEED + 1);
    plain.reset();
    tf.reset();
    update({ seed });
  }

  function switchEngine(next: Engine) {
    plain.reset();
    tf.reset();
    setEngine(next);
  }

  async function shareLink() {
    setMessage(await shareInUrl(exercise.id, encodeState(s), labels.shareDone));
  }

  // ---- Pictures -------------------------------------------------------------

  const progress = active.progress;
  const probe = progress?.probe && progress.probe.length >= GRID * GRID ? progress.probe : null;
  const weights = engine === 'plain' ? plain.weights : null;
  const sizes = [2, ...s.hidden, 1];
  const neurons = s.hidden.reduce((a, b) => a + b, 0);
  const probeFits = probe !== null && probe.length === GRID * GRID * (1 + neurons);

  // Redraw at most every 100 ms (and in step with the screen), however often reports come.
  const frame = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const lastDraw = useRef(0);
  useEffect(() => {
    clearTimeout(timer.current);
    const wait = Math.max(0, lastDraw.current + REDRAW_MS - performance.now());
    timer.current = setTimeout(() => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        lastDraw.current = performance.now();
        drawBoundary();
        drawNetwork();
      });
    }, wait);
  }, [points, probe, weights, key]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      cancelAnimationFrame(frame.current);
    },
    [],
  );

  function drawBoundary() {
    const c = boundary.current;
    const ctx = prepareCanvas(c, SIZE, SIZE);
    if (!c || !ctx) return;
    if (probeFits && probe) {
      const cells = new PixelGrid(GRID);
      paint(probe, cells.pixels, 0.5, 0, GRID * GRID);
      cells.drawTo(ctx, 0, 0, SIZE, SIZE);
      ctx.strokeStyle = '#1c222b';
      ctx.lineWidth = 2;
      ctx.beginPath();
      const segments = contour(probe.subarray(0, GRID * GRID), GRID);
      for (let i = 0; i < segments.length; i += 4) {
        ctx.moveTo(segments[i] * SIZE, segments[i + 1] * SIZE);
        ctx.lineTo(segments[i + 2] * SIZE, segments[i + 3] * SIZE);
      }
      ctx.stroke();
    }
    for (const p of points) {
      const x = ((p.x + 1) / 2) * SIZE;
      const y = ((1 - p.y) / 2) * SIZE;
      ctx.lineWidth = 2;
      ctx.strokeStyle = CLASS_COLORS[p.label];
      ctx.fillStyle = p.test ? '#ffffff' : CLASS_COLORS[p.label];
      ctx.beginPath();
      if (p.label === 0) ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
      else ctx.rect(x - 4, y - 4, 8, 8);
      ctx.fill();
      ctx.stroke();
    }
  }

  function drawNetwork() {
    const c = network.current;
    const { boxes, height } = networkLayout(sizes, NET_W, BOX, GAP);
    // The drawing's height follows the tallest layer (prepareCanvas sizes a canvas only when its width changes).
    const ratio = window.devicePixelRatio || 1;
    if (c && c.height !== Math.round(height * ratio)) {
      c.width = Math.round(NET_W * ratio);
      c.height = Math.round(height * ratio);
    }
    const ctx = prepareCanvas(c, NET_W, height);
    if (!c || !ctx) return;
    // Links: thicker for larger weights; solid for positive, dashed for negative ones.
    let largest = 0;
    if (weights) for (let l = 0; l + 1 < sizes.length; l++) for (let j = 0; j < sizes[l + 1]; j++) for (let i = 0; i < sizes[l]; i++) largest = Math.max(largest, Math.abs(linkWeight(weights, sizes, l, i, j)));
    for (let l = 0; l + 1 < sizes.length; l++)
      for (const a of boxes[l])
        for (const b of boxes[l + 1]) {
          const w = weights ? linkWeight(weights, sizes, l, a.index, b.index) : 0;
          ctx.beginPath();
          ctx.setLineDash(weights && w < 0 ? [5, 3] : []);
          ctx.strokeStyle = !weights ? '#8a8478' : w < 0 ? CLASS_COLORS[1] : CLASS_COLORS[0];
          ctx.lineWidth = weights ? linkWidth(w, largest) : 1;
          ctx.moveTo(a.x + BOX, a.y + BOX / 2);
          ctx.lineTo(b.x, b.y + BOX / 2);
          ctx.stroke();
        }
    ctx.setLineDash([]);
    const cells = new PixelGrid(GRID);
    let k = 0;
    for (const column of boxes)
      for (const b of column) {
        let ok = true;
        if (b.layer === 0) paint(INPUT_LEVELS[b.index], cells.pixels);
        else if (!probeFits || !probe) ok = false;
        else if (b.layer === sizes.length - 1) paint(probe, cells.pixels, 0.8, 0, GRID * GRID);
        else {
          const offset = GRID * GRID * (1 + k++);
          const levels = new Float32Array(GRID * GRID);
          for (let i = 0; i < levels.length; i++) levels[i] = neuronLevel(probe[offset + i], s.activation);
          paint(levels, cells.pixels, 0.8);
        }
        if (ok) cells.drawTo(ctx, b.x, b.y, BOX, BOX);
        else {
          ctx.fillStyle = '#f2f0ea';
          ctx.fillRect(b.x, b.y, BOX, BOX);
        }
        ctx.strokeStyle = '#4c5563';
        ctx.lineWidth = 1;
        ctx.strokeRect(b.x + 0.5, b.y + 0.5, BOX - 1, BOX - 1);
      }
  }

  // ---- Text -----------------------------------------------------------------

  const history = active.history;
  const lastPoint = history[history.length - 1];
  const trainLoss = progress ? progress.loss : null;
  const testLoss = progress?.testLoss ?? null;
  const testAccuracy = progress ? progress.test : null;
  const phase = active.phase;
  const busy = phase === 'training' || phase === 'paused' || phase === 'starting';
  const dataName = strings[`data-${s.dataset}`];
  const layersText =
    s.hidden.length === 0 ? strings.layersNone : s.hidden.length === 1 ? strings.layersOne : fill(strings.layersMany, { count: s.hidden.length });

  const description = [
    fill(strings.describeData, { data: dataName, noise: pct(s.noise / 100), train: data.trainCount, test: data.testCount }),
    s.hidden.length === 0
      ? strings.describeNoHidden
      : fill(strings.describeHidden, { neurons: s.hidden.join(', '), activation: strings[`act-${s.activation}`] }),
    phase === 'training'
      ? strings.describeTraining
      : progress && testLoss !== null && trainLoss !== null && testAccuracy !== null
        ? fill(strings.describeResult, { epoch: progress.epoch, train: loss(trainLoss), test: loss(testLoss), accuracy: pct(testAccuracy) })
        : strings.describeUntrained,
  ].join(' ');
  // The live description speaks when things settle, not at every change of a slider.
  const [spoken, setSpoken] = useState(description);
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(description), 800);
    return () => clearTimeout(timer);
  }, [description]);

  const activationLabel = (a: Activation) => strings[`act-${a}`];
  const reachedMs = objectiveMs();
  function objectiveMs(): number | undefined {
    if (!onHome) return undefined;
    for (const h of history) {
      const v = bestMeasurement(exercise.objective, [h]);
      if (v !== null && meetsObjective(exercise.objective, v)) return Math.round(h.elapsedMs);
    }
    return undefined;
  }

  return (
    <LabFrame
      id={id}
      lab="playground"
      title={strings.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={exercise.objective.metric === 'accuracy' ? pct : num}
      message={message}
      description={spoken}
    >
      {!onHome && <p class="pg-counts">{strings[`countsOn-${presetName}`]}</p>}
      <div class="lab-grid pg-grid">
        <div class="pg-view">
          <canvas
            ref={boundary}
            class="lab-canvas"
            width={SIZE}
            height={SIZE}
            role="img"
            aria-label={strings.canvasLabel}
            aria-describedby={`${id}-description`}
          />
          <p class="lab-legend">{strings.legend}</p>
          <canvas ref={network} class="pg-network" width={NET_W} height={BOX} role="img" aria-label={fill(strings.networkLabel, { layers: layersText })} />
          <p class="lab-legend">{strings.networkLegend}</p>
        </div>

        <div class="lab-controls pg-controls">
          <label class="lab-field">
            <span>{strings.data}</span>
            <select ref={first} value={s.dataset} onChange={(e) => update({ dataset: (e.currentTarget as HTMLSelectElement).value as DatasetName })}>
              {DATASETS.map((d) => (
                <option value={d} key={d}>
                  {strings[`data-${d}`]}
                </option>
              ))}
            </select>
          </label>
          <label class="lab-field">
            <span>{fill(strings.noise, { value: pct(s.noise / 100) })}</span>
            <input
              type="range"
              min={0}
              max={MAX_NOISE_PERCENT}
              step={NOISE_STEP}
              value={s.noise}
              onInput={(e) => update({ noise: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <label class="lab-field">
            <span>{fill(strings.share, { value: pct(s.share / 100), train: data.trainCount, test: data.testCount })}</span>
            <input
              type="range"
              min={SHARE_RANGE[0]}
              max={SHARE_RANGE[1]}
              step={SHARE_STEP}
              value={s.share}
              onInput={(e) => update({ share: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <fieldset class="lab-field pg-layers">
            <legend>{strings.hiddenLayers}</legend>
            <div class="pg-stepper">
              <button type="button" class="button secondary" aria-label={strings.removeLayer} disabled={s.hidden.length === 0} onClick={() => update({ hidden: removeLayer(s.hidden) })}>
                −
              </button>
              <span aria-live="polite">{layersText}</span>
              <button
                type="button"
                class="button secondary"
                aria-label={strings.addLayer}
                disabled={s.hidden.length >= MAX_HIDDEN_LAYERS}
                onClick={() => update({ hidden: addLayer(s.hidden) })}
              >
                +
              </button>
            </div>
            {s.hidden.map((n, layer) => (
              <div class="pg-stepper" key={layer}>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={fill(strings.fewerNeurons, { layer: layer + 1 })}
                  disabled={n <= 1}
                  onClick={() => update({ hidden: changeNeurons(s.hidden, layer, -1) })}
                >
                  −
                </button>
                <span aria-live="polite">{fill(n === 1 ? strings.neuronsOne : strings.neuronsMany, { layer: layer + 1, count: n })}</span>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={fill(strings.moreNeurons, { layer: layer + 1 })}
                  disabled={n >= MAX_NEURONS}
                  onClick={() => update({ hidden: changeNeurons(s.hidden, layer, 1) })}
                >
                  +
                </button>
              </div>
            ))}
          </fieldset>
          <label class="lab-field">
            <span>{strings.activation}</span>
            <select value={s.activation} onChange={(e) => update({ activation: (e.currentTarget as HTMLSelectElement).value as Activation })}>
              {ACTIVATIONS.map((a) => (
                <option value={a} key={a}>
                  {activationLabel(a)}
                </option>
              ))}
            </select>
          </label>
          <label class="lab-field">
            <span>{strings.learningRate}</span>
            <select value={String(s.learningRate)} onChange={(e) => update({ learningRate: Number((e.currentTarget as HTMLSelectElement).value) })}>
              {LEARNING_RATES.map((r) => (
                <option value={String(r)} key={r}>
                  {num(r)}
                </option>
              ))}
            </select>
          </label>
          <label class="lab-field">
            <span>{fill(strings.batch, { count: s.batchSize })}</span>
            <input
              type="range"
              min={1}
              max={MAX_BATCH}
              step={1}
              value={s.batchSize}
              onInput={(e) => update({ batchSize: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <label class="lab-field">
            <span>{strings.regularisation}</span>
            <select value={String(s.l2)} onChange={(e) => update({ l2: Number((e.currentTarget as HTMLSelectElement).value) })}>
              {L2_STRENGTHS.map((v) => (
                <option value={String(v)} key={v}>
                  {v === 0 ? strings.l2None : fill(strings.l2Strength, { value: num(v) })}
                </option>
              ))}
            </select>
          </label>
          <label class="lab-field">
            <span>{strings.engine}</span>
            <select class="pg-engine" value={engine} disabled={busy} onChange={(e) => switchEngine((e.currentTarget as HTMLSelectElement).value as Engine)}>
              <option value="plain">{strings.enginePlain}</option>
              <option value="tfjs">{strings.engineTfjs}</option>
            </select>
          </label>
          <p class="lab-legend">{engine === 'tfjs' ? strings.tfjsNote : strings.plainNote}</p>
          <div class="pg-panel" data-engine={engine} data-objective-ms={phase === 'done' ? reachedMs : undefined}>
            <TrainingPanel
              id={id}
              training={active}
              labels={labels}
              parameters={parameterCount(s.hidden)}
              onTrain={() => train()}
              onReset={startAgain}
              formatMetric={pct}
              epochs={s.epochs}
              onEpochs={(epochs) => update({ epochs })}
              meets={(v) => onHome && exercise.objective.metric === 'accuracy' && meetsObjective(exercise.objective, v)}
            />
          </div>
          <div class="lab-actions">
            {engine === 'plain' && (
              <button type="button" class="button secondary" disabled={busy} onClick={() => train(1)}>
                {strings.oneEpoch}
              </button>
            )}
            <button type="button" class="button secondary" onClick={shareLink}>
              {labels.share}
            </button>
          </div>
        </div>
      </div>

      <div class="lab-results pg-results">
        {progress && trainLoss !== null && testLoss !== null && testAccuracy !== null && (
          <p class="lab-score" data-testid="pg-results">
            {fill(strings.results, { train: loss(trainLoss), test: loss(testLoss), accuracy: pct(testAccuracy) })}
          </p>
        )}
        {history.length > 1 && lastPoint && <LossChart history={history} strings={strings} format={loss} decimal={num(0.5).replace(/\d/g, '')} />}
      </div>
    </LabFrame>
  );
}

/** A small grid of pixels drawn scaled (smoothly) into a canvas: the boundary's and the neurons' pictures. */
class PixelGrid {
  private static canvas: HTMLCanvasElement | null = null;
  private readonly image: ImageData;
  constructor(private readonly size: number) {
    this.image = new ImageData(size, size);
  }
  get pixels(): Uint8ClampedArray {
    return this.image.data;
  }
  drawTo(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    const c = (PixelGrid.canvas ??= document.createElement('canvas'));
    c.width = this.size;
    c.height = this.size;
    c.getContext('2d')!.putImageData(this.image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(c, x, y, w, h);
  }
}
