import { describe, expect, it } from 'vitest';
import { backupText, parseBackup } from '../../src/lib/progress/backup';
import {
  addPart,
  assemble,
  codeFromPaste,
  decodeTransfer,
  encodeTransfer,
  missingParts,
  parsePart,
  PART_SIZE,
  splitCode,
  type PartSet,
} from '../../src/lib/progress/transfer-code';
import type { AnswerRecord } from '../../src/lib/progress/schema';

const many: AnswerRecord[] = Array.from({ length: 120 }, (_, i) => ({
  exerciseId: `m${(i % 6) + 1}-exercise-${i}`,
  moduleId: ['what-is-ai', 'machine-learning', 'neural-networks'][i % 3],
  sectionId: `section-${i % 4}`,
  type: 'single',
  response: { type: 'single', selected: i % 4 },
  score: i % 2,
  maxScore: 1,
  attempts: 1 + (i % 3),
  firstAnsweredAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
  answeredAt: new Date(Date.UTC(2026, 2, 2, 0, i)).toISOString(),
}));
const file = backupText(many, new Date('2026-11-25T12:00:00Z'));

describe('transfer code', () => {
  it('round-trips the progress file exactly, compressed', async () => {
    const code = await encodeTransfer(file);
    expect(code).toMatch(/^AIB1\.z\.[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(file.length / 3);
    const back = await decodeTransfer(code);
    expect(back).toEqual({ ok: true, text: file });
    expect(back.ok && parseBackup(back.text).ok).toBe(true);
  });

  it('ignores spaces and line breaks a learner may paste with it', async () => {
    const code = await encodeTransfer(file);
    const spaced = code.replace(/(.{40})/g, '$1\n ');
    expect(await decodeTransfer(spaced)).toEqual({ ok: true, text: file });
  });

  it('refuses damaged, unknown and oversized codes', async () => {
    const code = await encodeTransfer(file);
    expect(await decodeTransfer('hello')).toEqual({ ok: false, error: 'code-damaged' });
    expect(await decodeTransfer(code.slice(0, code.length - 30))).toEqual({ ok: false, error: 'code-damaged' });
    expect(await decodeTransfer(code.replace('AIB1', 'AIB2'))).toEqual({ ok: false, error: 'code-unsupported' });
    expect(await decodeTransfer(code.replace('.z.', '.q.'))).toEqual({ ok: false, error: 'code-unsupported' });
    expect(await decodeTransfer('AIB1.z.' + 'A'.repeat(20_000))).toEqual({ ok: false, error: 'code-too-large' });
  });

  it('a flipped character is caught by the inflater or by the file’s checksum', async () => {
    const code = await encodeTransfer(file);
    const i = Math.floor(code.length / 2);
    const flipped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    const back = await decodeTransfer(flipped);
    expect(back.ok ? parseBackup(back.text).ok : false).toBe(false);
  });
});

describe('QR parts', () => {
  it('cuts a code into numbered parts that reassemble in any order', async () => {
    const code = await encodeTransfer(file);
    const parts = splitCode(code)!;
    expect(parts.length).toBe(Math.ceil(code.length / PART_SIZE));
    expect(parts.length).toBeGreaterThan(1);
    let set: PartSet | null = null;
    for (const p of [...parts].reverse()) set = addPart(set, parsePart(p)!);
    expect(missingParts(set!)).toEqual([]);
    expect(assemble(set!)).toEqual({ ok: true, code });
  });

  it('says which parts are still missing', async () => {
    const parts = splitCode(await encodeTransfer(file), 200)!;
    let set: PartSet | null = null;
    set = addPart(set, parsePart(parts[0])!);
    set = addPart(set, parsePart(parts[2])!);
    expect(missingParts(set)).toEqual([2, ...Array.from({ length: parts.length - 3 }, (_, i) => i + 4)]);
  });

  it('a part of another code starts a new set; a forged part fails the checksum', async () => {
    const a = splitCode(await encodeTransfer(file), 300)!;
    const b = splitCode(await encodeTransfer(backupText(many.slice(0, 60))), 300)!;
    let set = addPart(null, parsePart(a[0])!);
    set = addPart(set, parsePart(b[1])!);
    expect(Object.keys(set.parts)).toEqual(['2']);
    const forged = a.map((p, i) => (i === 1 ? p.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')) : p));
    let f: PartSet | null = null;
    for (const p of forged) f = addPart(f, parsePart(p)!);
    expect(assemble(f!)).toEqual({ ok: false, error: 'code-mixed' });
  });

  it('refuses malformed parts', () => {
    for (const bad of ['', '1.1.zzzzzzzz.abc', '0.2.0123abcd.abc', '3.2.0123abcd.abc', '1.21.0123abcd.abc', '1.2.0123abcd.<script>']) {
      expect(parsePart(bad), bad).toBeNull();
    }
  });

  it('gives up (use a file) when the code would need too many codes', () => {
    expect(splitCode('x'.repeat(PART_SIZE * 21))).toBeNull();
  });

  it('reads pasted links or parts in any order, or a whole code', async () => {
    const code = await encodeTransfer(file);
    const parts = splitCode(code)!;
    const links = parts.map((p) => `https://example.be/nl/progress/#move=${p}`).reverse().join('\n');
    expect(codeFromPaste(links)).toEqual({ ok: true, code });
    expect(codeFromPaste(`  ${code}  `)).toEqual({ ok: true, code });
    expect(codeFromPaste(parts.slice(1).join(' '))).toEqual({ ok: false, error: 'code-damaged', missing: [1] });
    expect(codeFromPaste('nonsense')).toMatchObject({ ok: false, error: 'code-damaged' });
  });
});
