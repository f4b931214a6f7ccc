/**
 * A drawing → the picture the digit network gets, prepared the way the MNIST
 * digits were (LeCun, Cortes and Burges): the digit's bounding box is scaled,
 * keeping its proportions, so that its longer side is 20 pixels (grey levels
 * from the share of each pixel the ink covers), then placed in a 28 × 28 field
 * so that its centre of mass lies at the field's centre. Pure: the island
 * passes the drawing's ink (the canvas's alpha channel, 0..1).
 */

export const FIELD = 28;
export const BOX = 20;
/** Ink below this is treated as paper (anti-aliasing dust, a stray tap). */
export const INK_THRESHOLD = 0.05;

export interface Box {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  bottom: number;
}

export interface Centred {
  /** FIELD × FIELD values 0..1, row-major. */
  image: Float32Array;
  /** Nothing drawn. */
  empty: boolean;
  /** The drawing's bounding box in its own pixels (null when empty). */
  box: Box | null;
}

/** The smallest box around every value above the threshold; null when there is none. */
export function inkBox(ink: ArrayLike<number>, width: number, height: number, threshold = INK_THRESHOLD): Box | null {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

/**
 * Area-average resampling of a box of the source onto outW × outH pixels:
 * each output pixel is the mean of the source area it covers (fractions of
 * pixels counted by their share), so thin strokes become grey, not gaps.
 */
export function resample(ink: ArrayLike<number>, width: number, box: Box, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  const sx = (box.right - box.left) / outW;
  const sy = (box.bottom - box.top) / outH;
  // Per output column/row, the source columns/rows it covers and their weights.
  const spans = (count: number, step: number, start: number) =>
    Array.from({ length: count }, (_, i) => {
      const from = start + i * step;
      const to = from + step;
      const cells: [number, number][] = [];
      for (let s = Math.floor(from); s < Math.ceil(to - 1e-9); s++) {
        const w = Math.min(to, s + 1) - Math.max(from, s);
        if (w > 1e-9) cells.push([s, w]);
      }
      return cells;
    });
  const cols = spans(outW, sx, box.left);
  const rows = spans(outH, sy, box.top);
  const area = sx * sy;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let sum = 0;
      for (const [y, wy] of rows[oy]) for (const [x, wx] of cols[ox]) sum += ink[y * width + x] * wx * wy;
      out[oy * outW + ox] = Math.min(1, sum / area);
    }
  }
  return out;
}

/** Centre of mass (x, y) of an image, with pixel i's centre at i + 0.5; null when it has no ink. */
export function centreOfMass(image: ArrayLike<number>, width: number, height: number): { x: number; y: number } | null {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = image[y * width + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: mx / mass, y: my / mass } : null;
}

/** The drawing (width × height ink values 0..1) as MNIST would have it. */
export function centreDigit(ink: ArrayLike<number>, width: number, height: number): Centred {
  if (ink.length !== width * height) throw new Error(`centreDigit: ${ink.length} values for ${width} × ${height}`);
  const image = new Float32Array(FIELD * FIELD);
  const box = inkBox(ink, width, height);
  if (!box) return { image, empty: true, box: null };
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const scale = BOX / Math.max(bw, bh);
  const outW = Math.max(1, Math.min(BOX, Math.round(bw * scale)));
  const outH = Math.max(1, Math.min(BOX, Math.round(bh * scale)));
  const small = resample(ink, width, box, outW, outH);
  const com = centreOfMass(small, outW, outH) ?? { x: outW / 2, y: outH / 2 };
  // Shift so the centre of mass lands on the field's centre, keeping the digit inside the field.
  const dx = Math.max(0, Math.min(FIELD - outW, Math.round(FIELD / 2 - com.x)));
  const dy = Math.max(0, Math.min(FIELD - outH, Math.round(FIELD / 2 - com.y)));
  for (let y = 0; y < outH; y++) image.set(small.subarray(y * outW, (y + 1) * outW), (y + dy) * FIELD + dx);
  return { image, empty: false, box };
}

/** The drawing's ink (0..1) from a canvas's RGBA pixels: strokes are opaque on a transparent canvas. */
export function inkFromRgba(rgba: ArrayLike<number>): Float32Array {
  const ink = new Float32Array(rgba.length / 4);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] / 255;
  return ink;
}
