/**
 * Crash test: completions are sent while the service process is killed with
 * SIGKILL and started again; every completion that got a success reply is in
 * the database afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tally-crash-'));
const PORT = 4460 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${PORT}`;
let child: ChildProcess | null = null;

async function startService(): Promise<void> {
  child = spawn(process.execPath, ['src/server/tally/server.ts'], {
    env: { ...process.env, TALLY_DB: join(dir, 't.sqlite'), TALLY_PORT: String(PORT), TALLY_RATE: '0' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/aggregates`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not start');
}
afterAll(() => child?.kill('SIGKILL'));

it('keeps every acknowledged completion when the process is killed mid-stream', async () => {
  const acknowledged: string[] = [];
  let next = 0;
  for (let round = 0; round < 3; round++) {
    await startService();
    const sender = async () => {
      for (;;) {
        const token = `crash${String(next++).padStart(17, '0')}`;
        try {
          const r = await fetch(`${base}/api/completions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ token, item: 'what-is-ai', lang: 'nl' }),
          });
          if (r.status === 201) acknowledged.push(token);
        } catch {
          return; // the process is gone
        }
      }
    };
    const exited = new Promise((r) => child!.once('exit', r));
    const senders = Array.from({ length: 8 }, sender);
    await new Promise((r) => setTimeout(r, 400));
    child!.kill('SIGKILL');
    await Promise.all(senders);
    await exited;
  }
  expect(acknowledged.length).toBeGreaterThan(50);

  // Started again, the service counts them all.
  await startService();
  const aggregates = await (await fetch(`${base}/api/aggregates`)).json();
  expect(aggregates.modules['what-is-ai']).toBeGreaterThanOrEqual(acknowledged.length);
  const stopped = new Promise((r) => child!.once('exit', r));
  child!.kill('SIGTERM');
  await stopped;

  // And each acknowledged token is there (stored as its salted hash).
  const salt = readFileSync(join(dir, 'tally.salt'), 'utf8').trim();
  const db = new DatabaseSync(join(dir, 't.sqlite'));
  const stored = new Set((db.prepare('SELECT person FROM completions').all() as { person: string }[]).map((r) => r.person));
  db.close();
  const missing = acknowledged.filter((t) => !stored.has(createHash('sha256').update(salt).update(t).digest('base64url')));
  expect(missing).toEqual([]);
}, 60_000);
