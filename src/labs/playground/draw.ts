/**
 * LAB "Playground": pure helpers for its pictures (no DOM): the colours of the
 * shaded background, the decision boundary as line segments (marching
 * squares), where each neuron's picture goes, and how links are drawn.
 */
import type { Activation } from '../../lib/ml/protocol';

/** Class 0: blue circles; class 1: orange squares (both meet 3:1 against white). */
export const CLASS_RGB = [
  [29, 91, 171],
  [179, 71, 11],
] as const;
export const CLASS_COLORS = CLASS_RGB.map(([r, g, b]) => `rgb(${r},${g},${b})`);

/**
 * The background colour for a probability p of class 1: white at 0.5, tinted
 * towards class 1's colour as p rises and class 0's as it falls (at most
 * `strength` of the colour, so the points stay readable).
 */
export function shade(p: number, strength = 0.5): [number, number, number] {
  const t = Math.min(1, Math.max(0, p));
  const [r, g, b] = CLASS_RGB[t >= 0.5 ? 1 : 0];
  const a = Math.abs(2 * t - 1) * strength;
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/**
 * Where a neuron's output lies on the picture scale 0..1 (0.5 in the middle):
 * a sigmoid's output already is in 0..1; tanh, ReLU and linear outputs are read
 * on −1..1 and clamped.
 */
export function neuronLevel(value: number, activation: Activation): number {
  if (activation === 'sigmoid') return Math.min(1, Math.max(0, value));
  return Math.min(1, Math.max(0, (value + 1) / 2));
}

/** Fills RGBA pixels (size × size) from levels 0..1, row by row from the top. */
export function paint(levels: ArrayLike<number>, out: Uint8ClampedArray, strength = 0.5, offset = 0, count = out.length / 4): void {
  for (let i = 0; i < count; i++) {
    const [r, g, b] = shade(levels[offset + i], strength);
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
}

/**
 * The line where a size × size grid of values crosses `level` (marching
 * squares), as segments x1, y1, x2, y2 in units of the plane's width, 0..1
 * from the left and the top. Grid values sit at the centres of their cells.
 */
export function contour(values: ArrayLike<number>, size: number, level = 0.5): number[] {
  const segments: number[] = [];
  const at = (row: number, col: number) => values[row * size + col] - level;
  const pos = (v: number) => (v + 0.5) / size;
  for (let row = 0; row + 1 < size; row++)
    for (let col = 0; col + 1 < size; col++) {
      const tl = at(row, col);
      const tr = at(row, col + 1);
      const br = at(row + 1, col + 1);
      const bl = at(row + 1, col);
      // Crossing points on each edge of the cell, where the sign changes.
      const cross = (a: number, b: number) => a / (a - b);
      const edges: [number, number][] = [];
      const top = (tl >= 0) !== (tr >= 0) ? [pos(col + cross(tl, tr)), pos(row)] : null;
      const right = (tr >= 0) !== (br >= 0) ? [pos(col + 1), pos(row + cross(tr, br))] : null;
      const bottom = (bl >= 0) !== (br >= 0) ? [pos(col + cross(bl, br)), pos(row + 1)] : null;
      const left = (tl >= 0) !== (bl >= 0) ? [pos(col), pos(row + cross(tl, bl))] : null;
      for (const e of [top, right, bottom, left]) if (e) edges.push(e as [number, number]);
      if (edges.length === 2) segments.push(edges[0][0], edges[0][1], edges[1][0], edges[1][1]);
      else if (edges.length === 4) {
        // A saddle: the cell's average says which corners belong together.
        const centreHigh = tl + tr + br + bl >= 0;
        const pairs: [number[], number[]][] = centreHigh === tl >= 0 ? [[top!, right!], [bottom!, left!]] : [[top!, left!], [bottom!, right!]];
        for (const [a, b] of pairs) segments.push(a[0], a[1], b[0], b[1]);
      }
    }
  return segments;
}

export interface NeuronBox {
  /** Layer: 0 the inputs, then the hidden layers, the last the output. */
  layer: number;
  index: number;
  x: number;
  y: number;
}

/**
 * Where each neuron's picture goes in a network drawing of the given width:
 * one column per layer, neurons centred in their column.
 */
export function networkLayout(sizes: readonly number[], width: number, box: number, gap: number, pad = 6): { boxes: NeuronBox[][]; height: number } {
  const tallest = Math.max(...sizes);
  const height = 2 * pad + tallest * box + (tallest - 1) * gap;
  const columns = sizes.length;
  const step = columns > 1 ? (width - 2 * pad - box) / (columns - 1) : 0;
  const boxes = sizes.map((n, layer) => {
    const column = n * box + (n - 1) * gap;
    const top = pad + (height - 2 * pad - column) / 2;
    return Array.from({ length: n }, (_, index) => ({ layer, index, x: pad + layer * step, y: top + index * (box + gap) }));
  });
  return { boxes, height };
}

/** A link's line width (0.5 to 4 px) for a weight, against the largest weight in the network. */
export function linkWidth(weight: number, largest: number): number {
  if (!(largest > 0)) return 1;
  return 0.5 + 3.5 * Math.min(1, Math.abs(weight) / largest);
}

/**
 * The weight of the link from neuron `from` of layer `layer` to neuron `to`
 * of the next layer, in parameters laid out as Network.parameters() gives them.
 */
export function linkWeight(parameters: ArrayLike<number>, sizes: readonly number[], layer: number, from: number, to: number): number {
  let offset = 0;
  for (let l = 0; l < layer; l++) offset += (sizes[l] + 1) * sizes[l + 1];
  return parameters[offset + to * sizes[layer] + from];
}
