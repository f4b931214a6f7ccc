import { describe, expect, it } from 'vitest';
import { backupText, MAX_BACKUP_CHARS, parseBackup, planMerge } from '../../src/lib/progress/backup';
import { canonicalJson, crc32 } from '../../src/lib/progress/checksum';
import { failureOf } from '../../src/lib/progress/client';
import type { AnswerRecord } from '../../src/lib/progress/schema';

const rec = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  exerciseId: 'm1-day-spot-ai',
  moduleId: 'what-is-ai',
  sectionId: 'ai-in-your-day',
  type: 'multiple',
  response: { type: 'multiple', selected: [0, 1, 3] },
  score: 2,
  maxScore: 2,
  attempts: 2,
  firstAnsweredAt: '2026-03-01T10:00:00.000Z',
  answeredAt: '2026-03-02T10:00:00.000Z',
  ...over,
});

const answers: AnswerRecord[] = [
  rec(),
  rec({ exerciseId: 'm1-history-dartmouth', type: 'number', response: { type: 'number', value: 118256, text: '118 256' }, score: 1, maxScore: 1, attempts: 1 }),
  rec({ exerciseId: 'm1-which', type: 'single', response: { type: 'single', selected: 1 }, score: 0, maxScore: 1 }),
  rec({ exerciseId: 'm4-lab-points', moduleId: 'machine-learning', sectionId: 'classify', type: 'lab', response: { type: 'lab', value: 0.95 }, score: 3, maxScore: 3 }),
];
const NOW = new Date('2026-11-25T12:00:00Z');

/** Re-signs an edited file, as a careful attacker would, so that only the content checks can refuse it. */
function resign(data: Record<string, unknown>): string {
  const { checksum: _drop, ...body } = data;
  return JSON.stringify({ ...body, checksum: crc32(canonicalJson(body)) });
}
const good = () => JSON.parse(backupText(answers, NOW)) as Record<string, unknown> & { answers: Record<string, unknown>[] };

describe('checksum', () => {
  it('is the standard CRC-32', () => {
    expect(crc32('123456789')).toBe('cbf43926');
    expect(crc32('')).toBe('00000000');
    expect(crc32('België')).not.toBe(crc32('Belgie'));
  });
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
  });
});

describe('progress file: round trip', () => {
  it('reads back exactly what was written', () => {
    const parsed = parseBackup(backupText(answers, NOW));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(1);
    expect(parsed.backup.exportedAt).toBe('2026-11-25T12:00:00.000Z');
    const byId = (a: AnswerRecord, b: AnswerRecord) => a.exerciseId.localeCompare(b.exerciseId);
    expect(parsed.backup.answers.sort(byId)).toEqual([...answers].sort(byId));
  });
  it('accepts the same file with its keys in another order', () => {
    const data = good();
    const reordered = { checksum: data.checksum, answers: data.answers, version: data.version, exportedAt: data.exportedAt, format: data.format };
    expect(parseBackup(JSON.stringify(reordered)).ok).toBe(true);
  });
  it('holds an empty progress too', () => {
    const parsed = parseBackup(backupText([], NOW));
    expect(parsed.ok && parsed.backup.answers).toEqual([]);
  });
});

