/**
 * The Digits lab's data: the file scripts/build-data.mjs makes from MNIST
 * (public/data/digits.bin, gzip inside, and its manifest digits.json), loaded
 * only when the learner starts the lab, checked, and decoded. Also the
 * training job and the lab's defaults. No DOM here (fetch and crypto are
 * passed in or global), so it is unit-tested in Node.
 */
import type { CnnSpec, TrainJob } from '../../lib/ml/protocol';

export const MAGIC = 'AIBD';
export const HEADER_BYTES = 16;

export interface DigitSplit {
  /** count × width × height grey values 0..255 (ink = high), row-major. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface DigitSet {
  width: number;
  height: number;
  classes: number;
  train: DigitSplit;
  test: DigitSplit;
}

export interface DigitsManifest {
  file: string;
  encoding?: string;
  train: number;
  test: number;
  width: number;
  height: number;
  classes: number;
  sha256: string;
  rawSha256?: string;
  attribution?: string;
  licence?: string;
}

/** Why the data could not be used (each has a translated message in strings.json: error.<code>). */
export type DigitsErrorCode = 'network' | 'damaged' | 'unsupported';

export class DigitsError extends Error {
  constructor(
    readonly code: DigitsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DigitsError';
  }
}

/** Reads the (uncompressed) file: header, labels, images. Throws DigitsError('damaged') on anything unexpected. */
export function decodeDigits(bytes: Uint8Array): DigitSet {
  const damaged = (why: string) => new DigitsError('damaged', `digits file: ${why}`);
  if (bytes.length < HEADER_BYTES) throw damaged('too short');
  if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== MAGIC) throw damaged('not a digits file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(4) !== 1) throw damaged(`unknown version ${view.getUint8(4)}`);
  const width = view.getUint8(5);
  const height = view.getUint8(6);
  const classes = view.getUint8(7);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const pixels = width * height;
  const total = trainCount + testCount;
  if (!pixels || classes < 2 || !trainCount || !testCount) throw damaged('empty header');
  if (bytes.length !== HEADER_BYTES + total + total * pixels)
    throw damaged(`${bytes.length} bytes, expected ${HEADER_BYTES + total + total * pixels}`);
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + total);
  for (const label of labels) if (label >= classes) throw damaged(`label ${label} out of range`);
  const imagesAt = HEADER_BYTES + total;
  return {
    width,
    height,
    classes,
    train: { images: bytes.subarray(imagesAt, imagesAt + trainCount * pixels), labels: labels.subarray(0, trainCount), count: trainCount },
    test: { images: bytes.subarray(imagesAt + trainCount * pixels), labels: labels.subarray(trainCount), count: testCount },
  };
}

/** Examples per class. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

/** True when every class has the same number of examples. */
export function isBalanced(labels: ArrayLike<number>, classes: number): boolean {
  const counts = classCounts(labels, classes);
  return counts.every((c) => c === counts[0] && c > 0);
}

const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Unpacks gzip (the file as shipped); bytes a host already unpacked pass through. */
export async function unpack(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  if (typeof DecompressionStream !== 'function') throw new DigitsError('unsupported', 'DecompressionStream is missing');
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new DigitsError('damaged', `digits file: cannot unpack (${String(error)})`);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches the manifest and the file from `base` (the site's data folder URL,
 * ending in '/'), checks the SHA-256 and the counts, and decodes.
 */
export async function loadDigits(base: string, fetcher: typeof fetch = fetch): Promise<DigitSet> {
  let manifest: DigitsManifest;
  let packed: Uint8Array;
  try {
    const m = await fetcher(`${base}digits.json`);
    if (!m.ok) throw new Error(`HTTP ${m.status}`);
    manifest = (await m.json()) as DigitsManifest;
    const f = await fetcher(`${base}${manifest.file}`);
    if (!f.ok) throw new Error(`HTTP ${f.status}`);
    packed = new Uint8Array(await f.arrayBuffer());
  } catch (error) {
    throw new DigitsError('network', `digits: cannot load (${String(error)})`);
  }
  const gzip = isGzip(packed);
  const expected = gzip ? manifest.sha256 : manifest.rawSha256;
  // crypto.subtle exists only in secure contexts (https, localhost); elsewhere the decoder's own checks remain.
  if (expected && globalThis.crypto?.subtle && (await sha256Hex(packed)) !== expected)
    throw new DigitsError('damaged', 'digits file: checksum differs from the manifest');
  const set = decodeDigits(await unpack(packed));
  if (set.train.count !== manifest.train || set.test.count !== manifest.test)
    throw new DigitsError('damaged', 'digits file: counts differ from the manifest');
  return set;
}

/** Grey values 0..255 → 0..1 for the network. */
export function toUnit(images: Uint8Array): Float32Array {
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) out[i] = images[i] / 255;
  return out;
}

/** One image (index i of a split) as 0..1 values. */
export function imageOf(split: DigitSplit, i: number, pixels: number): Float32Array {
  return toUnit(split.images.subarray(i * pixels, (i + 1) * pixels));
}

export interface DigitsSettings {
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export function digitsSpec(set: Pick<DigitSet, 'width' | 'height'>, settings: Pick<DigitsSettings, 'batchSize' | 'seed'>): CnnSpec {
  return { width: set.width, height: set.height, channels: 1, batchSize: settings.batchSize, architecture: 'digits', seed: settings.seed };
}

/** The training job: all 5,000 training digits, tested on the 1,000 held-out ones. */
export function digitsJob(set: DigitSet, settings: DigitsSettings): TrainJob {
  return {
    model: 'cnn',
    x: toUnit(set.train.images),
    y: Float32Array.from(set.train.labels),
    testX: toUnit(set.test.images),
    testY: Float32Array.from(set.test.labels),
    features: set.width * set.height,
    classes: set.classes,
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    reportEvery: 1,
    cnn: digitsSpec(set, settings),
  };
}
