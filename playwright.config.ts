import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4322);
export const TALLY_PORT = Number(process.env.E2E_TALLY_PORT ?? 4401);
/**
 * Files that measure frame gaps or responsiveness (labs), or change what the
 * server serves (offline edits dist/sw.js): they run after the rest, one at a time.
 */
const SERIAL = ['**/labs.spec.ts', '**/lab-digits.spec.ts', '**/offline.spec.ts'];

/**
 * Browser tests against the built site (run `npm run build` first; `npm test`
 * does). Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Two workers on a 2-core machine: files run side by side (the a11y file also
  // splits its tests). Timing-sensitive files run after, alone (projects below).
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON
    ? [['list'], ['json', { outputFile: process.env.E2E_JSON }]]
    : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-GB',
    // The service worker precaches the whole course (about 6 MB); only the
    // offline tests (tests/e2e/offline.spec.ts) let it install.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // The camera lab: a fake camera (a moving test pattern) that needs no permission prompt.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
  projects: [
    { name: 'main', testIgnore: SERIAL },
    { name: 'alone', testMatch: SERIAL, dependencies: ['main'], workers: 1 },
  ],
  webServer: [
    {
      command: `node scripts/static-server.mjs --port ${PORT} --root ${process.env.E2E_ROOT ?? 'dist'}`,
      url: `http://127.0.0.1:${PORT}/en/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The counting service the test build points at (PUBLIC_TALLY_URL in scripts/test-all.mjs), on a fresh database.
      command: `node src/server/tally/server.ts`,
      url: `http://127.0.0.1:${TALLY_PORT}/api/aggregates`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        TALLY_PORT: String(TALLY_PORT),
        TALLY_DB: join(mkdtempSync(join(tmpdir(), 'ai4b-e2e-')), 'tally.sqlite'),
        TALLY_ORIGIN: `http://127.0.0.1:${PORT}`,
        TALLY_RATE: '0',
      },
    },
  ],
});
