/**
 * k nearest neighbours: a new point gets the class most common among the k
 * training points closest to it (ties go to the nearest of the tied classes).
 * Nothing to train: the "model" is the training points themselves.
 */
export interface Labelled {
  x: number;
  y: number;
  label: number;
}

export function knnPredict(train: readonly Labelled[], queries: readonly { x: number; y: number }[], k: number): Int32Array {
  const out = new Int32Array(queries.length);
  if (train.length === 0) return out.fill(-1);
  const kk = Math.max(1, Math.min(k, train.length));
  const dist = new Float64Array(train.length);
  const order = Array.from({ length: train.length }, (_, i) => i);
  queries.forEach((q, qi) => {
    for (let i = 0; i < train.length; i++) dist[i] = (train[i].x - q.x) ** 2 + (train[i].y - q.y) ** 2;
    order.sort((a, b) => dist[a] - dist[b]);
    const votes = new Map<number, number>();
    let best = train[order[0]].label;
    let bestVotes = 0;
    for (let j = 0; j < kk; j++) {
      const label = train[order[j]].label;
      const v = (votes.get(label) ?? 0) + 1;
      votes.set(label, v);
      if (v > bestVotes) {
        bestVotes = v;
        best = label;
      }
    }
    out[qi] = best;
  });
  return out;
}
