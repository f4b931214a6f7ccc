#!/usr/bin/env node
/**
 * `npm start`: builds the course with the counting service's address, then
 * serves the static site (astro preview, http://127.0.0.1:4321/) and starts
 * the counting service beside it (http://127.0.0.1:4400/, data in data/).
 * TALLY=off builds and serves the course without counting (as on any plain
 * static host). Ctrl-C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';

const counting = process.env.TALLY !== 'off';
const site = 'http://127.0.0.1:4321';
const tally = process.env.PUBLIC_TALLY_URL ?? 'http://127.0.0.1:4400';
const env = { ...process.env, ...(counting ? { PUBLIC_TALLY_URL: tally } : { PUBLIC_TALLY_URL: '' }) };

const build = spawnSync('node_modules/.bin/astro', ['build'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', '4321'], { stdio: 'inherit', env })];
if (counting) {
  const port = new URL(tally).port || '4400';
  children.push(
    spawn(process.execPath, ['src/server/tally/server.ts'], {
      stdio: 'inherit',
      env: { ...process.env, TALLY_PORT: port, TALLY_ORIGIN: process.env.TALLY_ORIGIN ?? site },
    }),
  );
}
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
