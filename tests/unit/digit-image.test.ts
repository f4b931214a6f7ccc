/** A drawing → the 28 × 28 picture the digit network gets, as MNIST prepared its digits. */
import { describe, expect, it } from 'vitest';
import { BOX, centreDigit, centreOfMass, FIELD, inkBox, resample } from '../../src/lib/ml/digit-image';
import { syntheticDigits } from '../../src/lib/ml/synthetic-digits';

/** A width × height canvas with ink 1 in the given rectangles [x0, y0, x1, y1) (exclusive ends). */
function canvas(width: number, height: number, rects: [number, number, number, number][], value = 1): Float32Array {
  const ink = new Float32Array(width * height);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * width + x] = value;
  return ink;
}

/** The box of the non-zero pixels of a 28 × 28 image. */
const boxOf = (image: Float32Array) => inkBox(image, FIELD, FIELD, 0);
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('centreDigit', () => {
  it('scales a small digit drawn in a corner up to a 20-pixel box and centres its mass', () => {
    // A "1" with a foot: a vertical bar and a base, in the top-left corner of a 280 × 280 drawing.
    const ink = canvas(280, 280, [
      [30, 10, 42, 90],
      [20, 80, 60, 90],
    ]);
    const { image, empty, box } = centreDigit(ink, 280, 280);
    expect(empty).toBe(false);
    expect(box).toEqual({ left: 20, top: 10, right: 60, bottom: 90 });
    const placed = boxOf(image)!;
    // 40 × 80 pixels → 10 × 20: the longer side is 20, the proportions kept.
    expect(placed.bottom - placed.top).toBe(BOX);
    expect(placed.right - placed.left).toBe(10);
    const com = centreOfMass(image, FIELD, FIELD)!;
    expect(Math.abs(com.x - FIELD / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - FIELD / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...image)).toBeLessThanOrEqual(1);
  });

  it('keeps the share of ink: a thin stroke becomes grey, not a gap', () => {
    // A 2-pixel wide bar, 200 pixels tall: scaled by 0.1 it is 0.2 of a pixel wide.
    const ink = canvas(280, 280, [[100, 40, 102, 240]]);
    const { image } = centreDigit(ink, 280, 280);
    const values = Array.from(image).filter((v) => v > 0);
    expect(values.length).toBe(BOX); // one column of 20 pixels
    for (const v of values) expect(v).toBeCloseTo(1, 5); // the box is the bar itself: full ink
    // A wide shape with a thin line inside: the line's pixels are partly covered.
    const wide = canvas(280, 280, [
      [40, 40, 240, 50],
      [139, 50, 141, 240],
    ]);
    const w = centreDigit(wide, 280, 280).image;
    const greys = Array.from(w).filter((v) => v > 0 && v < 0.5);
    expect(greys.length).toBeGreaterThan(10);
  });

  it('puts the centre of mass, not the box, at the centre: a lopsided digit sits off-centre', () => {
    // A heavy block on the left and a thin tail to the right.
    const ink = canvas(240, 240, [
      [20, 20, 80, 220],
      [80, 115, 140, 125],
    ]);
    const { image } = centreDigit(ink, 240, 240);
    const placed = boxOf(image)!;
    const boxCentre = (placed.left + placed.right) / 2;
    expect(boxCentre).toBeGreaterThan(FIELD / 2 + 1); // shifted right so the heavy part is central
    expect(Math.abs(centreOfMass(image, FIELD, FIELD)!.x - FIELD / 2)).toBeLessThanOrEqual(0.5);
  });

  it('never pushes the digit out of the field', () => {
    // All mass at one end of a long bar: centring the mass would push the bar out.
    const ink = canvas(100, 100, [
      [0, 0, 10, 100],
      [0, 0, 100, 2],
    ]);
    const { image } = centreDigit(ink, 100, 100);
    const placed = boxOf(image)!;
    expect(placed.left).toBeGreaterThanOrEqual(0);
    expect(placed.right).toBeLessThanOrEqual(FIELD);
    expect(placed.right - placed.left).toBe(BOX);
  });

  it('an empty drawing (or only faint dust) gives an empty picture', () => {
    expect(centreDigit(new Float32Array(100), 10, 10)).toMatchObject({ empty: true, box: null });
    const dust = canvas(50, 50, [[5, 5, 45, 45]], 0.02);
    const r = centreDigit(dust, 50, 50);
    expect(r.empty).toBe(true);
    expect(sum(r.image)).toBe(0);
  });

  it('where and how large the learner draws does not matter; centring twice changes nothing', () => {
    const correlation = (a: Float32Array, b: Float32Array) => {
      const ma = sum(a) / a.length;
      const mb = sum(b) / b.length;
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = 0; i < a.length; i++) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) ** 2;
        bb += (b[i] - mb) ** 2;
      }
      return ab / Math.sqrt(aa * bb);
    };
    const { images } = syntheticDigits(10, 5);
    for (let d = 0; d < 10; d++) {
      const digit = images.subarray(d * 784, (d + 1) * 784);
      // The same drawing at 4× size, shifted, on a 140 × 140 canvas (nearest-neighbour upscaling).
      const big = new Float32Array(140 * 140);
      for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) big[(y + 20) * 140 + x + 5] = digit[Math.floor(y / 4) * 28 + Math.floor(x / 4)];
      const small = centreDigit(digit, 28, 28).image;
      expect(correlation(centreDigit(big, 140, 140).image, small)).toBeGreaterThan(0.9);
      // Moved elsewhere on the same canvas: the same picture (up to rounding).
      const moved = new Float32Array(140 * 140);
      for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) moved[(y + 3) * 140 + x + 25] = big[(y + 20) * 140 + x + 5];
      const a = centreDigit(moved, 140, 140).image;
      const b = centreDigit(big, 140, 140).image;
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-5);
      // Already centred: centring again keeps it.
      expect(correlation(centreDigit(small, 28, 28).image, small)).toBeGreaterThan(0.95);
    }
  });

  it('refuses a size that does not match the data', () => {
    expect(() => centreDigit(new Float32Array(10), 4, 4)).toThrow(/4 × 4/);
  });
});

describe('resample', () => {
  it('averages areas: 4 × 4 → 2 × 2 gives the mean of each quarter', () => {
    const ink = Float32Array.from([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const out = resample(ink, 4, { left: 0, top: 0, right: 4, bottom: 4 }, 2, 2);
    expect(Array.from(out)).toEqual([1, 0, 0, 0.25]);
  });
  it('3 → 2 counts fractions of pixels', () => {
    const out = resample(Float32Array.from([1, 0, 1]), 3, { left: 0, top: 0, right: 3, bottom: 1 }, 2, 1);
    // Each output covers 1.5 pixels: (1 + 0.5·0) / 1.5 and (0.5·0 + 1) / 1.5.
    expect(out[0]).toBeCloseTo(2 / 3, 5);
    expect(out[1]).toBeCloseTo(2 / 3, 5);
  });
});
