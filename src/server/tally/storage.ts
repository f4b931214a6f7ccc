/**
 * Where completions are kept: one interface, so that a shared database (for
 * example PostgreSQL, for several instances behind a load balancer) can be
 * added beside the embedded SQLite store without touching the HTTP layer.
 */
import type { Aggregates, Completion } from './model.ts';

export interface TallyStore {
  /** Records a completion; false when this token had already completed this item (counted once). */
  record(completion: Completion, at: Date): Promise<boolean>;
  aggregates(modules: readonly string[]): Promise<Aggregates>;
  close(): Promise<void>;
}
