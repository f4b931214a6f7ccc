/**
 * LAB "Teach the camera", the workbench (loaded by CameraLab.tsx when the
 * learner chooses how to collect examples): the learner makes 2 to 4
 * classes, records examples with the device's camera (in bursts while a
 * button is held), or draws them, or chooses pictures; every example is
 * shrunk to the 32 × 32 colour picture the network sees and shown. A small
 * convolutional network trains from scratch in the worker; then the lab shows
 * live predictions, the confusion matrix of the test examples and the test
 * examples it gets wrong. Pictures live only in this page's memory.
 *
 * The logic (store, split, minimums, job) is in examples.ts; shrinking in
 * shrink.ts; reading pixels from the DOM in capture.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import { cnnParameterCount } from '../../lib/ml/cnn';
import { accuracy, confusionMatrix } from '../../lib/ml/metrics';
import type { Progress } from '../../lib/ml/protocol';
import { LabFrame } from '../ui/LabFrame';
import { TrainingPanel } from '../ui/TrainingPanel';
import type { EngineLabels } from '../ui/labels';
import { useObjective } from '../ui/useObjective';
import { useTraining } from '../ui/useTraining';
import { grabFrame, readCanvas, readPicture } from './capture';
import {
  addClass,
  addExamples,
  cameraJob,
  CHANNELS,
  createStore,
  DEFAULT_EPOCHS,
  EPOCH_CHOICES,
  deleteExample,
  examplesOf,
  IMAGE_SIZE,
  MAX_CLASSES,
  MAX_PER_CLASS,
  MIN_CLASSES,
  MIN_TEST,
  MIN_TRAIN,
  newBurst,
  readiness,
  removeClass,
  renameClass,
  shownName,
  splitExamples,
  TEST_SHARE,
  trainingData,
  type Example,
  type Source,
  type Store,
} from './examples';
import { isBlank, toRgba } from './shrink';

type Strings = Record<string, string>;

interface Props {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  strings: Strings;
  /** How the learner chose to begin. */
  start: Source;
}
/** Frames a second while recording, and the longest burst. */
const FRAME_MS = 200;
const MAX_BURST = 50;
/** A burst started without holding (a screen reader's click): this many frames. */
const FIXED_BURST = 10;
/** How often the camera's picture is shown small and, after training, predicted. */
const LIVE_MS = 300;
const RESULT_MS = 500;
const DRAW = 256;
const PEN = 12;

interface Result {
  classIds: number[];
  tests: Example[];
  truth: number[];
  predicted: ArrayLike<number>;
}

