/**
 * Raw DEFLATE through the browser's own (De)CompressionStream: no library
 * shipped. Available in every browser the course supports (Chromium 80+,
 * Firefox 113+, Safari 16.4+) and in Node; callers keep a plain fallback.
 */
type Pair = ReadableWritablePair<Uint8Array, Uint8Array>;

export const canDeflate = (): boolean =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function pipe(bytes: Uint8Array, stream: Pair, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw') as Pair, Infinity);
}

/** Throws RangeError past `limit` bytes (a small code that inflates hugely is refused, not unpacked). */
export function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate-raw') as Pair, limit);
}
