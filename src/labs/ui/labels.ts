/** Strings every lab uses, translated at build time (i18n/<lang>.json, keys lab.*). */
export interface EngineLabels {
  train: string;
  steps: string;
  pause: string;
  resume: string;
  stop: string;
  reset: string;
  epoch: string; // {{epoch}} {{epochs}}
  timeLeft: string; // {{seconds}}
  backendChoice: string;
  auto: string;
  backends: Record<'webgpu' | 'webgl' | 'wasm' | 'cpu', string>;
  reasons: Record<'small-model' | 'graphics-card' | 'no-graphics-card' | 'chosen', string>;
  runsOn: string; // {{backend}} {{reason}}
  loading: string;
  failed: string;
  chartTitle: string;
  chartLoss: string;
  chartMetric: string;
  objective: string;
  objectiveReached: string; // {{value}}
  objectiveNotYet: string; // {{value}}
  privacy: string;
  share: string;
  shareDone: string;
  badLink: string;
  saved: string;
  notSaved: string;
  quotaFull: string;
  saveFile: string;
  fileSaved: string;
}
