import { describe, expect, it } from 'vitest';
import { decodeJoin, decodeShort, encodeJoin, encodeShort, isValidDate, type Assignment, type CourseOrder } from '../../src/lib/classroom/assignment';
import { classesFileText, parseClassesFile } from '../../src/lib/classroom/classes-file';
import { csvSeparator, toCsv } from '../../src/lib/classroom/csv';
import { classRows, filterRows, isLate, mergeReceipt, mostMissed, sortRows, type TeachCatalog } from '../../src/lib/classroom/dashboard';
import { buildReceipt, decodeReceipt, encodeReceipt, receiptCodeIn, type Receipt } from '../../src/lib/classroom/receipt';
import { checkText, ID_PATTERN, randomId } from '../../src/lib/classroom/text';
import type { AnswerRecord, ClassRecord } from '../../src/lib/progress/schema';

const course: CourseOrder = {
  modules: [
    { id: 'what-is-ai', order: 1, sections: [{ id: 'ai-in-your-day', order: 1 }, { id: 'defining-ai', order: 2 }, { id: 'history', order: 3 }] },
    { id: 'machine-learning', order: 4, sections: [{ id: 'learning-from-examples', order: 1 }, { id: 'regression', order: 3 }] },
  ],
};
const catalog: TeachCatalog = {
  modules: [
    {
      id: 'what-is-ai', order: 1, label: 'Module 1',
      sections: [
        { id: 'ai-in-your-day', order: 1, label: 'AI in your day', exercises: [{ id: 'm1-a', maxScore: 2, question: 'Q a' }, { id: 'm1-b', maxScore: 1, question: 'Q b' }] },
        { id: 'history', order: 3, label: 'History', exercises: [{ id: 'm1-c', maxScore: 1, question: 'Q c' }] },
      ],
    },
    {
      id: 'machine-learning', order: 4, label: 'Module 4',
      sections: [{ id: 'regression', order: 3, label: 'Regression', exercises: [{ id: 'm4-a', maxScore: 3, question: 'Q d' }] }],
    },
  ],
};
const assignment: Assignment = { classId: 'K7M2Q9XA', name: 'Klas 5B – Latijn-Wiskunde', items: ['what-is-ai', 'machine-learning/regression'], due: '2026-12-04', message: 'Tegen vrijdag, veel succes!' };

describe('join link', () => {
  it('round-trips an assignment', () => {
    const code = encodeJoin(assignment);
    expect(code).toMatch(/^J1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeJoin(code)).toEqual({ ok: true, value: assignment });
    const bare = { classId: 'AB12CD34', name: 'Classe 3', items: ['what-is-ai/history'] };
    expect(decodeJoin(encodeJoin(bare))).toEqual({ ok: true, value: bare });
  });
  it('refuses damaged, unknown-version and invalid links', () => {
    const code = encodeJoin(assignment);
    expect(decodeJoin(code.slice(0, -3) + 'fff')).toMatchObject({ ok: false, error: 'join-damaged' });
    expect(decodeJoin(code.replace('J1.', 'J2.'))).toMatchObject({ ok: false, error: 'join-version' });
    expect(decodeJoin('hello')).toMatchObject({ ok: false, error: 'join-damaged' });
    expect(decodeJoin('J1.' + 'A'.repeat(5000) + '.00000000')).toMatchObject({ ok: false, error: 'join-too-large' });
    for (const bad of [
      { ...assignment, name: '<script>alert(1)</script>' },
      { ...assignment, name: 'x'.repeat(61) },
      { ...assignment, name: 'Klas \u202eB5' },
      { ...assignment, items: [] },
      { ...assignment, items: ['../etc'] },
      { ...assignment, due: '2026-02-30' },
      { ...assignment, classId: 'short' },
    ]) {
      expect(decodeJoin(encodeJoin(bad as Assignment)), JSON.stringify(bad)).toMatchObject({ ok: false, error: 'join-invalid' });
    }
  });
  it('knows real dates', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2027-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
  });
});

