#!/usr/bin/env node
/**
 * The counting service: `node src/server/tally/server.ts` (Node 24 runs the
 * TypeScript directly). Configuration by environment:
 *
 *   TALLY_PORT        port (default 4400), on TALLY_HOST (default 127.0.0.1)
 *   TALLY_DB          SQLite file (default data/tally.sqlite; the folder is created)
 *   TALLY_SALT_FILE   file holding the secret that hashes tokens (default data/tally.salt; made on first start)
 *   TALLY_ORIGIN      the site's origin allowed by CORS (e.g. https://example.be)
 *   TALLY_RATE        requests per address per minute (default 60; 0 = off)
 *   TALLY_TRUST_PROXY 1 to read client addresses from X-Forwarded-For
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTallyServer } from './http.ts';
import { SqliteTallyStore } from './sqlite-store.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const env = process.env;
const dbPath = resolve(env.TALLY_DB ?? join(root, 'data/tally.sqlite'));
const saltPath = resolve(env.TALLY_SALT_FILE ?? join(dirname(dbPath), 'tally.salt'));
mkdirSync(dirname(dbPath), { recursive: true });
if (!existsSync(saltPath)) writeFileSync(saltPath, randomBytes(32).toString('base64url'), { mode: 0o600 });
const salt = readFileSync(saltPath, 'utf8').trim();

// The known modules are the course's modules (content/modules/en/<module>/).
const modules = readdirSync(join(root, 'content/modules/en'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const store = new SqliteTallyStore(dbPath, salt, { backgroundCheckpoints: true });
const server = createTallyServer({
  store,
  modules,
  origin: env.TALLY_ORIGIN ?? '',
  perMinute: Number(env.TALLY_RATE ?? 60),
  trustProxy: env.TALLY_TRUST_PROXY === '1',
});
const port = Number(env.TALLY_PORT ?? 4400);
const host = env.TALLY_HOST ?? '127.0.0.1';
server.listen(port, host, () => console.log(`Counting service on http://${host}:${port} (data: ${dbPath})`));

const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
