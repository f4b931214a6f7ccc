import { describe, expect, it } from 'vitest';
import {
  CLUSTER_CENTRE,
  DATA_SEEDS,
  DATASETS,
  dataset,
  DISC_RADIUS,
  generate,
  grid,
  POINT_COUNT,
  RING,
  split,
  SPIRAL_TURNS,
  toArrays,
  XOR_MARGIN,
  type Point2D,
} from '../../src/lib/ml/datasets2d';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const ofClass = (points: Point2D[], label: number) => points.filter((p) => p.label === label);

describe('Playground data sets', () => {
  it.each(DATASETS)('%s: 400 points, half of each class, on the plane [-1, 1]², the same for the same seed', (name) => {
    for (const noise of [0, 0.25, 0.5]) {
      const points = generate(name, noise);
      expect(points).toHaveLength(POINT_COUNT);
      expect(ofClass(points, 0)).toHaveLength(POINT_COUNT / 2);
      expect(ofClass(points, 1)).toHaveLength(POINT_COUNT / 2);
      expect(points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1 && (p.label === 0 || p.label === 1))).toBe(true);
      expect(generate(name, noise)).toEqual(points);
      expect(generate(name, noise, DATA_SEEDS[name] + 1)).not.toEqual(points);
    }
  });

  it('XOR: class 1 where the signs differ, with an empty margin along the axes', () => {
    const points = generate('xor', 0);
    expect(points.every((p) => (p.x * p.y > 0 ? 0 : 1) === p.label)).toBe(true);
    expect(points.every((p) => Math.abs(p.x) >= XOR_MARGIN && Math.abs(p.y) >= XOR_MARGIN)).toBe(true);
    // All four corners hold a group.
    const corners = new Set(points.map((p) => `${Math.sign(p.x)}${Math.sign(p.y)}`));
    expect(corners.size).toBe(4);
  });

  it('circles: a disc of class 0 inside a ring of class 1', () => {
    const points = generate('circles', 0);
    const r = (p: Point2D) => Math.hypot(p.x, p.y);
    expect(ofClass(points, 0).every((p) => r(p) <= DISC_RADIUS + 1e-9)).toBe(true);
    expect(ofClass(points, 1).every((p) => r(p) >= RING[0] - 1e-9 && r(p) <= RING[1] + 1e-9)).toBe(true);
  });

  it('spiral: every point lies on its arm, and the two arms are half a turn apart', () => {
    const points = generate('spiral', 0);
    for (const p of points) {
      const r = Math.hypot(p.x, p.y);
      const u = (r - 0.08) / 0.84;
      expect(u).toBeGreaterThanOrEqual(-1e-9);
      expect(u).toBeLessThanOrEqual(1 + 1e-9);
      // x = r·sin t, y = r·cos t with t = turns·2π·u (+ π for class 1).
      const t = SPIRAL_TURNS * 2 * Math.PI * u + (p.label === 1 ? Math.PI : 0);
      expect(p.x).toBeCloseTo(r * Math.sin(t), 6);
      expect(p.y).toBeCloseTo(r * Math.cos(t), 6);
    }
  });

  it('clusters: two clouds around (±0.35, ±0.35) that widen with noise', () => {
    const calm = generate('clusters', 0);
    for (const [label, centre] of [
      [0, -CLUSTER_CENTRE],
      [1, CLUSTER_CENTRE],
    ]) {
      expect(mean(ofClass(calm, label).map((p) => p.x))).toBeCloseTo(centre, 1);
      expect(mean(ofClass(calm, label).map((p) => p.y))).toBeCloseTo(centre, 1);
    }
    const noisy = generate('clusters', 0.45);
    expect(sd(ofClass(noisy, 0).map((p) => p.x))).toBeGreaterThan(2 * sd(ofClass(calm, 0).map((p) => p.x)));
    // With that much noise the classes overlap: some points lie on the other class's side of the diagonal.
    const wrongSide = noisy.filter((p) => (p.x + p.y > 0 ? 1 : 0) !== p.label).length / noisy.length;
    expect(wrongSide).toBeGreaterThan(0.04);
    expect(calm.filter((p) => (p.x + p.y > 0 ? 1 : 0) !== p.label)).toHaveLength(0);
  });

  it('noise moves points across the boundary their class comes from (XOR), more with more noise', () => {
    const crossed = (noise: number) => generate('xor', noise).filter((p) => (p.x * p.y > 0 ? 0 : 1) !== p.label).length;
    expect(crossed(0)).toBe(0);
    expect(crossed(0.25)).toBeGreaterThan(0);
    expect(crossed(0.5)).toBeGreaterThan(crossed(0.25));
    // Noise beyond 50 % is clamped.
    expect(generate('xor', 0.9)).toEqual(generate('xor', 0.5));
  });
});

describe('Playground split into training and test points', () => {
  const points = generate('spiral', 0);

  it('keeps the asked share of each class for training, from a seed', () => {
    for (const share of [0.1, 0.3, 0.5, 0.9]) {
      const s = split(points, share, 1);
      for (const label of [0, 1]) {
        const mine = s.filter((p) => p.label === label);
        expect(mine.filter((p) => !p.test)).toHaveLength(Math.round(share * mine.length));
      }
      expect(split(points, share, 1)).toEqual(s);
      expect(split(points, share, 2)).not.toEqual(s);
    }
    // Out-of-range shares are clamped to 10 % and 90 %.
    expect(split(points, 0, 1).filter((p) => !p.test)).toHaveLength(40);
    expect(split(points, 1, 1).filter((p) => !p.test)).toHaveLength(360);
  });

  it('fewer training points are a subset of more: lowering the share only moves points to the test side', () => {
    const few = split(points, 0.1, 1);
    const more = split(points, 0.2, 1);
    few.forEach((p, i) => {
      if (!p.test) expect(more[i].test).toBe(false);
    });
  });

  it('keeps a point of each class on each side, however few points there are', () => {
    const tiny = [
      { x: 0, y: 0, label: 0 },
      { x: 1, y: 0, label: 0 },
      { x: 0, y: 1, label: 1 },
      { x: 1, y: 1, label: 1 },
    ];
    const s = split(tiny, 0.1, 3);
    for (const label of [0, 1]) {
      expect(s.filter((p) => p.label === label && !p.test)).toHaveLength(1);
      expect(s.filter((p) => p.label === label && p.test)).toHaveLength(1);
    }
  });

  it('dataset() splits each data set with its own seed', () => {
    expect(dataset('clusters', 0.45, 0.5)).toEqual(split(generate('clusters', 0.45), 0.5, DATA_SEEDS.clusters));
  });
});

describe('Playground inputs and probe grid', () => {
  it('toArrays gives (x, y) pairs and labels', () => {
    const { x, y } = toArrays([
      { x: 0.5, y: -0.25, label: 1 },
      { x: -1, y: 1, label: 0 },
    ]);
    expect(Array.from(x)).toEqual([0.5, -0.25, -1, 1]);
    expect(Array.from(y)).toEqual([1, 0]);
  });

  it('the grid covers the plane at cell centres, row by row from the top', () => {
    const g = grid(4);
    expect(g).toHaveLength(32);
    expect(Array.from(g.slice(0, 4))).toEqual([-0.75, 0.75, -0.25, 0.75]);
    expect(Array.from(g.slice(-2))).toEqual([0.75, -0.75]);
  });
});
