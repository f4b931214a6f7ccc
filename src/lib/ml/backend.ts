/**
 * Which TF.js backend to train on. Pure: the worker measures what the device
 * has (capabilities), this module ranks the backends for a model.
 *
 * Measured on a 2-core machine without a GPU (shared/design/perf-baseline.md):
 * a software-rendered GPU (SwiftShader, llvmpipe, a WebGPU fallback adapter)
 * trains small models 10 to 100 times slower than WASM or the plain CPU
 * backend, and TF.js 4.22's WASM backend cannot train convolutions. So
 * software GPUs are never chosen automatically, small models go to the
 * processor, and larger ones to a real graphics card when there is one.
 */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export type GpuKind = 'hardware' | 'software' | 'none';

export interface Capabilities {
  webgpu: GpuKind;
  webgl: GpuKind;
  wasm: boolean;
}

export interface ModelProfile {
  /** Trainable numbers in the model. */
  parameters: number;
  /** Needs convolution gradients (not in TF.js 4.22's WASM backend). */
  convolution?: boolean;
}

/** Why a backend was chosen, as a UI-string key suffix (lab.reason.<key>). */
export type Reason = 'small-model' | 'graphics-card' | 'no-graphics-card' | 'chosen';

/** Models smaller than this train faster on the processor than through a graphics card's overhead. */
export const SMALL_MODEL = 20_000;

export function rankBackends(caps: Capabilities, model: ModelProfile): { order: BackendName[]; reason: Reason } {
  const gpus: BackendName[] = [];
  if (caps.webgpu === 'hardware') gpus.push('webgpu');
  if (caps.webgl === 'hardware') gpus.push('webgl');
  const processors: BackendName[] = [];
  if (caps.wasm && !model.convolution) processors.push('wasm');
  processors.push('cpu');
  if (model.parameters < SMALL_MODEL && !model.convolution) {
    return { order: [...processors, ...gpus], reason: 'small-model' };
  }
  if (gpus.length > 0) return { order: [...gpus, ...processors], reason: 'graphics-card' };
  return { order: processors, reason: 'no-graphics-card' };
}

/** The backends a learner may pick by hand: everything that can start, software GPUs included. */
export function selectableBackends(caps: Capabilities, model: ModelProfile): BackendName[] {
  return BACKENDS.filter((b) =>
    b === 'webgpu' ? caps.webgpu !== 'none' : b === 'webgl' ? caps.webgl !== 'none' : b === 'wasm' ? caps.wasm && !model.convolution : true,
  );
}

/** "Your graphics card" or "your processor": what a backend runs on, for the learner. */
export function runsOn(backend: BackendName): 'gpu' | 'processor' {
  return backend === 'webgpu' || backend === 'webgl' ? 'gpu' : 'processor';
}

/** A renderer string that names a software rasteriser (no real GPU behind it). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}
