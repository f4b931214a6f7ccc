/**
 * The main-thread side of the lab engine: starts the training worker on
 * demand (TF.js is downloaded only then), picks a backend, and relays
 * progress. One engine per lab on the page.
 */
import type { BackendName, Reason } from '../lib/ml/backend';
import type { FromWorker, Prediction, Progress, ToWorker, TrainJob } from '../lib/ml/protocol';

export interface Ready {
  backend: BackendName;
  reason: Reason;
  selectable: BackendName[];
}

export class LabEngine {
  private worker: Worker | null = null;
  private listeners = new Set<(m: FromWorker) => void>();
  private runs = 0;

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.listeners.forEach((l) => l(e.data));
      this.worker.onerror = () =>
        this.listeners.forEach((l) => l({ type: 'error', code: 'backend', message: 'the training worker failed to load' }));
    }
    return this.worker;
  }

  private send(message: ToWorker, transfer: Transferable[] = []) {
    this.ensureWorker().postMessage(message, transfer);
  }

  private next<T extends FromWorker['type']>(types: T[]): Promise<Extract<FromWorker, { type: T }> | Extract<FromWorker, { type: 'error' }>> {
    return new Promise((resolve) => {
      const listener = (m: FromWorker) => {
        if ((types as string[]).includes(m.type) || (m.type === 'error' && m.code !== 'predict')) {
          this.listeners.delete(listener);
          resolve(m as never);
        }
      };
      this.listeners.add(listener);
    });
  }

  /** Starts (or switches) the backend; resolves with what is used and why. */
  async start(backend: BackendName | 'auto', parameters: number, convolution = false): Promise<Ready> {
    const answer = this.next(['ready']);
    this.send({ type: 'init', backend, parameters, convolution });
    const m = await answer;
    if (m.type === 'error') throw new Error(m.message);
    return { backend: m.backend, reason: m.reason, selectable: m.selectable };
  }

  /** Trains one job; a later call replaces a run still in progress (its result is then 'stopped'). */
  async train(job: TrainJob, onProgress: (p: Progress) => void): Promise<{ progress: Progress; stopped: boolean }> {
    const run = ++this.runs;
    return new Promise((resolve, reject) => {
      const listener = (m: FromWorker) => {
        if (m.type === 'progress' && m.run === run) onProgress(m.progress);
        else if (m.type === 'done' && m.run === run) {
          this.listeners.delete(listener);
          resolve({ progress: m.progress, stopped: m.stopped });
        } else if (m.type === 'error' && m.code !== 'predict' && (m.run === run || m.run === undefined)) {
          this.listeners.delete(listener);
          reject(new Error(m.message));
        }
      };
      this.listeners.add(listener);
      this.send({ type: 'train', job, run });
    });
  }

  pause() {
    this.send({ type: 'pause' });
  }
  resume() {
    this.send({ type: 'resume' });
  }
  stop() {
    this.send({ type: 'stop' });
  }

  private predictions = 0;
  /** Class probabilities of the last trained model for `count` inputs (x is copied, not transferred). */
  async predict(x: Float32Array, count: number, maps = false): Promise<Prediction> {
    const id = ++this.predictions;
    return new Promise((resolve, reject) => {
      const listener = (m: FromWorker) => {
        if (m.type === 'prediction' && m.id === id) {
          this.listeners.delete(listener);
          resolve(m.prediction);
        } else if (m.type === 'error' && m.code === 'predict' && m.run === id) {
          this.listeners.delete(listener);
          reject(new Error(m.message));
        }
      };
      this.listeners.add(listener);
      this.send({ type: 'predict', id, x: x.slice(), count, maps });
    });
  }

  async tensors(): Promise<number> {
    const answer = this.next(['memory']);
    this.send({ type: 'memory' });
    const m = await answer;
    return m.type === 'memory' ? m.tensors : -1;
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }
}
