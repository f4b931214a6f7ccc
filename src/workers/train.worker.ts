/**
 * The training worker: TF.js lives here, never on the page, so the page stays
 * responsive while a model trains. Loaded only when a learner starts a lab.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  isSoftwareRenderer,
  rankBackends,
  selectableBackends,
  type BackendName,
  type Capabilities,
  type GpuKind,
  type Reason,
} from '../lib/ml/backend';
import { predictCnn, trainCnn } from '../lib/ml/cnn';
import { trainModel } from '../lib/ml/models';
import { trainMlp } from '../lib/ml/mlp-tf';
import type { FromWorker, ToWorker, TrainJob } from '../lib/ml/protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
tf.enableProdMode();

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

async function webgpuKind(): Promise<GpuKind> {
  try {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    const adapter = (await gpu?.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
    if (!adapter) return 'none';
    return adapter.info?.isFallbackAdapter || adapter.isFallbackAdapter ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

function webglKind(): GpuKind {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    return isSoftwareRenderer(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

let capabilities: Capabilities | undefined;
async function detect(): Promise<Capabilities> {
  capabilities ??= { webgpu: await webgpuKind(), webgl: webglKind(), wasm: typeof WebAssembly === 'object' };
  return capabilities;
}

async function use(backend: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(backend))) return false;
    await tf.ready();
    return tf.getBackend() === backend;
  } catch {
    return false;
  }
}

let paused = false;
let resumeGate: (() => void) | undefined;
let stopRequested = false;
let training = false;
let pending: { job: TrainJob; run: number } | null = null;

async function runJob(job: TrainJob, run: number) {
  training = true;
  stopRequested = false;
  paused = false;
  try {
    const train = job.model === 'cnn' ? trainCnn : job.model === 'mlp' ? trainMlp : trainModel;
    const result = await train(tf, job, {
      onProgress: (progress) => post({ type: 'progress', run, progress }),
      shouldStop: () => stopRequested,
      waitWhilePaused: () => (paused ? new Promise<void>((resolve) => (resumeGate = resolve)) : Promise.resolve()),
    });
    post({ type: 'done', run, progress: result.progress, stopped: result.stopped });
  } catch (error) {
    post({ type: 'error', code: 'training', message: String(error), run });
  } finally {
    training = false;
    const next = pending;
    pending = null;
    if (next) void runJob(next.job, next.run);
  }
}

async function init(wanted: BackendName | 'auto', parameters: number, convolution: boolean) {
  const caps = await detect();
  const model = { parameters, convolution };
  const ranked = rankBackends(caps, model);
  let reason: Reason = ranked.reason;
  const order = wanted === 'auto' ? ranked.order : [wanted, ...ranked.order.filter((b) => b !== wanted)];
  if (wanted !== 'auto') reason = 'chosen';
  for (const backend of order) {
    if (await use(backend)) {
      if (wanted !== 'auto' && backend !== wanted) reason = ranked.reason;
      post({ type: 'ready', backend, reason, selectable: selectableBackends(caps, model) });
      return;
    }
  }
  post({ type: 'error', code: 'backend', message: 'no TF.js backend could start' });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      await init(message.backend, message.parameters, message.convolution ?? false);
      break;
    case 'pause':
      paused = true;
      break;
    case 'resume':
      paused = false;
      resumeGate?.();
      break;
    case 'stop':
      stopRequested = true;
      paused = false;
      resumeGate?.();
      break;
    case 'memory':
      post({ type: 'memory', tensors: tf.memory().numTensors });
      break;
    case 'predict':
      try {
        const prediction = await predictCnn(tf, message.x, message.count, message.maps ?? false);
        const transfer: Transferable[] = [prediction.probabilities.buffer as ArrayBuffer];
        if (prediction.maps) transfer.push(prediction.maps.data.buffer as ArrayBuffer);
        post({ type: 'prediction', id: message.id, prediction }, transfer);
      } catch (error) {
        post({ type: 'error', code: 'predict', message: String(error), run: message.id });
      }
      break;
    case 'train':
      if (training) {
        // A new run replaces the one in progress: stop it, then start this one.
        pending = { job: message.job, run: message.run };
        stopRequested = true;
        paused = false;
        resumeGate?.();
      } else void runJob(message.job, message.run);
      break;
  }
};