describe('progress file: refused, with the reason', () => {
  const refused = (text: string) => {
    const r = parseBackup(text);
    return r.ok ? 'accepted' : r.error;
  };
  it('empty, truncated or not JSON', () => {
    expect(refused('')).toBe('empty');
    expect(refused('   ')).toBe('empty');
    const text = backupText(answers, NOW);
    expect(refused(text.slice(0, text.length / 2))).toBe('not-json');
    expect(refused(text.slice(0, -1))).toBe('not-json');
    expect(refused('\u0089PNG\r\n')).toBe('not-json');
  });
  it('oversized', () => {
    expect(refused(' '.repeat(MAX_BACKUP_CHARS) + '{}')).toBe('too-large');
  });
  it('another kind of JSON', () => {
    expect(refused('[]')).toBe('not-progress');
    expect(refused('{"hello":"world"}')).toBe('not-progress');
    expect(refused('null')).toBe('not-progress');
  });
  it('a future or unknown version', () => {
    expect(refused(resign({ ...good(), version: 2 }))).toBe('future-version');
    expect(refused(resign({ ...good(), version: 99 }))).toBe('future-version');
    expect(refused(resign({ ...good(), version: 0 }))).toBe('unknown-version');
    expect(refused(resign({ ...good(), version: '1' }))).toBe('unknown-version');
    expect(refused(resign({ ...good(), version: 1.5 }))).toBe('unknown-version');
  });
  it('a changed answer without a matching checksum', () => {
    const data = good();
    data.answers[0].score = 0;
    expect(refused(JSON.stringify(data))).toBe('checksum');
    expect(refused(JSON.stringify({ ...good(), checksum: undefined }))).toBe('checksum');
  });
  it('script or markup in any text field, even re-signed', () => {
    for (const field of ['exerciseId', 'moduleId', 'sectionId', 'answeredAt']) {
      const data = good();
      data.answers[1][field] = '<img src=x onerror=alert(1)>';
      expect(refused(resign(data)), field).toBe('unsafe');
    }
    const data = good();
    (data.answers[1].response as Record<string, unknown>).text = '<script>alert(1)</script>';
    expect(refused(resign(data))).toBe('unsafe');
    const bidi = good();
    bidi.answers[0].exerciseId = 'm1-\u202eevil';
    expect(refused(resign(bidi))).toBe('unsafe');
    const url = good();
    url.answers[0].sectionId = 'javascript:alert(1)';
    expect(refused(resign(url))).toBe('unsafe');
  });
  it('prototype-pollution keys at any depth', () => {
    const text = backupText(answers, NOW);
    expect(refused(text.replace('"format"', '"__proto__": {"polluted": true}, "format"'))).toBe('unsafe');
    expect(refused(text.replace('"attempts"', '"constructor": {"prototype": {"x": 1}}, "attempts"'))).toBe('unsafe');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('records of the wrong shape, even re-signed', () => {
    const cases: Array<(d: ReturnType<typeof good>) => void> = [
      (d) => (d.answers[0].score = 5), // more than the maximum
      (d) => (d.answers[0].score = -1),
      (d) => (d.answers[0].score = 'all'),
      (d) => (d.answers[0].attempts = 0),
      (d) => (d.answers[0].answeredAt = 'yesterday'),
      (d) => (d.answers[0].firstAnsweredAt = '2027-01-01T00:00:00.000Z'), // after the latest answer
      (d) => (d.answers[0].exerciseId = 'M1 SPACES'),
      (d) => (d.answers[0].extra = 1),
      (d) => delete d.answers[0].moduleId,
      (d) => (d.answers[0].type = 'single'), // type and response disagree
      (d) => (d.answers[0].response = { type: 'multiple', selected: [1, 1] }),
      (d) => (d.answers[0].response = { type: 'multiple', selected: [-1] }),
      (d) => (d.answers[1].response = { type: 'number', value: 'NaN', text: '3' }),
      (d) => (d.answers[1].response = { type: 'number', value: 3, text: 'three apples' }),
      (d) => (d.answers[3].response = { type: 'lab', value: 0.9, model: 'x' }),
      (d) => d.answers.push({ ...d.answers[0] }), // the same exercise twice
      (d) => (d.answers = {} as never),
      (d) => (d.exportedAt = 12),
      (d) => (d.note = 'hi'),
    ];
    for (const [i, edit] of cases.entries()) {
      const data = good();
      edit(data);
      expect(refused(resign(data)), `case ${i}`).toBe('invalid');
    }
  });
});

describe('merge plan', () => {
  it('newer answer wins; attempts and first time are kept from both', () => {
    const existing = new Map([
      ['a', rec({ exerciseId: 'a', answeredAt: '2026-03-05T00:00:00.000Z', attempts: 4 })],
      ['b', rec({ exerciseId: 'b', answeredAt: '2026-03-01T00:00:00.000Z', firstAnsweredAt: '2026-02-01T00:00:00.000Z', attempts: 5 })],
    ]);
    const plan = planMerge(existing, [
      rec({ exerciseId: 'a', answeredAt: '2026-03-04T00:00:00.000Z', score: 0 }),
      rec({ exerciseId: 'b', answeredAt: '2026-03-06T00:00:00.000Z', score: 0, attempts: 1 }),
      rec({ exerciseId: 'c' }),
    ]);
    expect([plan.added, plan.updated, plan.kept]).toEqual([1, 1, 1]);
    expect(plan.write.map((r) => r.exerciseId)).toEqual(['b', 'c']);
    expect(plan.write[0]).toMatchObject({ score: 0, attempts: 5, firstAnsweredAt: '2026-02-01T00:00:00.000Z' });
  });
  it('importing the same file twice changes nothing the second time', () => {
    const existing = new Map(answers.map((a) => [a.exerciseId, a]));
    const plan = planMerge(existing, answers);
    expect(plan).toMatchObject({ write: [], added: 0, updated: 0, kept: answers.length });
  });
});

describe('save failures', () => {
  it('recognises a full disk through Dexie’s wrapping', () => {
    expect(failureOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(failureOf({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(failureOf({ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } })).toBe('failed');
    expect(failureOf(undefined)).toBe('failed');
  });
});

describe('progress file: mutated files', () => {
  it('thousands of random edits never throw, and only harmless ones (whitespace) are accepted', () => {
    const text = backupText(answers, NOW);
    const original = parseBackup(text);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = '{}[]":,0123456789abcdefxyz<>-_ \n\\\u202e';
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const chars = [...text];
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * chars.length);
        const kind = random();
        if (kind < 0.4) chars[at] = alphabet[Math.floor(random() * alphabet.length)];
        else if (kind < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, alphabet[Math.floor(random() * alphabet.length)]);
      }
      const mutated = chars.join('');
      const result = parseBackup(mutated);
      if (result.ok) {
        accepted++;
        // Anything accepted carries exactly the original data.
        expect(result).toEqual(original);
      }
    }
    expect(accepted).toBeLessThan(300);
  });
});
