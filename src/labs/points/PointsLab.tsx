/**
 * LAB "Points": place points of two or three classes, train nearest
 * neighbours or logistic regression, and watch the decision boundary and the
 * accuracy on held-out test points. Works with mouse, touch and keyboard; a
 * text description says what the canvas shows.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import { knnPredict } from '../../lib/ml/knn';
import { accuracy, confusionMatrix } from '../../lib/ml/metrics';
import { parameterCount } from '../../lib/ml/models';
import { LabFrame } from '../ui/LabFrame';
import { TrainingPanel } from '../ui/TrainingPanel';
import { prepareCanvas } from '../ui/canvas';
import { shareInUrl } from '../ui/share';
import type { EngineLabels } from '../ui/labels';
import { useObjective } from '../ui/useObjective';
import { useTraining } from '../ui/useTraining';
import { classCount, generatePreset, gridPoints, pointsJob, PRESETS, toFeatures, type LabPoint, type Preset } from './data';
import { encodeState, HASH_KEY, stateFromHash, type PointsModel } from './state';

export type PointsStrings = Record<string, string>;

interface Props {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  strings: PointsStrings;
}

const GRID = 40;
const SIZE = 400;
const CLASS_COLORS = ['#1d5bab', '#c0392b', '#2b7a3d'];
const grid = gridPoints(GRID);
const gridFeatures = toFeatures(grid);

export default function PointsLab({ exercise, moduleId, sectionId, locale, labels, strings }: Props) {
  const [points, setPoints] = useState<LabPoint[]>(() => generatePreset('two-clouds'));
  const [preset, setPreset] = useState<Preset | 'custom'>('two-clouds');
  const [model, setModel] = useState<PointsModel>('logistic');
  const [k, setK] = useState(3);
  const [addClass, setAddClass] = useState(0);
  const [boundary, setBoundary] = useState<ArrayLike<number> | null>(null);
  const [testPred, setTestPred] = useState<ArrayLike<number> | null>(null);
  const [cursor, setCursor] = useState({ x: 0.5, y: 0.5 });
  const [message, setMessage] = useState('');
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ index: number; moved: boolean } | null>(null);
  const training = useTraining();
  const [epochs, setEpochs] = useState(200);
  const objective = useObjective(exercise, moduleId, sectionId);
  const id = `lab-${exercise.id}`;
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);

  const train = useMemo(() => points.filter((p) => !p.test), [points]);
  const test = useMemo(() => points.filter((p) => p.test), [points]);
  const classes = Math.max(2, classCount(points));
  const testAccuracy = testPred && testPred.length === test.length ? accuracy(test.map((p) => p.label), testPred) : null;

  // A shared link restores an experiment; a damaged one is said so, and the preset stays.
  useEffect(() => {
    const { state, present } = stateFromHash(location.hash);
    if (state) {
      setPoints(state.points);
      setModel(state.model);
      setK(state.k);
      setPreset('custom');
    } else if (present) setMessage(labels.badLink);
  }, []);

  // Any change to the data or the model makes the old boundary stale.
  useEffect(() => {
    setBoundary(null);
    setTestPred(null);
  }, [points, model, k]);

  useEffect(() => draw(), [points, boundary, testPred, cursor]);

  function draw() {
    const c = canvas.current;
    const ctx = prepareCanvas(c, SIZE, SIZE);
    if (!c || !ctx) return;
    const cell = SIZE / GRID;
    if (boundary) {
      ctx.globalAlpha = 0.18;
      for (let i = 0; i < boundary.length; i++) {
        const label = boundary[i];
        if (label < 0) continue;
        ctx.fillStyle = CLASS_COLORS[label];
        ctx.fillRect((i % GRID) * cell, Math.floor(i / GRID) * cell, cell + 0.5, cell + 0.5);
      }
      ctx.globalAlpha = 1;
    }
    const wrong = new Set<LabPoint>();
    if (testPred) test.forEach((p, i) => testPred[i] !== p.label && wrong.add(p));
    for (const p of points) {
      const x = p.x * SIZE;
      const y = (1 - p.y) * SIZE;
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = CLASS_COLORS[p.label];
      ctx.fillStyle = p.test ? '#ffffff' : CLASS_COLORS[p.label];
      ctx.beginPath();
      if (p.label === 0) ctx.arc(x, y, 6, 0, 2 * Math.PI);
      else if (p.label === 1) ctx.rect(x - 5.5, y - 5.5, 11, 11);
      else {
        ctx.moveTo(x, y - 7);
        ctx.lineTo(x + 6.5, y + 5);
        ctx.lineTo(x - 6.5, y + 5);
        ctx.closePath();
      }
      ctx.fill();
      ctx.stroke();
      if (wrong.has(p)) {
        ctx.strokeStyle = '#111111';
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.arc(x, y, 11, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    if (document.activeElement === c) {
      ctx.strokeStyle = '#1c222b';
      ctx.lineWidth = 1.5;
      const cx = cursor.x * SIZE;
      const cy = (1 - cursor.y) * SIZE;
      ctx.beginPath();
      ctx.moveTo(cx - 10, cy);
      ctx.lineTo(cx + 10, cy);
      ctx.moveTo(cx, cy - 10);
      ctx.lineTo(cx, cy + 10);
      ctx.stroke();
    }
  }

  function place(x: number, y: number) {
    // New points alternate between training (3 of 4) and test (1 of 4), like the presets.
    setPoints((prev) => [...prev, { x, y, label: addClass, test: prev.length % 4 === 3 }]);
    setPreset('custom');
  }

  function removeNearest(x: number, y: number) {
    const i = nearest(x, y, 1);
    if (i >= 0) {
      setPoints((prev) => prev.filter((_, j) => j !== i));
      setPreset('custom');
    }
  }

  function nearest(x: number, y: number, within = 0.03): number {
    let best = -1;
    let bestD = within * within;
    points.forEach((p, i) => {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  }

  function toUnit(e: PointerEvent) {
    const rect = canvas.current!.getBoundingClientRect();
    return {
      x: Math.min(0.99, Math.max(0.01, (e.clientX - rect.left) / rect.width)),
      y: Math.min(0.99, Math.max(0.01, 1 - (e.clientY - rect.top) / rect.height)),
    };
  }

  function onKey(e: KeyboardEvent) {
    const step = e.shiftKey ? 0.1 : 0.025;
    const move: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (move[e.key]) {
      e.preventDefault();
      setCursor((c) => ({
        x: Math.min(0.99, Math.max(0.01, c.x + move[e.key][0])),
        y: Math.min(0.99, Math.max(0.01, c.y + move[e.key][1])),
      }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      place(cursor.x, cursor.y);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      removeNearest(cursor.x, cursor.y);
    }
  }

  async function run() {
    setMessage('');
    if (train.length === 0 || test.length === 0 || classCount(train) < 2) {
      setMessage(strings.needPoints);
      return;
    }
    if (model === 'knn') {
      // Nearest neighbours has nothing to train: the training points are the model.
      const pred = knnPredict(train, test, k);
      setBoundary(knnPredict(train, grid, k));
      setTestPred(pred);
      await objective.report(accuracy(test.map((p) => p.label), pred));
      return;
    }
    const job = pointsJob(points, epochs, gridFeatures);
    const final = await training.train(job, parameterCount(job));
    if (final) {
      setBoundary(final.probe ?? null);
      setTestPred(final.testPredictions);
      await objective.report(final.test);
    }
  }

  // Live boundary while training.
  useEffect(() => {
    const p = training.progress;
    if (model === 'logistic' && p?.probe && training.phase === 'training') {
      setBoundary(p.probe);
      setTestPred(p.testPredictions);
    }
  }, [training.progress]);

  function loadPreset(next: Preset) {
    setPreset(next);
    setPoints(generatePreset(next));
    setAddClass(0);
    training.reset();
  }

  async function shareLink() {
    setMessage(await shareInUrl(HASH_KEY, encodeState({ model, k, points }), labels.shareDone));
  }

  const matrix = testPred && testPred.length === test.length ? confusionMatrix(test.map((p) => p.label), testPred, classes) : null;
  const wrongList = testPred
    ? test
        .map((p, i) => ({ p, pred: testPred[i] }))
        .filter(({ p, pred }) => pred !== p.label)
        .map(({ p, pred }) =>
          fill(strings.wrongPoint, { cls: strings[`class${p.label}`], x: Math.round(p.x * 100), y: Math.round(p.y * 100), pred: strings[`class${pred}`] }),
        )
    : [];
  const description = [
    fill(strings.describe, { train: train.length, test: test.length, classes }),
    boundary ? fill(strings[model === 'knn' ? 'describeKnn' : 'describeLogistic'], { k }) : strings.describeNoModel,
    testAccuracy !== null ? fill(strings.describeAccuracy, { value: pct(testAccuracy) }) : '',
    testPred ? (wrongList.length ? fill(strings.describeWrong, { list: wrongList.join('; ') }) : strings.describeNoneWrong) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <LabFrame
      id={id}
      lab="points"
      title={strings.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={pct}
      message={message}
      description={description}
    >

      <div class="lab-grid">
        <div>
          <canvas
            ref={canvas}
            class="lab-canvas"
            width={SIZE}
            height={SIZE}
            tabIndex={0}
            role="application"
            aria-label={strings.canvasLabel}
            aria-describedby={`${id}-help ${id}-description`}
            onKeyDown={onKey}
            onFocus={() => draw()}
            onBlur={() => draw()}
            onPointerDown={(e) => {
              const { x, y } = toUnit(e);
              const index = nearest(x, y);
              drag.current = index >= 0 ? { index, moved: false } : null;
              (e.currentTarget as HTMLCanvasElement).setPointerCapture(e.pointerId);
            }}
            onPointerMove={(e) => {
              if (!drag.current) return;
              const { x, y } = toUnit(e);
              drag.current.moved = true;
              const index = drag.current.index;
              setPoints((prev) => prev.map((p, i) => (i === index ? { ...p, x, y } : p)));
              setPreset('custom');
            }}
            onPointerUp={(e) => {
              const { x, y } = toUnit(e);
              if (!drag.current) place(x, y);
              drag.current = null;
            }}
          />
          <p class="lab-legend" id={`${id}-help`}>
            {strings.instructions}
          </p>
          <p class="lab-legend">{strings.legend}</p>
        </div>

        <div class="lab-controls">
          <label class="lab-field">
            <span>{strings.preset}</span>
            <select value={preset} onChange={(e) => loadPreset((e.currentTarget as HTMLSelectElement).value as Preset)}>
              {preset === 'custom' && <option value="custom">{strings.presetCustom}</option>}
              {PRESETS.map((p) => (
                <option value={p} key={p}>
                  {strings[`preset-${p}`]}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="lab-field">
            <legend>{strings.addClass}</legend>
            {[0, 1, 2].map((c) => (
              <label key={c} class="lab-radio">
                <input type="radio" name={`${id}-class`} checked={addClass === c} onChange={() => setAddClass(c)} />
                <span class="swatch" style={`background:${CLASS_COLORS[c]}`} aria-hidden="true" /> {strings[`class${c}`]}
              </label>
            ))}
          </fieldset>
          <fieldset class="lab-field">
            <legend>{strings.model}</legend>
            <label class="lab-radio">
              <input type="radio" name={`${id}-model`} checked={model === 'logistic'} onChange={() => setModel('logistic')} />{' '}
              {strings.modelLogistic}
            </label>
            <label class="lab-radio">
              <input type="radio" name={`${id}-model`} checked={model === 'knn'} onChange={() => setModel('knn')} />{' '}
              {strings.modelKnn}
            </label>
          </fieldset>
          {model === 'knn' && (
            <label class="lab-field">
              <span>{fill(strings.k, { k })}</span>
              <input type="range" min={1} max={15} step={1} value={k} onInput={(e) => setK(Number((e.currentTarget as HTMLInputElement).value))} />
            </label>
          )}
          <TrainingPanel
            id={id}
            training={training}
            labels={labels}
            parameters={(2 + 1) * classes}
            onTrain={run}
            onReset={() => loadPreset(preset === 'custom' ? 'two-clouds' : preset)}
            formatMetric={pct}
            epochs={epochs}
            onEpochs={setEpochs}
            meets={(v) => meetsObjective(exercise.objective, v)}
          />
          <p>
            <button type="button" class="button secondary" onClick={shareLink}>
              {labels.share}
            </button>
          </p>
        </div>
      </div>

      <div class="lab-results">
        {testAccuracy !== null && (
          <p class="lab-score" data-testid="test-accuracy">
            {fill(strings.testAccuracy, { value: pct(testAccuracy) })}
          </p>
        )}
        {matrix && (
          <table class="lab-matrix">
            <caption>{strings.matrixTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.matrixCorner}</th>
                {matrix.map((_, j) => (
                  <th scope="col" key={j}>
                    {strings[`class${j}`]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{strings[`class${i}`]}</th>
                  {row.map((n, j) => (
                    <td key={j} data-diagonal={i === j ? 'true' : undefined}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </LabFrame>
  );
}
