#!/usr/bin/env node
/**
 * `npm run bench:tally`: the counting service on loopback, driven by
 * autocannon. Writes: POST /api/completions, each with a new token. Reads:
 * GET /api/aggregates timed while the writes go on. Prints a table; targets
 * (issue 6, on a 2-core machine without a GPU): ≥ 2,000 completions/s,
 * p99 < 50 ms, aggregates < 20 ms during writes.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 4490;
const base = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
const service = spawn(process.execPath, ['src/server/tally/server.ts'], {
  env: { ...process.env, TALLY_PORT: String(PORT), TALLY_DB: join(dir, 'bench.sqlite'), TALLY_RATE: '0' },
  stdio: 'ignore',
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/aggregates`)).ok) break;
  } catch {
    if (i > 100) throw new Error('the service did not start');
  }
  await new Promise((r) => setTimeout(r, 100));
}

const modules = ['what-is-ai', 'machine-learning', 'course'];
const langs = ['nl', 'fr', 'de', 'en'];
const regions = ['flanders', 'wallonia', 'brussels', 'german-community', 'outside'];
let n = 0;
const body = () => {
  const i = n++;
  const token = `b${String(i).padStart(21, '0')}`;
  return JSON.stringify({ token, item: modules[i % 3], lang: langs[i % 4], region: regions[i % 5] });
};

const write = (overallRate) =>
  autocannon({
    url: `${base}/api/completions`,
    connections: 32,
    duration: 10,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) }],
  });

// 1. As fast as the service goes.
const flat = await write(0);

// 2. At the target load (2,000 completions/s), with the aggregates read from a
//    separate process (so that the load generator's own work is not counted).
const reader = spawn(process.execPath, ['scripts/bench-tally-reader.mjs', base], { stdio: ['ignore', 'pipe', 'inherit'] });
let readerOut = '';
reader.stdout.on('data', (d) => (readerOut += d));
const readerDone = new Promise((r) => reader.once('exit', r));
const steady = await write(2000);
reader.kill('SIGTERM');
await readerDone;
const reads = JSON.parse(readerOut || '[]');
service.kill('SIGTERM');
await new Promise((r) => service.once('exit', r));
rmSync(dir, { recursive: true, force: true });

const sorted = [...reads].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const rows = [
  ['most completions/s (2xx), 32 connections', (flat['2xx'] / flat.duration).toFixed(0), '≥ 2000'],
  ['  write latency p50 / p99 at that load (ms)', `${flat.latency.p50.toFixed(1)} / ${flat.latency.p99.toFixed(1)}`, ''],
  ['at 2,000 completions/s: write latency p50 / p99 (ms)', `${steady.latency.p50.toFixed(1)} / ${steady.latency.p99.toFixed(1)}`, 'p99 < 50'],
  ['at 2,000 completions/s: aggregates p50 / p99 (ms)', `${pct(50).toFixed(1)} / ${pct(99).toFixed(1)}`, 'p99 < 20'],
  ['non-2xx responses', String(flat.non2xx + flat.errors + steady.non2xx + steady.errors), '0'],
];
console.log('\nCounting service on loopback (autocannon, 10 s per run)\n');
console.log('| measure | value | target |\n| --- | --- | --- |');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