describe('short code', () => {
  it('carries class, items and due date in a code a pupil can type', () => {
    const code = encodeShort(assignment, course)!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    expect(code.replace(/-/g, '').length).toBeLessThanOrEqual(20);
    const back = decodeShort(code, course);
    expect(back).toEqual({ ok: true, value: { classId: assignment.classId, name: '', items: assignment.items, due: assignment.due } });
  });
  it('forgives case, spaces and the letters people confuse with digits', () => {
    const code = encodeShort({ ...assignment, classId: '10101010' }, course)!;
    const typed = code.toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o').replace(/-/g, ' ');
    expect(decodeShort(typed, course)).toMatchObject({ ok: true, value: { classId: '10101010' } });
  });
  it('refuses a mistyped code and items this course does not have', () => {
    const code = encodeShort(assignment, course)!;
    const i = 6;
    const swapped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(decodeShort(swapped, course)).toMatchObject({ ok: false });
    expect(decodeShort(code + 'ZZZZ', course)).toMatchObject({ ok: false });
    expect(decodeShort(code, { modules: [] })).toMatchObject({ ok: false, error: 'join-unknown-items' });
    expect(encodeShort({ ...assignment, items: ['neural-networks'] }, course)).toBeNull();
  });
});

const records = new Map<string, AnswerRecord>(
  [
    ['m1-a', 2, '2026-11-20T10:00:00.000Z'],
    ['m1-b', 0, '2026-11-20T10:05:00.000Z'],
    ['m4-a', 3, '2026-11-21T09:00:00.000Z'],
    ['m9-other', 1, '2026-11-21T09:00:00.000Z'],
  ].map(([id, score, at]) => [
    id as string,
    { exerciseId: id as string, moduleId: 'x', sectionId: 'y', type: 'single', response: { type: 'single', selected: 0 }, score: score as number, maxScore: id === 'm1-a' ? 2 : id === 'm4-a' ? 3 : 1, attempts: 1, firstAnsweredAt: at as string, answeredAt: at as string },
  ]),
);
const exercisesOf = (item: string) =>
  ({ 'what-is-ai': ['m1-a', 'm1-b', 'm1-c'], 'machine-learning/regression': ['m4-a'] })[item] ?? [];
const membership = { assignment, pupilId: 'P1P1P1P1', displayName: 'Jonas' };

describe('receipt', () => {
  it('holds the assigned exercises’ points and dates, nothing else, and round-trips', async () => {
    const receipt = buildReceipt(membership, records, exercisesOf, new Date('2026-11-22T08:00:00Z'));
    expect(receipt.answers.map((a) => a.id)).toEqual(['m1-a', 'm1-b', 'm4-a']);
    const code = await encodeReceipt(receipt);
    expect(code.length).toBeLessThan(600);
    expect(await decodeReceipt(code, assignment.classId)).toEqual({ ok: true, value: receipt });
    expect(await decodeReceipt(`https://example.be/nl/teach/class/#r=${code}`)).toEqual({ ok: true, value: receipt });
    expect(receiptCodeIn(JSON.stringify({ format: 'ai4belgium-receipt', code }))).toBe(code);
  });
  it('refuses a receipt for another class, a mangled one, an unknown version, an oversized one', async () => {
    const code = await encodeReceipt(buildReceipt(membership, records, exercisesOf));
    expect(await decodeReceipt(code, 'ZZZZZZZZ')).toEqual({ ok: false, error: 'receipt-other-class' });
    expect(await decodeReceipt(code.slice(0, 30) + (code[30] === 'x' ? 'y' : 'x') + code.slice(31))).toMatchObject({ ok: false, error: 'receipt-damaged' });
    expect(await decodeReceipt(code.replace('R1.', 'R7.'))).toMatchObject({ ok: false, error: 'receipt-version' });
    expect(await decodeReceipt('R1.z.' + 'A'.repeat(30_000) + '.00000000')).toMatchObject({ ok: false, error: 'receipt-too-large' });
  });
  it('refuses malicious display names', async () => {
    for (const name of ['<img src=x onerror=alert(1)>', 'Eve\u202etxt.exe', 'x'.repeat(10_000), '   ', 'zero\u200bwidth']) {
      const code = await encodeReceipt({ ...buildReceipt(membership, records, exercisesOf), name });
      expect(await decodeReceipt(code), JSON.stringify(name).slice(0, 30)).toEqual({ ok: false, error: 'receipt-name' });
    }
    expect(checkText('Amélie 😊', 40)).toBeNull();
    expect(checkText('Ahmed al-Hassan', 40)).toBeNull();
  });
  it('makes ids from the unambiguous alphabet', () => {
    for (let i = 0; i < 50; i++) expect(randomId()).toMatch(ID_PATTERN);
  });
});

