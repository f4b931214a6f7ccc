/**
 * The embedded store: Node's built-in SQLite (node:sqlite, nothing native to
 * compile), in WAL mode, in one file. Tokens are stored only as a salted
 * SHA-256 hash, so the file holds no identifier that exists anywhere else.
 *
 * Durability: each completion is one committed transaction before the reply
 * is sent; with WAL and synchronous=NORMAL a committed transaction survives
 * the process being killed (tested with SIGKILL in tests/unit/tally-crash.test.ts).
 */
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
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
  private insert;
  private salt: string;

  constructor(path: string, salt: string) {
    this.salt = salt;
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS completions (
        person TEXT NOT NULL,
        item   TEXT NOT NULL,
        lang   TEXT NOT NULL,
        region TEXT,
        age    TEXT,
        week   TEXT NOT NULL,
        PRIMARY KEY (person, item)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS completions_item ON completions (item);
    `);
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO completions (person, item, lang, region, age, week) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  private person(token: string): string {
    return createHash('sha256').update(this.salt).update(token).digest('base64url');
  }

  async record(c: Completion, at: Date): Promise<boolean> {
    const result = this.insert.run(this.person(c.token), c.item, c.lang, c.region ?? null, c.age ?? null, isoWeek(at));
    return Number(result.changes) === 1;
  }

  async aggregates(modules: readonly string[]): Promise<Aggregates> {
    const rows = <T>(sql: string) => this.db.prepare(sql).all() as T[];
    const count = (sql: string) => Number((this.db.prepare(sql).get() as { n: number }).n);
    const moduleCounts = Object.fromEntries(
      rows<{ item: string; n: number }>(`SELECT item, COUNT(*) AS n FROM completions WHERE item <> '${COURSE}' GROUP BY item`).map((r) => [r.item, Number(r.n)]),
    );
    // Each person once: their first completion's language and week, the region they last gave.
    const people = rows<{ lang: string; region: string | null; week: string }>(`
      SELECT (SELECT lang FROM completions c2 WHERE c2.person = c.person ORDER BY week, item LIMIT 1) AS lang,
             (SELECT region FROM completions c3 WHERE c3.person = c.person AND region IS NOT NULL ORDER BY week DESC LIMIT 1) AS region,
             MIN(week) AS week
      FROM completions c WHERE item <> '${COURSE}' GROUP BY person`);
    const tally = (values: (string | null)[]) => {
      const t: Record<string, number> = {};
      for (const v of values) if (v) t[v] = (t[v] ?? 0) + 1;
      return t;
    };
    const weeks = tally(people.map((p) => p.week));
    return {
      updatedAt: new Date().toISOString(),
      minCell: MIN_CELL,
      course: small(count(`SELECT COUNT(*) AS n FROM completions WHERE item = '${COURSE}'`)),
      anyModule: small(people.length),
      modules: suppress(moduleCounts, modules, false),
      regions: suppress(tally(people.map((p) => p.region)), REGIONS, true),
      languages: suppress(tally(people.map((p) => p.lang)), LANGUAGES, true),
      weeks: Object.keys(weeks)
        .sort()
        .map((week) => ({ week, people: small(weeks[week]) })),
    };
  }

  /** Rows stored (for tests and the benchmark; never published). */
  size(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM completions').get() as { n: number }).n);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