export default function Workbench({ exercise, moduleId, sectionId, locale, labels, strings: s, start }: Props) {
  const id = `lab-${exercise.id}`;
  const [store, setStore] = useState<Store>(() => createStore([s.suggest0, s.suggest1]));
  const storeRef = useRef(store);
  const update = (change: (st: Store) => Store) => {
    storeRef.current = change(storeRef.current);
    setStore(storeRef.current);
  };
  const [target, setTarget] = useState(store.classes[0].id);
  const [asTest, setAsTest] = useState(false);
  const [source, setSource] = useState<Source>(start);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off');
  const [recorded, setRecorded] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<Float32Array | null>(null);
  const [live, setLive] = useState<Float32Array | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [inked, setInked] = useState(false);
  const [pen, setPen] = useState({ x: DRAW / 2, y: DRAW / 2, down: false });
  const penRef = useRef(pen);
  const movePen = (next: typeof pen) => {
    penRef.current = next;
    setPen(next);
  };
  const [epochs, setEpochs] = useState(DEFAULT_EPOCHS);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  /** False once the learner turned the camera off (or the lab was left) while the browser was still starting it. */
  const cameraWanted = useRef(false);
  const recorder = useRef<ReturnType<typeof setInterval> | null>(null);
  const drawing = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<{ x: number; y: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const snapshot = useRef<Omit<Result, 'predicted'> | null>(null);
  const training = useTraining({ convolution: true });
  const objective = useObjective(exercise, moduleId, sectionId);
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);

  const split = useMemo(() => splitExamples(store), [store]);
  const check = useMemo(() => readiness(store, split), [store, split]);
  const nameOf = (classId: number) => {
    const i = store.classes.findIndex((c) => c.id === classId);
    return i < 0 ? '' : shownName(store.classes[i].name, fill(s.classFallback, { n: i + 1 }));
  };
  const targetName = nameOf(target);
  const trained = training.phase === 'done';
  // Trainable numbers of the network (for the backend choice; convolutions never go to WebAssembly).
  const parameters = cnnParameterCount({ width: IMAGE_SIZE, height: IMAGE_SIZE, channels: CHANNELS, architecture: 'camera' }, store.classes.length);

  // ---- Camera: started only by the learner; stopped when turned off, hidden, scrolled away or left.
  function cameraOff() {
    cameraWanted.current = false;
    stopRecording();
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setCamera('off');
  }

  async function cameraOn() {
    setMessage('');
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) return noCamera(s.noCamera);
    setCamera('starting');
    cameraWanted.current = true;
    let started: MediaStream;
    try {
      started = await media.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 }, facingMode: 'user' }, audio: false });
    } catch (error) {
      setCamera('off');
      const name = (error as { name?: string })?.name;
      return noCamera(name === 'NotAllowedError' || name === 'SecurityError' ? s.cameraDenied : s.noCamera);
    }
    if (!cameraWanted.current) return started.getTracks().forEach((t) => t.stop());
    stream.current = started;
    started.getTracks().forEach((t) => t.addEventListener('ended', cameraOff));
    setCamera('on');
  }

  function noCamera(text: string) {
    setMessage(text);
    setSource('drawing');
  }

  useEffect(() => {
    const el = video.current;
    if (camera === 'on' && el && stream.current) {
      el.srcObject = stream.current;
      void el.play().catch(() => {});
    }
  }, [camera]);

  useEffect(() => {
    const hidden = () => document.hidden && cameraOff();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', cameraOff);
    const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver(([e]) => !e.isIntersecting && cameraOff()) : null;
    if (root.current) observer?.observe(root.current);
    clearDrawing();
    if (start === 'camera') void cameraOn();
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', cameraOff);
      observer?.disconnect();
      cameraOff();
    };
  }, []);

  // The learner's choice replaced the start buttons: focus goes to the control that comes next.
  const focusPending = useRef(true);
  useEffect(() => {
    if (!focusPending.current) return;
    const next = { camera: camera === 'on' ? '.cam-record' : '', drawing: '.cam-draw', files: '.cam-file input' }[source];
    const el = next ? root.current?.querySelector<HTMLElement>(next) : null;
    if (el) {
      el.focus();
      focusPending.current = false;
    }
  }, [source, camera]);

  // The camera's picture, small, a few times a second; after training, what the network says about it.
  useEffect(() => {
    if (camera !== 'on' || source !== 'camera') return;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy || !video.current) return;
      const px = grabFrame(video.current);
      if (!px) return;
      setPreview(px);
      if (!trained) return;
      busy = true;
      const p = await training.predict(px, 1);
      busy = false;
      if (p) setLive(p.probabilities);
    }, LIVE_MS);
    return () => clearInterval(timer);
  }, [camera, source, trained]);

  function switchSource(next: Source) {
    if (next !== 'camera') cameraOff();
    setSource(next);
    setPreview(null);
    setLive(null);
  }

  // ---- Recording in bursts: while the button is held (pointer, Space or Enter), about 5 frames a second.
  function startRecording(limit = MAX_BURST) {
    if (recorder.current || !video.current || camera !== 'on') return;
    let burst = 0;
    update((st) => {
      const b = newBurst(st);
      burst = b.burst;
      return b.store;
    });
    const classId = target;
    const test = asTest;
    let frames = 0;
    const take = () => {
      if (!storeRef.current.classes.some((c) => c.id === classId)) return stopRecording();
      const px = video.current && grabFrame(video.current);
      if (!px) return;
      let added = 0;
      update((st) => {
        const r = addExamples(st, classId, [px], { test, burst });
        added = r.added;
        return r.store;
      });
      if (!added) {
        setMessage(fill(s.full, { name: nameOf(classId), max: MAX_PER_CLASS }));
        return stopRecording();
      }
      setRecorded(++frames);
      if (frames >= limit) stopRecording();
    };
    setRecorded(0);
    recorder.current = setInterval(take, FRAME_MS);
    take();
  }

  function stopRecording() {
    if (recorder.current) clearInterval(recorder.current);
    recorder.current = null;
    setRecorded(null);
  }

  const recordKeys = (e: KeyboardEvent, down: boolean) => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    if (!down) stopRecording();
    else if (!e.repeat) startRecording();
  };

  // ---- Drawing: pointer, or the keyboard (arrow keys move the pen, Space lifts or lowers it).
  function clearDrawing() {
    const ctx = drawing.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, DRAW, DRAW);
    setInked(false);
    if (source === 'drawing') {
      setPreview(null);
      setLive(null);
    }
  }

  function line(from: { x: number; y: number }, to: { x: number; y: number }) {
    const ctx = drawing.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.strokeStyle = '#1c222b';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
    setInked(true);
  }

  const pointerAt = (e: PointerEvent) => {
    const rect = drawing.current!.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * DRAW, y: ((e.clientY - rect.top) / rect.height) * DRAW };
  };

  async function seeDrawing() {
    if (!drawing.current) return;
    const px = readCanvas(drawing.current);
    setPreview(px);
    if (trained) {
      const p = await training.predict(px, 1);
      if (p) setLive(p.probabilities);
    }
  }

  function drawKeys(e: KeyboardEvent) {
    const pen = penRef.current;
    const step = e.shiftKey ? 32 : 8;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const clamp = (v: number) => Math.min(DRAW - 4, Math.max(4, v));
    if (moves[e.key]) {
      e.preventDefault();
      const next = { x: clamp(pen.x + moves[e.key][0]), y: clamp(pen.y + moves[e.key][1]), down: pen.down };
      if (pen.down) line(pen, next);
      movePen(next);
      if (pen.down) void seeDrawing();
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      const next = { ...pen, down: !pen.down };
      if (next.down) line(pen, pen);
      movePen(next);
      if (next.down) void seeDrawing();
    }
  }

  function addDrawing() {
    if (!drawing.current) return;
    const px = readCanvas(drawing.current);
    if (!inked || isBlank(px)) return setMessage(s.emptyDrawing);
    add([px]);
    clearDrawing();
    movePen({ ...penRef.current, down: false });
  }

  function add(images: Float32Array[]): number {
    let added = 0;
    update((st) => {
      const r = addExamples(st, target, images, { test: asTest });
      added = r.added;
      return r.store;
    });
    setMessage(
      [
        fill(asTest ? s.addedTest : s.added, { count: added, name: targetName }),
        added < images.length ? fill(s.full, { name: targetName, max: MAX_PER_CLASS }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    return added;
  }

  // ---- Pictures from the device: every readable one is added; an unreadable one is named, and nothing is lost.
  async function readFiles(files: File[]): Promise<{ images: Float32Array[]; bad: string[] }> {
    const images: Float32Array[] = [];
    const bad: string[] = [];
    for (const file of files) {
      try {
        images.push(await readPicture(file));
      } catch {
        bad.push(fill(s.badFile, { file: file.name }));
      }
    }
    return { images, bad };
  }

  async function chooseFiles(input: HTMLInputElement) {
    const { images, bad } = await readFiles([...(input.files ?? [])]);
    input.value = '';
    if (images.length) add(images);
    if (bad.length) setMessage((m) => [images.length ? m : '', ...bad].filter(Boolean).join(' '));
  }

  async function askPicture(input: HTMLInputElement) {
    const { images, bad } = await readFiles([...(input.files ?? [])].slice(0, 1));
    input.value = '';
    if (bad.length) return setMessage(bad.join(' '));
    if (!images.length) return;
    setMessage('');
    setPreview(images[0]);
    const p = await training.predict(images[0], 1);
    if (p) setLive(p.probabilities);
  }

  // ---- Classes and examples.
  function newClass() {
    const next = addClass(storeRef.current, s[`suggest${store.classes.length}`] ?? '');
    const added = next.classes[next.classes.length - 1].id;
    update(() => next);
    setTarget(added);
    forgetModel();
    // The learner names the new class next.
    focusSoon(`#${id}-name-${added}`);
  }

  function dropClass(classId: number) {
    update((st) => removeClass(st, classId));
    setTarget((t) => (t === classId ? storeRef.current.classes[0].id : t));
    forgetModel();
    setMessage(fill(s.removed, { name: nameOf(classId) }));
    // The button is gone with its class: focus goes to "Add a class".
    focusSoon('.cam-add-class');
  }

  /** Moves focus after the next render (when a control that had it disappears). */
  function focusSoon(selector: string) {
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function forgetModel() {
    training.reset();
    snapshot.current = null;
    setResult(null);
    setLive(null);
  }

  function remove(example: Example, n: number, name: string) {
    update((st) => deleteExample(st, example.id));
    setMessage(fill(s.deleted, { n, name }));
  }

  // ---- Training.
  async function run() {
    setMessage('');
    if (!check.ok) {
      const missing = check.classes
        .filter((c) => c.needTrain || c.needTest)
        .map((c) => fill(s.needClass, { name: nameOf(c.classId), train: c.train, test: c.test, minTrain: MIN_TRAIN, minTest: MIN_TEST }));
      return setMessage(fill(s.notReady, { list: missing.join('; ') }));
    }
    const data = trainingData(store, split);
    snapshot.current = { classIds: store.classes.map((c) => c.id), tests: data.testExamples, truth: Array.from(data.testY) };
    setResult(null);
    setLive(null);
    const final = await training.train(cameraJob(data, epochs), parameters);
    if (final) show(final);
  }

  // Results at report points: the objective counts only with the minimums met (training refuses otherwise).
  // While training, the matrix and the mistakes are redrawn at most every RESULT_MS; the last report always.
  const shownAt = useRef(0);
  function show(p: Progress, always = true) {
    const snap = snapshot.current;
    if (!snap || p.testPredictions.length !== snap.truth.length) return;
    void objective.report(accuracy(snap.truth, p.testPredictions));
    const now = performance.now();
    if (!always && now - shownAt.current < RESULT_MS) return;
    shownAt.current = now;
    setResult({ ...snap, predicted: p.testPredictions });
  }

  useEffect(() => {
    if (training.progress && training.phase === 'training') show(training.progress, false);
  }, [training.progress]);

  // ---- What a screen reader hears: the classes and counts (not while a burst is recording), the result.
  const testIds = useMemo(() => new Set([...split.values()].flatMap((c) => c.test.map((e) => e.id))), [split]);
  const right = result ? result.truth.filter((t, i) => t === result.predicted[i]).length : 0;
  const summary = useRef('');
  if (recorded === null)
    summary.current = [
      fill(s.describe, {
        count: store.classes.length,
        list: check.classes.map((c) => fill(s.describeClass, { name: nameOf(c.classId), train: c.train, test: c.test })).join('; '),
      }),
      result ? fill(s.testAccuracy, { value: pct(right / Math.max(1, result.truth.length)), right, total: result.truth.length }) : s.describeNoModel,
    ].join(' ');
  const top = live ? Array.from(live).indexOf(Math.max(...live)) : -1;
  const liveNames = result ? result.classIds.map(nameOf) : store.classes.map((c) => nameOf(c.id));

  // The class cards re-render only when the examples change (not at every training report).
  const cards = useMemo(
    () => (
      <>
        <h3 class="cam-heading">{s.classes}</h3>
        <p class="lab-legend">{s.thumbsLegend}</p>
        <ul class="cam-classes">
          {store.classes.map((c, i) => {
            const counts = check.classes[i];
            const name = nameOf(c.id);
            const mine = examplesOf(store, c.id);
            const need = counts.needTrain + counts.needTest > 0;
            return (
              <li class="cam-class" key={c.id} data-class={i}>
                <label class="lab-field">
                  <span>{fill(s.className, { n: i + 1 })}</span>
                  <input
                    id={`${id}-name-${c.id}`}
                    class="cam-name"
                    type="text"
                    maxLength={30}
                    value={c.name}
                    onInput={(e) => update((st) => renameClass(st, c.id, (e.currentTarget as HTMLInputElement).value))}
                  />
                </label>
                <p class="cam-counts" data-testid="counts">
                  {fill(s.counts, { train: counts.train, test: counts.test })}{' '}
                  <span class="lab-legend">{split.get(c.id)?.auto ? s.testAuto : s.testOwn}</span>
                </p>
                <p class="cam-need" data-ready={need ? 'false' : 'true'}>
                  <span aria-hidden="true">{need ? '○ ' : '✓ '}</span>
                  {need ? fill(s.needMore, { train: counts.train, test: counts.test, minTrain: MIN_TRAIN, minTest: MIN_TEST }) : s.enough}
                </p>
                <Examples list={mine} testIds={testIds} name={name} strings={s} onDelete={remove} emptyFocus={`${id}-name-${c.id}`} />
                {store.classes.length > MIN_CLASSES && (
                  <button
                    type="button"
                    class="button secondary"
                    aria-label={fill(s.removeClassFull, { name, count: mine.length })}
                    onClick={() => dropClass(c.id)}
                  >
                    {s.removeClass}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {store.classes.length < MAX_CLASSES && (
          <p>
            <button type="button" class="button secondary cam-add-class" onClick={newClass}>
              {s.addClass}
            </button>
          </p>
        )}
      </>
    ),
    [store, split, check, testIds],
  );

  return (
    <LabFrame
      id={id}
      lab="camera"
      title={s.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={pct}
      message={message}
      description={summary.current}
    >
      <div class="cam" ref={root}>
        <div class="lab-grid">
          <div class="cam-input">
            <fieldset class="lab-field cam-sources">
              <legend>{s.source}</legend>
              {(['camera', 'drawing', 'files'] as const).map((k) => (
                <label class="lab-radio" key={k}>
                  <input type="radio" name={`${id}-source`} checked={source === k} onChange={() => switchSource(k)} /> {s[`source-${k}`]}
                </label>
              ))}
            </fieldset>
            <p class="cam-privacy">{s.privacy}</p>

            {source === 'camera' && (
              <div class="cam-camera">
                {camera === 'on' ? (
                  <>
                    <video ref={video} class="cam-video" muted playsInline aria-label={s.video} />
                    <p>
                      <button
                        type="button"
                        class="button cam-record"
                        aria-describedby={`${id}-record-help`}
                        data-recording={recorded !== null ? 'true' : undefined}
                        onPointerDown={(e) => {
                          if (e.button !== 0) return;
                          (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
                          startRecording();
                        }}
                        onPointerUp={stopRecording}
                        onPointerCancel={stopRecording}
                        onLostPointerCapture={stopRecording}
                        onKeyDown={(e) => recordKeys(e, true)}
                        onKeyUp={(e) => recordKeys(e, false)}
                        onBlur={stopRecording}
                        onClick={(e) => e.detail === 0 && startRecording(FIXED_BURST)}
                        onContextMenu={(e) => e.preventDefault()}
                      >
                        {fill(s.record, { name: targetName })}
                      </button>{' '}
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() => {
                          cameraOff();
                          focusSoon('.cam-camera-on');
                        }}
                      >
                        {s.cameraStop}
                      </button>
                    </p>
                    <p class="lab-legend" id={`${id}-record-help`}>
                      {s.recordHelp}
                    </p>
                    <p class="cam-recording" aria-live="off">
                      {recorded !== null ? fill(s.recording, { count: recorded }) : ''}
                    </p>
                  </>
                ) : (
                  <p>
                    <button
                      type="button"
                      class="button cam-camera-on"
                      disabled={camera === 'starting'}
                      onClick={() => {
                        // Once the camera runs, focus goes to the record button (or to the drawing area if it cannot start).
                        focusPending.current = true;
                        void cameraOn();
                      }}
                    >
                      {s.cameraStart}
                    </button>
                  </p>
                )}
              </div>
            )}

            <div class="cam-drawing" hidden={source !== 'drawing'}>
              <div class="cam-canvas-wrap">
                <canvas
                  ref={drawing}
                  class="lab-canvas cam-draw"
                  width={DRAW}
                  height={DRAW}
                  tabIndex={0}
                  role="application"
                  aria-label={s.drawLabel}
                  aria-describedby={`${id}-draw-help ${id}-pen`}
                  onKeyDown={drawKeys}
                  onPointerDown={(e) => {
                    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
                    stroke.current = pointerAt(e);
                    line(stroke.current, stroke.current);
                  }}
                  onPointerMove={(e) => {
                    if (!stroke.current) return;
                    const at = pointerAt(e);
                    line(stroke.current, at);
                    stroke.current = at;
                  }}
                  onPointerUp={() => {
                    stroke.current = null;
                    void seeDrawing();
                  }}
                />
                <span
                  class="cam-pen"
                  data-down={pen.down ? 'true' : 'false'}
                  style={`left:${(pen.x / DRAW) * 100}%;top:${(pen.y / DRAW) * 100}%`}
                  aria-hidden="true"
                />
              </div>
              <p class="lab-legend" id={`${id}-draw-help`}>
                {s.drawHelp}
              </p>
              <p class="visually-hidden" id={`${id}-pen`}>
                {pen.down ? s.penDown : s.penUp}
              </p>
              <p class="lab-actions">
                <button type="button" class="button" onClick={addDrawing}>
                  {fill(s.addDrawing, { name: targetName })}
                </button>
                <button type="button" class="button secondary" onClick={clearDrawing}>
                  {s.clear}
                </button>
              </p>
            </div>

            {source === 'files' && (
              <label class="lab-field cam-file">
                <span>{fill(s.chooseFiles, { name: targetName })}</span>
                <input type="file" multiple accept="image/*" onChange={(e) => chooseFiles(e.currentTarget as HTMLInputElement)} />
              </label>
            )}

            <fieldset class="lab-field">
              <legend>{s.target}</legend>
              {store.classes.map((c) => (
                <label class="lab-radio" key={c.id}>
                  <input type="radio" name={`${id}-target`} checked={target === c.id} onChange={() => setTarget(c.id)} /> {nameOf(c.id)}
                </label>
              ))}
            </fieldset>
            <label class="lab-radio cam-switch">
              <input type="checkbox" role="switch" checked={asTest} onChange={(e) => setAsTest((e.currentTarget as HTMLInputElement).checked)} />{' '}
              {s.asTest}
            </label>
            <p class="lab-legend">{fill(s.asTestHelp, { share: pct(TEST_SHARE) })}</p>
          </div>

          <div class="lab-controls">
            <div class="cam-live">
              <h3 class="cam-heading">{s.liveTitle}</h3>
              <div class="cam-sees">
                {preview ? <Thumb pixels={preview} big /> : <span class="cam-thumb big cam-empty" aria-hidden="true" />}
                <p class="lab-legend">{s.sees}</p>
              </div>
              {live && live.length === liveNames.length ? (
                <ul class="cam-bars" data-testid="live">
                  {liveNames.map((name, i) => (
                    <li key={i} data-top={i === top ? 'true' : undefined}>
                      <span class="cam-bar-name">
                        {i === top ? '▶ ' : ''}
                        {name}
                      </span>
                      <span class="cam-bar" aria-hidden="true">
                        <span style={`width:${Math.round(live[i] * 100)}%`} />
                      </span>
                      <span class="cam-bar-value">{pct(live[i])}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="lab-legend">{trained ? s.liveHow : s.liveLater}</p>
              )}
              <p class="visually-hidden" aria-live="polite">
                {live && top >= 0 ? fill(s.liveSays, { name: liveNames[top] }) : ''}
              </p>
              {trained && (
                <label class="lab-field cam-file">
                  <span>{s.askPicture}</span>
                  <input type="file" accept="image/*" onChange={(e) => askPicture(e.currentTarget as HTMLInputElement)} />
                </label>
              )}
            </div>
            <p class="cam-minimums">{fill(s.minimums, { classes: MIN_CLASSES, train: MIN_TRAIN, test: MIN_TEST })}</p>
            <TrainingPanel
              id={id}
              training={training}
              labels={labels}
              parameters={parameters}
              onTrain={run}
              onReset={forgetModel}
              formatMetric={pct}
              epochs={epochs}
              onEpochs={setEpochs}
              epochChoices={EPOCH_CHOICES}
              meets={(v) => meetsObjective(exercise.objective, v)}
            />
          </div>
        </div>

        {cards}

        {result && (
          <div class="lab-results cam-results">
            <h3 class="cam-heading">{s.results}</h3>
            <p class="lab-score" data-testid="test-accuracy">
              {fill(s.testAccuracy, { value: pct(right / Math.max(1, result.truth.length)), right, total: result.truth.length })}
            </p>
            <div class="cam-scroll">
              <table class="lab-matrix">
                <caption>{s.matrixTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.matrixCorner}</th>
                    {result.classIds.map((k) => (
                      <th scope="col" key={k}>
                        {nameOf(k)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {confusionMatrix(result.truth, result.predicted, result.classIds.length).map((row, i) => (
                    <tr key={i}>
                      <th scope="row">{nameOf(result.classIds[i])}</th>
                      {row.map((n, j) => (
                        <td key={j} data-diagonal={i === j ? 'true' : undefined}>
                          {n}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h4 class="cam-heading">{s.wrongTitle}</h4>
            {right === result.truth.length ? (
              <p>{s.noneWrong}</p>
            ) : (
              <ul class="cam-wrong">
                {result.tests.map((e, i) =>
                  result.predicted[i] === result.truth[i] ? null : (
                    <li key={e.id}>
                      <Thumb pixels={e.pixels} />
                      <span>
                        {fill(s.wrongItem, {
                          truth: nameOf(result.classIds[result.truth[i]]),
                          pred: nameOf(result.classIds[result.predicted[i]]),
                        })}
                      </span>
                    </li>
                  ),
                )}
              </ul>
            )}
          </div>
        )}
      </div>
    </LabFrame>
  );
}

/** A 32 × 32 picture as the network sees it, drawn once. */
function Thumb({ pixels, big }: { pixels: Float32Array; big?: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    ref.current?.getContext('2d')?.putImageData(new ImageData(toRgba(pixels), 32, 32), 0, 0);
  }, [pixels]);
  return <canvas ref={ref} width={32} height={32} class={big ? 'cam-thumb big' : 'cam-thumb'} aria-hidden="true" />;
}

/**
 * A class's examples: one tab stop for the whole group (arrow keys, Home and
 * End move between pictures); each picture is a button that deletes it.
 */
function Examples({
  list,
  testIds,
  name,
  strings: s,
  onDelete,
  emptyFocus,
}: {
  list: Example[];
  testIds: Set<number>;
  name: string;
  strings: Strings;
  onDelete: (e: Example, n: number, name: string) => void;
  emptyFocus: string;
}) {
  const [focus, setFocus] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(0, Math.min(focus, list.length - 1));
  const move = (to: number) => {
    const n = Math.max(0, Math.min(to, list.length - 1));
    setFocus(n);
    buttons.current[n]?.focus();
  };
  const keys = (e: KeyboardEvent, i: number) => {
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      move(to);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      drop(i);
    }
  };
  const drop = (i: number) => {
    onDelete(list[i], i + 1, name);
    const next = Math.min(i, list.length - 2);
    setFocus(Math.max(0, next));
    requestAnimationFrame(() => (next >= 0 ? buttons.current[next]?.focus() : document.getElementById(emptyFocus)?.focus()));
  };
  if (!list.length) return <p class="lab-legend">{s.noExamples}</p>;
  return (
    <div class="cam-thumbs" role="toolbar" aria-label={fill(s.examplesOf, { name })}>
      {list.map((e, i) => {
        const test = testIds.has(e.id);
        return (
          <button
            type="button"
            key={e.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            class={test ? 'cam-example is-test' : 'cam-example'}
            tabIndex={i === current ? 0 : -1}
            aria-label={fill(test ? s.deleteTest : s.deleteExample, { n: i + 1, name })}
            onClick={() => drop(i)}
            onKeyDown={(ev) => keys(ev, i)}
            onFocus={() => setFocus(i)}
          >
            <Thumb pixels={e.pixels} />
            <span class="cam-x" aria-hidden="true">
              ×
            </span>
          </button>
        );
      })}
    </div>
  );
}
