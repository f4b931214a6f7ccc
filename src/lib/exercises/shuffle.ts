/**
 * The order in which an order or match exercise shows its items: shuffled,
 * but the same for an exercise id on every device and in every language (so
 * a teacher and a class see the same list), and for order exercises never
 * with an item already in its right place, so the learner has to act.
 */
import { seededRandom } from '../ml/rng';

/** A 32-bit FNV-1a hash of the exercise id: the shuffle's seed. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A permutation of 0..n-1 (Fisher–Yates), seeded by the id. With `derangement`, no index stays in its place (n ≥ 2). */
export function shuffledIndices(id: string, n: number, derangement = false): number[] {
  const random = seededRandom(seedOf(id));
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
