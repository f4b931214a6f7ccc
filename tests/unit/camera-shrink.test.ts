/** LAB "Teach the camera": shrinking frames, pictures and drawings to the network's 32 × 32 colour input. */
import { describe, expect, it } from 'vitest';
import { centreSquare, isBlank, shrink, toRgba, type Rgba } from '../../src/labs/camera/shrink';

/** A synthetic RGBA picture: `paint(x, y)` gives [r, g, b, a] in 0..255. */
function picture(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  return { data, width, height };
}

/** The [r, g, b] of output pixel (x, y) of a size × size result. */
const at = (out: Float32Array, x: number, y: number, size = 32) => Array.from(out.slice((y * size + x) * 3, (y * size + x) * 3 + 3));

describe('centreSquare', () => {
  it('keeps the middle of a landscape or portrait picture', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, size: 480 });
    expect(centreSquare(300, 500)).toEqual({ x: 0, y: 100, size: 300 });
    expect(centreSquare(64, 64)).toEqual({ x: 0, y: 0, size: 64 });
  });
});

describe('shrink', () => {
  it('gives 32 × 32 × 3 values between 0 and 1, and keeps a flat colour exactly', () => {
    const out = shrink(picture(128, 96, () => [255, 51, 0, 255]));
    expect(out).toHaveLength(32 * 32 * 3);
    for (let i = 0; i < out.length; i += 3) {
      expect(out[i]).toBeCloseTo(1, 6);
      expect(out[i + 1]).toBeCloseTo(0.2, 6);
      expect(out[i + 2]).toBeCloseTo(0, 6);
    }
  });

  it('averages every source pixel (a fine checkerboard becomes even grey, not aliased)', () => {
    const out = shrink(picture(128, 128, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255])));
    for (const v of out) expect(v).toBeCloseTo(0.5, 6);
  });

  it('crops the centre square of a wide picture: the sides are cut off evenly', () => {
    // 96 × 64: red in the left 16 columns, blue in the right 16, green in the middle 64.
    const src = picture(96, 64, (x) => (x < 16 ? [255, 0, 0, 255] : x >= 80 ? [0, 0, 255, 255] : [0, 255, 0, 255]));
    const out = shrink(src);
    expect(at(out, 0, 0)).toEqual([0, 1, 0]);
    expect(at(out, 31, 31)).toEqual([0, 1, 0]);
  });

  it('keeps left and right, and mirrors them on request (a selfie camera)', () => {
    const src = picture(64, 64, (x) => (x < 32 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const plain = shrink(src);
    expect(at(plain, 0, 10)).toEqual([1, 0, 0]);
    expect(at(plain, 31, 10)).toEqual([0, 0, 1]);
    const mirrored = shrink(src, { mirror: true });
    expect(at(mirrored, 0, 10)).toEqual([0, 0, 1]);
    expect(at(mirrored, 31, 10)).toEqual([1, 0, 0]);
  });

  it('keeps top and bottom, and places a shape where it was', () => {
    // A black 16 × 16 square in the top-left quarter of a white 64 × 64 picture.
    const src = picture(64, 64, (x, y) => (x < 16 && y < 16 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const out = shrink(src);
    expect(at(out, 3, 3)).toEqual([0, 0, 0]);
    expect(at(out, 8, 8)).toEqual([1, 1, 1]);
    expect(at(out, 3, 28)).toEqual([1, 1, 1]);
  });

  it('blends pixels that straddle an output cell (area weights)', () => {
    // 48 px → 32 px: each output pixel covers 1.5 source pixels; a black column at x = 1 covers
    // half of output 0 and half of output 1 in... exact area: output 0 covers [0, 1.5), output 1 covers [1.5, 3).
    const src = picture(48, 48, (x) => (x === 1 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const out = shrink(src);
    // Output 0: 1 white source pixel + 0.5 black → 1/1.5 white. Output 1: 0.5 black + 1 white → 1/1.5 white.
    expect(at(out, 0, 5)[0]).toBeCloseTo(1 / 1.5, 6);
    expect(at(out, 1, 5)[0]).toBeCloseTo(1 / 1.5, 6);
    expect(at(out, 2, 5)[0]).toBeCloseTo(1, 6);
  });

  it('grows a small picture without holes', () => {
    const src = picture(8, 8, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const out = shrink(src);
    // Each source pixel becomes a 4 × 4 block.
    expect(at(out, 0, 0)).toEqual([0, 0, 0]);
    expect(at(out, 3, 3)).toEqual([0, 0, 0]);
    expect(at(out, 4, 0)).toEqual([1, 1, 1]);
    expect(at(out, 7, 3)).toEqual([1, 1, 1]);
  });

  it('lays transparent pixels on white (a drawing or a PNG with transparency)', () => {
    const out = shrink(picture(32, 32, (x) => (x < 16 ? [0, 0, 0, 0] : [0, 0, 0, 128])));
    expect(at(out, 0, 0)).toEqual([1, 1, 1]);
    expect(at(out, 20, 0)[0]).toBeCloseTo(1 - 128 / 255, 6);
  });

  it('other output sizes, and a given crop', () => {
    const src = picture(100, 100, (x, y) => (x >= 50 && y >= 50 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    expect(shrink(src, { size: 4 })).toHaveLength(48);
    const corner = shrink(src, { size: 2, crop: { x: 50, y: 50, size: 50 } });
    expect(Array.from(corner)).toEqual(new Array(12).fill(1));
  });

  it('refuses a picture without pixels or a crop outside it', () => {
    expect(() => shrink({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toThrow(/no pixels/);
    expect(() => shrink({ data: new Uint8ClampedArray(16), width: 4, height: 4 })).toThrow(/no pixels/);
    expect(() =>
      shrink(
        picture(10, 10, () => [0, 0, 0, 255]),
        { crop: { x: 5, y: 0, size: 10 } },
      ),
    ).toThrow(/outside/);
  });
});

describe('toRgba and isBlank', () => {
  it('turn the network’s picture back into canvas pixels', () => {
    const src = picture(32, 32, (x, y) => [x * 8, y * 8, 200, 255]);
    const back = toRgba(shrink(src));
    expect(Array.from(back)).toEqual(Array.from(src.data));
    expect(() => toRgba(new Float32Array(5))).toThrow();
  });

  it('an empty drawing is blank; a stroke or a coloured picture is not', () => {
    const white = shrink(picture(64, 64, () => [255, 255, 255, 255]));
    expect(isBlank(white)).toBe(true);
    expect(isBlank(shrink(picture(64, 64, () => [200, 30, 30, 255])))).toBe(true);
    const stroke = shrink(picture(64, 64, (x, y) => (Math.abs(x - y) < 3 ? [0, 0, 0, 255] : [255, 255, 255, 255])));
    expect(isBlank(stroke)).toBe(false);
    const twoColours = shrink(picture(64, 64, (x) => (x < 32 ? [255, 0, 0, 255] : [0, 0, 255, 255])));
    expect(isBlank(twoColours)).toBe(false);
  });
});
