#!/usr/bin/env node
/**
 * `npm test`: every suite, then one closing line that sums them:
 *   type check → unit tests (Vitest) → build the site → browser tests (Playwright).
 * Prints "N passed, N failed" and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Pages of a build that mention the public count: a link to its page, its API, its strings in any language, or its island. */
function countingMentions(dir) {
  const ui = ['en', 'nl', 'fr', 'de'].map((l) => JSON.parse(readFileSync(`i18n/${l}.json`, 'utf8')));
  const needles = ['/impact/', '/api/completions', 'TallyConsent', ...ui.flatMap((m) => [m['nav.impact'], m['tally.title'], m['tally.yes']])];
  const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
  return files(dir)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => {
      const text = readFileSync(f, 'utf8');
      return needles.some((n) => text.includes(n));
    });
}

let passed = 0;
let failed = 0;
let broken = [];

// 0. Types (astro check covers .astro, .ts and .tsx), counted as one check
const checkStatus = run('Type check (astro check)', bin('astro'), ['check', '--minimumSeverity', 'warning']);
if (checkStatus === 0) passed += 1;
else failed += 1;

// 1. Unit tests
const unitStatus = run('Unit tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`]);
const unit = readJson(`${REPORTS}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (!unit || (unitStatus !== 0 && unit.numFailedTests === 0)) broken.push('unit tests did not run to the end');

// 2. Build
// Built with a counting service's address, so that the browser tests cover the
// public count; Playwright starts that service (playwright.config.ts).
const buildStatus = run('Build (astro build)', bin('astro'), ['build'], { PUBLIC_TALLY_URL: 'http://127.0.0.1:4401' });
if (buildStatus !== 0 || !existsSync('dist/index.html')) broken.push('the site did not build');

// 2b. Without a counting service's address the course never counts and never mentions counting.
const plainDir = `${REPORTS}/plain-build`;
const plainStatus = run('Build without counting (PUBLIC_TALLY_URL unset)', bin('astro'), ['build'], { PUBLIC_TALLY_URL: '', ASTRO_OUT_DIR: plainDir });
const mentions = plainStatus === 0 ? countingMentions(plainDir) : ['the build failed'];
console.log(mentions.length ? `Counting is mentioned without a service: ${mentions.slice(0, 5).join(', ')}` : 'No mention of counting without a service.');
if (plainStatus === 0 && mentions.length === 0) passed += 1;
else failed += 1;

// 3. Browser tests
if (buildStatus === 0) {
  const e2eStatus = run('Browser tests (Playwright, Chromium)', bin('playwright'), ['test'], { E2E_JSON: `${REPORTS}/e2e.json` });
  const e2e = readJson(`${REPORTS}/e2e.json`);
  if (e2e?.stats) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
  }
  if (!e2e?.stats || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) broken.push('browser tests did not run to the end');
}

console.log('');
for (const reason of broken) console.log(`error: ${reason}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken.length > 0 ? 1 : 0);
