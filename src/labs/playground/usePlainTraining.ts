/**
 * The Playground's default engine: the plain-JavaScript network, trained in
 * its own worker (src/workers/playground.worker.ts). It offers the same
 * interface as the shared useTraining() (so the shared TrainingPanel drives
 * it), plus what only it can do: go on from the current weights (one epoch
 * at a time, or another run), take a new learning rate mid-run, and hand
 * back the weights for drawing the links.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Progress, TrainJob } from '../../lib/ml/protocol';
import type { Phase, Training } from '../ui/useTraining';
import type { FromPlain, HistoryPoint, Hyper, ToPlain } from './plain-protocol';

/** The chart keeps at most this many points (older ones are thinned out). */
export const MAX_HISTORY = 1200;

export interface PlainTraining extends Training {
  /** Trains job.epochs more epochs, from the current network or (after forget()) a fresh one. */
  run(job: TrainJob, reportMs: number): Promise<Progress | null>;
  /** A new learning rate, batch size or L2 strength, used from the next batch on. */
  hyper(hyper: Hyper): void;
  /** Every weight and bias of the last report (Network.parameters() layout). */
  weights: Float32Array | null;
}

/** Keeps a history under `max` points by dropping every second one of its older half. */
export function thin<T>(history: T[], max = MAX_HISTORY): T[] {
  if (history.length <= max) return history;
  const half = Math.floor(history.length / 2);
  return [...history.slice(0, half).filter((_, i) => i % 2 === 0), ...history.slice(half)];
}

export function usePlainTraining(): PlainTraining {
  const worker = useRef<Worker | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [history, setHistory] = useState<HistoryPoint[]>([]);
  const [weights, setWeights] = useState<Float32Array | null>(null);
  const run = useRef(0);
  const fresh = useRef(true);
  const finish = useRef<((p: Progress | null) => void) | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  function send(message: ToPlain) {
    if (!worker.current) {
      worker.current = new Worker(new URL('../../workers/playground.worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (e: MessageEvent<FromPlain>) => receive(e.data);
      worker.current.onerror = () => {
        setPhase('failed');
        finish.current?.(null);
      };
    }
    worker.current.postMessage(message);
  }

  function receive(m: FromPlain) {
    if (m.run !== run.current) return;
    if (m.type === 'error') {
      setPhase('failed');
      finish.current?.(null);
      return;
    }
    setProgress(m.progress);
    setWeights(m.weights);
    if (m.points.length) setHistory((h) => thin([...h, ...m.points]));
    if (m.type === 'done') {
      setPhase('done');
      finish.current?.(m.progress);
    }
  }

  const stopRun = () => {
    finish.current?.(null);
    finish.current = null;
  };

  return {
    phase,
    ready: null,
    progress,
    history,
    wanted: 'auto',
    weights,
    run(job, reportMs) {
      stopRun();
      const mine = ++run.current;
      if (fresh.current) {
        setHistory([]);
        setProgress(null);
      }
      setPhase('training');
      const result = new Promise<Progress | null>((resolve) => (finish.current = resolve));
      send({ type: 'train', run: mine, job, fresh: fresh.current, reportMs });
      fresh.current = false;
      return result;
    },
    train(job) {
      return this.run(job, 100);
    },
    hyper(hyper) {
      if (worker.current) send({ type: 'hyper', hyper });
    },
    pause() {
      send({ type: 'pause' });
      setPhase('paused');
    },
    resume() {
      send({ type: 'resume' });
      setPhase('training');
    },
    stop() {
      send({ type: 'stop' });
    },
    reset() {
      run.current++;
      stopRun();
      if (worker.current) send({ type: 'forget' });
      fresh.current = true;
      setProgress(null);
      setHistory([]);
      setWeights(null);
      setPhase('idle');
    },
    async switchBackend() {},
    async predict() {
      return null;
    },
  };
}
