/**
 * The training lifecycle shared by every lab: start the engine on demand,
 * train, pause, resume, stop, switch backend; keep the progress history for
 * the chart. Islands call this; the engine does the work in a worker.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackendName } from '../../lib/ml/backend';
import type { Prediction, Progress, TrainJob } from '../../lib/ml/protocol';
import { LabEngine, type Ready } from '../engine';

export type Phase = 'idle' | 'starting' | 'training' | 'paused' | 'done' | 'failed';

export interface Training {
  phase: Phase;
  ready: Ready | null;
  progress: Progress | null;
  history: { epoch: number; loss: number; test: number; testLoss?: number; elapsedMs: number; tensors: number }[];
  /** 'auto' until the learner picks a backend. */
  wanted: BackendName | 'auto';
  train(job: TrainJob, parameters: number): Promise<Progress | null>;
  pause(): void;
  resume(): void;
  stop(): void;
  reset(): void;
  switchBackend(backend: BackendName | 'auto', parameters: number): Promise<void>;
  /** Class probabilities from the last trained model (labs with a 'cnn' model); null before any training. */
  predict(x: Float32Array, count: number, maps?: boolean): Promise<Prediction | null>;
}

export interface TrainingOptions {
  /** The model has convolutions (TF.js 4.22's WASM backend cannot train them). */
  convolution?: boolean;
}

export function useTraining(options: TrainingOptions = {}): Training {
  const convolution = options.convolution ?? false;
  const engine = useRef<LabEngine | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [ready, setReady] = useState<Ready | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [history, setHistory] = useState<Training['history']>([]);
  const [wanted, setWanted] = useState<BackendName | 'auto'>('auto');
  // Each run has a number; results of a run the learner has since reset are ignored.
  const run = useRef(0);

  useEffect(() => () => engine.current?.dispose(), []);

  async function ensure(parameters: number, backend = wanted): Promise<LabEngine | null> {
    engine.current ??= new LabEngine();
    if (ready && backend === wanted) return engine.current;
    setPhase('starting');
    try {
      setReady(await engine.current.start(backend, parameters, convolution));
      return engine.current;
    } catch {
      setPhase('failed');
      return null;
    }
  }

  return {
    phase,
    ready,
    progress,
    history,
    wanted,
    async train(job, parameters) {
      const mine = ++run.current;
      const e = await ensure(parameters);
      if (!e || run.current !== mine) return null;
      setPhase('training');
      setProgress(null);
      setHistory([]);
      try {
        const result = await e.train(job, (p) => {
          if (run.current !== mine) return;
          setProgress(p);
          setHistory((h) => [
            ...h,
            { epoch: p.epoch, loss: p.loss, test: p.test, testLoss: p.testLoss, elapsedMs: p.elapsedMs, tensors: p.tensors },
          ]);
        });
        if (run.current !== mine) return null;
        setProgress(result.progress);
        setPhase('done');
        return result.progress;
      } catch {
        if (run.current === mine) setPhase('failed');
        return null;
      }
    },
    pause() {
      engine.current?.pause();
      setPhase('paused');
    },
    resume() {
      engine.current?.resume();
      setPhase('training');
    },
    stop() {
      engine.current?.stop();
    },
    reset() {
      run.current++;
      engine.current?.stop();
      setProgress(null);
      setHistory([]);
      setPhase('idle');
    },
    async switchBackend(backend, parameters) {
      setWanted(backend);
      engine.current ??= new LabEngine();
      setPhase('starting');
      try {
        setReady(await engine.current.start(backend, parameters, convolution));
        setPhase('idle');
      } catch {
        setPhase('failed');
      }
    },
    async predict(x, count, maps = false) {
      if (!engine.current || !ready) return null;
      try {
        return await engine.current.predict(x, count, maps);
      } catch {
        return null;
      }
    },
  };
}
