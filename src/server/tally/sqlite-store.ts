/**
 * The embedded store: Node's built-in SQLite (node:sqlite, nothing native to
 * compile), in WAL mode, in one file. Tokens are stored only as a salted
 * SHA-256 hash, so the file holds no identifier that exists anywhere else.
 *
 * A person's language, region and week are those of their first completed
 * module. Durability: each completion is one committed transaction before the reply
 * is sent; with WAL and synchronous=NORMAL a committed transaction survives
 * the process being killed (tested with SIGKILL in tests/unit/tally-crash.test.ts).
 */
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { COURSE, LANGUAGES, MIN_CELL, REGIONS, type Aggregates, type Completion } from './model.ts';
import type { TallyStore } from './storage.ts';

/** ISO 8601 week of a date, e.g. "2026-W48". */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Cells under MIN_CELL become null; with `other`, they are summed into "other" (null too if still small). */
export function suppress(counts: Record<string, number>, keys: readonly string[], withOther: boolean): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  let other = 0;
  for (const key of keys) {
    const n = counts[key] ?? 0;
    if (n >= MIN_CELL) out[key] = n;
    else {
      out[key] = null;
      other += n;
    }
  }
  if (withOther) out.other = other >= MIN_CELL ? other : null;
  return out;
}

const small = (n: number) => (n >= MIN_CELL ? n : null);

export class SqliteTallyStore implements TallyStore {
  private db: DatabaseSync;
  private salt: string;
  private statements;
  private checkpointer: Worker | null = null;

  /**
   * With `backgroundCheckpoints`, WAL checkpoints run on a worker thread
   * (checkpoint-worker.ts) instead of inside a commit on the request loop.
   */
  constructor(path: string, salt: string, { backgroundCheckpoints = false } = {}) {
    this.salt = salt;
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      PRAGMA wal_autocheckpoint = ${backgroundCheckpoints ? 0 : 1000};
      CREATE TABLE IF NOT EXISTS completions (
        person TEXT NOT NULL,
        item   TEXT NOT NULL,
        lang   TEXT NOT NULL,
        region TEXT,
        age    TEXT,
        week   TEXT NOT NULL,
        PRIMARY KEY (person, item)
      ) WITHOUT ROWID;
      -- One row per person with at least one module: their first module's language, region and week.
      CREATE TABLE IF NOT EXISTS people (person TEXT PRIMARY KEY) WITHOUT ROWID;
      -- Running totals, updated in the same transaction as each completion, so reading the
      -- aggregates costs the same at 100 or 100,000 people.
      CREATE TABLE IF NOT EXISTS counters (dim TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (dim, key)) WITHOUT ROWID;
    `);
    this.statements = {
      completion: this.db.prepare('INSERT OR IGNORE INTO completions (person, item, lang, region, age, week) VALUES (?, ?, ?, ?, ?, ?)'),
      person: this.db.prepare('INSERT OR IGNORE INTO people (person) VALUES (?)'),
      bump: this.db.prepare('INSERT INTO counters (dim, key, n) VALUES (?, ?, 1) ON CONFLICT (dim, key) DO UPDATE SET n = n + 1'),
      counters: this.db.prepare('SELECT dim, key, n FROM counters'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
    };
    if (backgroundCheckpoints) {
      this.checkpointer = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), { workerData: { path, everyMs: 1000 } });
      this.checkpointer.unref();
    }
  }

  private person(token: string): string {
    return createHash('sha256').update(this.salt).update(token).digest('base64url');
  }

  async record(c: Completion, at: Date): Promise<boolean> {
    const s = this.statements;
    const person = this.person(c.token);
    const week = isoWeek(at);
    s.begin.run();
    try {
      const added = Number(s.completion.run(person, c.item, c.lang, c.region ?? null, c.age ?? null, week).changes) === 1;
      if (added) {
        s.bump.run('item', c.item);
        if (c.item !== COURSE && Number(s.person.run(person).changes) === 1) {
          s.bump.run('people', 'all');
          s.bump.run('lang', c.lang);
          s.bump.run('week', week);
          if (c.region) s.bump.run('region', c.region);
        }
      }
      s.commit.run();
      return added;
    } catch (error) {
      s.rollback.run();
      throw error;
    }
  }

  async aggregates(modules: readonly string[]): Promise<Aggregates> {
    const by: Record<string, Record<string, number>> = { item: {}, people: {}, lang: {}, week: {}, region: {} };
    for (const row of this.statements.counters.all() as { dim: string; key: string; n: number }[]) {
      (by[row.dim] ??= {})[row.key] = Number(row.n);
    }
    return {
      updatedAt: new Date().toISOString(),
      minCell: MIN_CELL,
      course: small(by.item[COURSE] ?? 0),
      anyModule: small(by.people.all ?? 0),
      modules: suppress(by.item, modules, false),
      regions: suppress(by.region, REGIONS, true),
      languages: suppress(by.lang, LANGUAGES, true),
      weeks: Object.keys(by.week)
        .sort()
        .map((week) => ({ week, people: small(by.week[week]) })),
    };
  }

  /** Rows stored (for tests and the benchmark; never published). */
  size(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM completions').get() as { n: number }).n);
  }

  async close(): Promise<void> {
    if (this.checkpointer) {
      const done = new Promise((r) => this.checkpointer!.once('exit', r));
      this.checkpointer.postMessage('stop');
      await done;
    }
    this.db.close();
  }
}
