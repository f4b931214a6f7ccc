/**
 * The order in which an order or match exercise shows its items: shuffled,
 * but the same for an exercise id on every device and in every language (so
 * a teacher and a class see the same list), and for order exercises never
 * with an item already in its right place, so the learner has to act.
 */

/** A 32-bit FNV-1a hash of the exercise id: the shuffle's seed. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32, as in lib/ml/rng.ts, repeated here (six lines) so that lesson
 * pages do not download the lab's random-number module as a chunk of its own.
 */
function random32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0..n-1 (Fisher–Yates), seeded by the id. With `derangement`, no index stays in its place (n ≥ 2). */
export function shuffledIndices(id: string, n: number, derangement = false): number[] {
  const random = random32(seedOf(id));
  for (let attempt = 0; ; attempt++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    if (!derangement || n < 2 || order.every((v, i) => v !== i)) return order;
    // About 37 % of shuffles are derangements; after many misses (never in practice), rotate by one.
    if (attempt > 50) return Array.from({ length: n }, (_, i) => (i + 1) % n);
  }
}
