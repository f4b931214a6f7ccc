/**
 * The counting service's HTTP side (node:http, no framework):
 *
 *   POST /api/completions   application/json, ≤ 1 KB, validated (model.ts)
 *                           201 {"counted":true} | 200 {"counted":false} (already counted)
 *   GET  /api/aggregates    the published numbers, small cells suppressed
 *   OPTIONS                 CORS preflight, for the site's origin only
 *
 * Refusals are 4xx with {"error": "<code>"}, and store nothing. Requests are
 * rate-limited per client address, kept in memory only for the window; no
 * address or token is logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { completionSchema, MAX_BODY_BYTES, type Aggregates } from './model.ts';
import type { TallyStore } from './storage.ts';

export interface TallyOptions {
  store: TallyStore;
  /** The course's module ids (known items besides "course"). */
  modules: readonly string[];
  /** The site's origin, e.g. "https://ai4belgium.be"; the only one allowed by CORS. Empty: same-origin only. */
  origin: string;
  /** Requests per client address per minute; 0 switches the limit off (benchmarks on loopback). */
  perMinute: number;
  /** Read the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
  /** How long the aggregates may be served from memory (ms). */
  cacheMs?: number;
}

export function createTallyServer(options: TallyOptions): Server {
  const schema = completionSchema(options.modules);
  const hits = new Map<string, { start: number; count: number }>();
  let cached: { at: number; body: string } | null = null;
  let computing: Promise<Aggregates> | null = null;
  const cacheMs = options.cacheMs ?? 2000;

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, v] of hits) if (now - v.start > 60_000) hits.delete(key);
  }, 60_000);
  sweep.unref();

  function limited(req: IncomingMessage): boolean {
    if (options.perMinute <= 0) return false;
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
    const key = forwarded || req.socket.remoteAddress || 'unknown';
    const now = Date.now();
    const entry = hits.get(key);
    if (!entry || now - entry.start > 60_000) {
      hits.set(key, { start: now, count: 1 });
      return false;
    }
    entry.count++;
    return entry.count > options.perMinute;
  }

  function send(res: ServerResponse, status: number, body: unknown, cors: boolean) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(cors && options.origin ? { 'Access-Control-Allow-Origin': options.origin, Vary: 'Origin' } : {}),
    });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return 'too-large';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return 'too-large';
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  return createServer(async (req, res) => {
    const origin = req.headers.origin;
    const allowed = !origin || origin === options.origin;
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'OPTIONS') {
        if (!allowed || !origin) return send(res, 403, { error: 'origin' }, false);
        res.writeHead(204, {
          'Access-Control-Allow-Origin': options.origin,
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
          Vary: 'Origin',
        });
        return res.end();
      }
      if (path === '/api/aggregates') {
        if (req.method !== 'GET') return send(res, 405, { error: 'method' }, allowed);
        if (limited(req)) return send(res, 429, { error: 'rate-limit' }, allowed);
        if (!cached || Date.now() - cached.at > cacheMs) {
          computing ??= options.store.aggregates(options.modules).finally(() => (computing = null));
          cached = { at: Date.now(), body: JSON.stringify(await computing) };
        }
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'public, max-age=60',
          ...(allowed && options.origin ? { 'Access-Control-Allow-Origin': options.origin, Vary: 'Origin' } : {}),
        });
        return res.end(cached.body);
      }
      if (path === '/api/completions') {
        if (req.method !== 'POST') return send(res, 405, { error: 'method' }, allowed);
        if (!allowed) return send(res, 403, { error: 'origin' }, false);
        if (limited(req)) return send(res, 429, { error: 'rate-limit' }, allowed);
        const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/json') return send(res, 415, { error: 'content-type' }, allowed);
        const body = await readBody(req);
        if (body === 'too-large') {
          res.setHeader('Connection', 'close');
          return send(res, 413, { error: 'too-large' }, allowed);
        }
        let data: unknown;
        try {
          data = JSON.parse(body);
        } catch {
          return send(res, 400, { error: 'json' }, allowed);
        }
        const parsed = schema.safeParse(data);
        if (!parsed.success) return send(res, 400, { error: 'invalid' }, allowed);
        const counted = await options.store.record(parsed.data as never, new Date());
        if (counted) cached = null;
        return send(res, counted ? 201 : 200, { counted }, allowed);
      }
      return send(res, 404, { error: 'not-found' }, allowed);
    } catch {
      if (!res.headersSent) send(res, 500, { error: 'server' }, allowed);
      else res.destroy();
    }
  });
}
