/** The counting service over real HTTP on loopback, with a fresh SQLite file per test. */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTallyServer } from '../../src/server/tally/http.ts';
import { SqliteTallyStore, isoWeek, suppress } from '../../src/server/tally/sqlite-store.ts';

const ORIGIN = 'https://course.example.be';
const MODULES = ['machine-learning', 'what-is-ai'];
const running: { server: Server; store: SqliteTallyStore }[] = [];

async function start(perMinute = 0) {
  const store = new SqliteTallyStore(join(mkdtempSync(join(tmpdir(), 'tally-')), 't.sqlite'), 'test-salt');
  const server = createTallyServer({ store, modules: MODULES, origin: ORIGIN, perMinute, cacheMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  running.push({ server, store });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { store, base };
}
afterEach(async () => {
  for (const { server, store } of running.splice(0)) {
    await new Promise((r) => server.close(r));
    await store.close();
  }
});

const token = (i: number) => `tok${String(i).padStart(19, '0')}`;
const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const aggregates = async (base: string) => (await fetch(`${base}/api/aggregates`)).json();

describe('counting service: validation', () => {
  it('refuses every malformed body, unknown value, oversized body and wrong content type with a 4xx, and stores nothing', async () => {
    const { base, store } = await start();
    const good = { token: token(1), item: 'what-is-ai', lang: 'nl' };
    const bad: [string, () => Promise<Response>, number][] = [
      ['not JSON', () => post(base, '{"token":'), 400],
      ['an array', () => post(base, [good]), 400],
      ['unknown module', () => post(base, { ...good, item: 'astrology' }), 400],
      ['unknown language', () => post(base, { ...good, lang: 'es' }), 400],
      ['unknown region', () => post(base, { ...good, region: 'atlantis' }), 400],
      ['unknown age band', () => post(base, { ...good, age: '12-14' }), 400],
      ['bad token', () => post(base, { ...good, token: 'short' }), 400],
      ['token with other characters', () => post(base, { ...good, token: 'x'.repeat(21) + '!' }), 400],
      ['an extra field', () => post(base, { ...good, name: 'Jan' }), 400],
      ['a missing field', () => post(base, { token: good.token, item: good.item }), 400],
      ['oversized', () => post(base, { ...good, pad: 'x'.repeat(5000) }), 413],
      ['text/plain', () => post(base, good, { 'Content-Type': 'text/plain' }), 415],
      ['form', () => post(base, 'token=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
      ['GET on the write route', () => fetch(`${base}/api/completions`), 405],
      ['another site', () => post(base, good, { Origin: 'https://evil.example' }), 403],
    ];
    for (const [name, request, status] of bad) {
      const response = await request();
      expect(response.status, name).toBe(status);
      expect(await response.json(), name).toHaveProperty('error');
    }
    expect(store.size()).toBe(0);
    expect((await post(base, good, { Origin: ORIGIN })).status).toBe(201);
    expect(store.size()).toBe(1);
  });
});

describe('counting service: counting', () => {
  it('counts a token once per module and once for the course', async () => {
    const { base, store } = await start();
    for (let i = 0; i < 12; i++) {
      expect((await post(base, { token: token(i), item: 'what-is-ai', lang: 'fr' })).status).toBe(201);
      expect((await post(base, { token: token(i), item: 'what-is-ai', lang: 'fr' })).status).toBe(200);
      expect(await (await post(base, { token: token(i), item: 'what-is-ai', lang: 'nl' })).json()).toEqual({ counted: false });
    }
    for (let i = 0; i < 11; i++) await post(base, { token: token(i), item: 'course', lang: 'fr' });
    await post(base, { token: token(0), item: 'course', lang: 'fr' });
    expect(store.size()).toBe(23);
    const a = await aggregates(base);
    expect(a.anyModule).toBe(12);
    expect(a.modules['what-is-ai']).toBe(12);
    expect(a.course).toBe(11);
    expect(a.languages.fr).toBe(12);
    expect(a.weeks).toEqual([{ week: isoWeek(new Date()), people: 12 }]);
  });

  it('publishes no cell under 10 people: small ones are merged into "other" or hidden', async () => {
    const { base } = await start();
    let n = 0;
    const add = async (count: number, extra: Record<string, string>) => {
      for (let i = 0; i < count; i++) await post(base, { token: token(n++), item: 'what-is-ai', ...extra });
    };
    await add(12, { lang: 'nl', region: 'flanders' });
    await add(3, { lang: 'de', region: 'german-community' });
    await add(9, { lang: 'fr', region: 'wallonia' });
    await add(4, { lang: 'en' });
    const a = await aggregates(base);
    expect(a.regions).toEqual({ flanders: 12, wallonia: null, brussels: null, 'german-community': null, outside: null, other: 12 });
    expect(a.languages).toEqual({ nl: 12, fr: null, de: null, en: null, other: 16 });
    expect(a.modules).toEqual({ 'machine-learning': null, 'what-is-ai': 28 });
    expect(a.course).toBeNull();
    expect(JSON.stringify(a)).not.toMatch(/"(3|4|9)"|:3[,}]|:4[,}]|:9[,}]/);
  });

  it('suppress() hides small cells and a small "other"', () => {
    expect(suppress({ a: 15, b: 2, c: 3 }, ['a', 'b', 'c'], true)).toEqual({ a: 15, b: null, c: null, other: null });
    expect(suppress({ a: 9 }, ['a'], false)).toEqual({ a: null });
  });
});

describe('counting service: CORS and rate limiting', () => {
  it('answers preflight only for the site’s origin', async () => {
    const { base } = await start();
    const ok = await fetch(`${base}/api/completions`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await fetch(`${base}/api/completions`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${base}/api/aggregates`, { headers: { Origin: ORIGIN } });
    expect(read.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('limits requests per client address', async () => {
    const { base } = await start(5);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(base, { token: token(i), item: 'what-is-ai', lang: 'en' })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});

describe('ISO weeks', () => {
  it('follows ISO 8601', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-11-25T12:00:00Z'))).toBe('2026-W48');
  });
});
