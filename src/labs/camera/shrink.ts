/**
 * LAB "Teach the camera": turning a camera frame, a chosen picture or a
 * drawing into what the network sees: 32 × 32 colour pixels, values 0..1.
 * Pure (no DOM): the island hands in RGBA pixels read from a canvas.
 *
 * The picture's centre square is kept (the longer side is cropped evenly),
 * then every output pixel is the area-weighted average of the source pixels
 * it covers (a box filter: no pixel is skipped when shrinking, and small
 * pictures grow without holes). Transparent pixels are laid on white, as the
 * drawing area and most pictures look on screen.
 */

export interface Rgba {
  /** RGBA bytes, row-major (as ImageData.data). */
  data: ArrayLike<number>;
  width: number;
  height: number;
}

export interface Square {
  x: number;
  y: number;
  size: number;
}

/** The largest centred square of a width × height picture. */
export function centreSquare(width: number, height: number): Square {
  const size = Math.min(width, height);
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/** For each output cell along one axis: the source indexes it covers and their weights (summing to 1). */
function weights(from: number, length: number, out: number): { index: number[]; weight: number[] }[] {
  const scale = length / out;
  const cells: { index: number[]; weight: number[] }[] = [];
  for (let o = 0; o < out; o++) {
    const start = from + o * scale;
    const end = start + scale;
    const index: number[] = [];
    const weight: number[] = [];
    for (let i = Math.floor(start); i < Math.ceil(end - 1e-9); i++) {
      const w = Math.min(end, i + 1) - Math.max(start, i);
      if (w > 1e-9) {
        index.push(i);
        weight.push(w / scale);
      }
    }
    cells.push({ index, weight });
  }
  return cells;
}

/**
 * Shrinks (or grows) the centre square of an RGBA picture to size × size × 3,
 * row-major, values 0..1. `mirror` flips it left to right (a selfie camera's
 * preview is mirrored, so the stored pictures match what the learner saw).
 */
export function shrink(source: Rgba, options: { size?: number; mirror?: boolean; crop?: Square } = {}): Float32Array {
  const size = options.size ?? 32;
  const { width, height, data } = source;
  if (!(width > 0 && height > 0) || data.length < width * height * 4) throw new Error('shrink: the picture has no pixels');
  const crop = options.crop ?? centreSquare(width, height);
  if (crop.x < 0 || crop.y < 0 || crop.size <= 0 || crop.x + crop.size > width || crop.y + crop.size > height)
    throw new Error('shrink: crop outside the picture');
  const cols = weights(crop.x, crop.size, size);
  const rows = weights(crop.y, crop.size, size);
  const out = new Float32Array(size * size * 3);
  for (let oy = 0; oy < size; oy++) {
    const row = rows[oy];
    for (let ox = 0; ox < size; ox++) {
      const col = cols[options.mirror ? size - 1 - ox : ox];
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < row.index.length; j++) {
        const sy = row.index[j];
        const wy = row.weight[j];
        for (let i = 0; i < col.index.length; i++) {
          const p = (sy * width + col.index[i]) * 4;
          const w = wy * col.weight[i];
          const a = data[p + 3] / 255;
          // Laid on white: c·a + 255·(1 − a).
          r += w * (data[p] * a + 255 * (1 - a));
          g += w * (data[p + 1] * a + 255 * (1 - a));
          b += w * (data[p + 2] * a + 255 * (1 - a));
        }
      }
      const o = (oy * size + ox) * 3;
      out[o] = r / 255;
      out[o + 1] = g / 255;
      out[o + 2] = b / 255;
    }
  }
  return out;
}

/** RGBA bytes for a canvas (ImageData) from a size × size × 3 picture with values 0..1. */
export function toRgba(pixels: Float32Array, size = 32): Uint8ClampedArray<ArrayBuffer> {
  if (pixels.length !== size * size * 3) throw new Error('toRgba: wrong length');
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0, o = 0; i < pixels.length; i += 3, o += 4) {
    out[o] = Math.round(pixels[i] * 255);
    out[o + 1] = Math.round(pixels[i + 1] * 255);
    out[o + 2] = Math.round(pixels[i + 2] * 255);
    out[o + 3] = 255;
  }
  return out;
}

/** True when a picture is (almost) one flat colour: an empty drawing, a covered lens. */
export function isBlank(pixels: Float32Array, tolerance = 0.04): boolean {
  for (let c = 0; c < 3; c++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = c; i < pixels.length; i += 3) {
      if (pixels[i] < min) min = pixels[i];
      if (pixels[i] > max) max = pixels[i];
    }
    if (max - min > tolerance) return false;
  }
  return true;
}