describe('fuzz: thousands of random and mutated links and receipts', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#=<>%\u202e ';
  const mutate = (text: string) => {
    const chars = [...text];
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * (chars.length + 1));
      const kind = random();
      const ch = alphabet[Math.floor(random() * alphabet.length)];
      if (kind < 0.4) chars[at] = ch;
      else if (kind < 0.7) chars.splice(at, 1);
      else chars.splice(at, 0, ch);
    }
    return chars.join('');
  };
  const noise = () => Array.from({ length: Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

  it('join links and short codes: never throw; only the original is accepted', () => {
    const link = encodeJoin(assignment);
    const short = encodeShort(assignment, course)!;
    for (let i = 0; i < 4000; i++) {
      const input = i % 4 === 0 ? noise() : mutate(i % 2 ? link : short);
      const a = decodeJoin(input);
      if (a.ok) expect(a.value).toEqual(assignment);
      const b = decodeShort(input, course);
      if (b.ok) expect(b.value.classId).toBe(assignment.classId);
      if (b.ok) expect(b.value.items).toEqual(assignment.items);
    }
  });

  it('receipts: never throw; nothing damaged is accepted', async () => {
    const receipt = buildReceipt(membership, records, exercisesOf, new Date('2026-11-22T08:00:00Z'));
    const code = await encodeReceipt(receipt);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const input = i % 5 === 0 ? 'R1.z.' + noise() + '.' + noise().slice(0, 8) : mutate(code);
      const r = await decodeReceipt(input, receipt.classId);
      if (r.ok) {
        accepted++;
        expect(r.value).toEqual(receipt); // only harmless edits (spaces) survive
      }
    }
    expect(accepted).toBeLessThan(300);
  });
});

const receiptOf = (pupilId: string, name: string, handedInAt: string, answers: [string, number, number][]): Receipt => ({
  classId: assignment.classId, pupilId, name, handedInAt, items: assignment.items,
  answers: answers.map(([id, score, max]) => ({ id, score, max, at: '2026-11-20T10:00:00.000Z' })),
});
const receipts = [
  receiptOf('AAAAAAAA', 'Lotte', '2026-12-03T15:00:00.000Z', [['m1-a', 2, 2], ['m1-b', 1, 1], ['m1-c', 1, 1], ['m4-a', 3, 3]]),
  receiptOf('BBBBBBBB', 'Mehdi', '2026-12-06T15:00:00.000Z', [['m1-a', 1, 2], ['m1-b', 0, 1]]),
  receiptOf('CCCCCCCC', 'Zoë', '2026-12-04T20:00:00.000Z', [['m1-a', 0, 2], ['m4-a', 3, 3], ['m1-c', 9, 9]]),
];

describe('dashboard', () => {
  it('counts per pupil and item, caps points at the exercise’s worth, marks late hand-ins', () => {
    const rows = classRows(assignment, receipts, catalog);
    const [lotte, mehdi, zoe] = rows;
    expect(lotte.cells['what-is-ai']).toEqual({ answered: 3, total: 3, points: 4, max: 4 });
    expect(lotte.total).toEqual({ answered: 4, total: 4, points: 7, max: 7 });
    expect(lotte.complete).toBe(true);
    expect(mehdi.cells['machine-learning/regression']).toEqual({ answered: 0, total: 1, points: 0, max: 3 });
    expect(mehdi.late).toBe(true);
    expect(zoe.late).toBe(false);
    expect(zoe.cells['what-is-ai'].points).toBe(1); // 9 of 9 on a 1-point exercise counts as 1
  });
  it('lists the questions most pupils missed', () => {
    expect(mostMissed(assignment, receipts, catalog).map((m) => [m.id, m.missed, m.answered])).toEqual([
      ['m1-a', 2, 3],
      ['m1-b', 1, 2],
    ]);
  });
  it('sorts and filters', () => {
    const rows = classRows(assignment, receipts, catalog);
    const collator = new Intl.Collator('nl');
    expect(sortRows(rows, 'name', false, collator).map((r) => r.name)).toEqual(['Lotte', 'Mehdi', 'Zoë']);
    expect(sortRows(rows, 'points', true, collator).map((r) => r.name)).toEqual(['Lotte', 'Zoë', 'Mehdi']);
    expect(filterRows(rows, { text: '', onlyLate: true, onlyIncomplete: false }).map((r) => r.name)).toEqual(['Mehdi']);
    expect(filterRows(rows, { text: 'zo', onlyLate: false, onlyIncomplete: false }).map((r) => r.name)).toEqual(['Zoë']);
    expect(filterRows(rows, { text: '', onlyLate: false, onlyIncomplete: true }).map((r) => r.name)).toEqual(['Mehdi', 'Zoë']);
  });
  it('keeps the newest receipt of each pupil', () => {
    const newer = { ...receipts[1], handedInAt: '2026-12-07T10:00:00.000Z' };
    expect(mergeReceipt(receipts, newer).outcome).toBe('updated');
    expect(mergeReceipt(receipts, { ...receipts[1], handedInAt: '2026-12-01T10:00:00.000Z' }).outcome).toBe('older');
    expect(mergeReceipt(receipts.slice(0, 1), receipts[2]).receipts).toHaveLength(2);
  });
  it('is late only after the whole due day', () => {
    expect(isLate(new Date(2026, 11, 4, 23, 59).toISOString(), '2026-12-04')).toBe(false);
    expect(isLate(new Date(2026, 11, 5, 0, 1).toISOString(), '2026-12-04')).toBe(true);
    expect(isLate('2030-01-01T00:00:00.000Z', undefined)).toBe(false);
  });
});

describe('CSV', () => {
  it('uses the separator a spreadsheet in that language expects', () => {
    expect(csvSeparator('nl-BE')).toBe(';');
    expect(csvSeparator('fr-BE')).toBe(';');
    expect(csvSeparator('de-BE')).toBe(';');
    expect(csvSeparator('en-GB')).toBe(',');
  });
  it('writes UTF-8 with a BOM, CRLF, quotes where needed, and defuses formulas', () => {
    const csv = toCsv([['Naam', 'Punten'], ['Zoë "Z" De Smet', 7], ['=HYPERLINK("x")', 3], ['a;b', 1]], ';');
    expect(csv).toBe('\ufeffNaam;Punten\r\n"Zoë ""Z"" De Smet";7\r\n"\'=HYPERLINK(""x"")";3\r\n"a;b";1\r\n');
  });
});

describe('classes file', () => {
  it('round-trips classes with their receipts, and refuses tampering', async () => {
    const cls: ClassRecord = { id: assignment.classId, name: assignment.name, items: assignment.items, due: assignment.due, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', archived: false };
    const receipt = buildReceipt(membership, records, exercisesOf, new Date('2026-11-22T08:00:00Z'));
    const code = await encodeReceipt(receipt);
    const text = classesFileText([cls], [{ ...receipt, code, receivedAt: '2026-11-22T09:00:00.000Z' }]);
    const back = await parseClassesFile(text);
    expect(back).toEqual({ ok: true, classes: [cls], receipts: [{ ...receipt, code, receivedAt: '2026-11-22T09:00:00.000Z' }] });
    expect(await parseClassesFile(text.replace('Klas 5B', 'Klas 6B'))).toEqual({ ok: false, error: 'checksum' });
    expect(await parseClassesFile(text.slice(0, 100))).toEqual({ ok: false, error: 'not-json' });
    expect(await parseClassesFile('{"format":"ai4belgium-progress"}')).toEqual({ ok: false, error: 'wrong-kind' });
  });
});
