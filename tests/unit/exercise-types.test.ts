/** Order, match and self-assessed free-text exercises: grading, the shuffle, the schema, the progress file. */
import { describe, expect, it } from 'vitest';
import { grade, gradeMatch, gradeOrder, gradeText, isPermutation } from '../../src/lib/exercises/grade';
import { exerciseSchema, type MatchExercise, type OrderExercise, type TextExercise } from '../../src/lib/exercises/schema';
import { seedOf, shuffledIndices } from '../../src/lib/exercises/shuffle';
import { backupText, parseBackup } from '../../src/lib/progress/backup';
import { isAnswerRecord, type AnswerRecord } from '../../src/lib/progress/schema';

const order: OrderExercise = {
  id: 'm2-order',
  type: 'order',
  points: 4,
  question: 'q',
  items: ['a', 'b', 'c', 'd', 'e'],
  feedback: { correct: 'yes', incorrect: 'no' },
};
const match: MatchExercise = {
  id: 'm3-match',
  type: 'match',
  points: 4,
  question: 'q',
  pairs: [
    { left: 'F', right: 'findable' },
    { left: 'A', right: 'accessible' },
    { left: 'I', right: 'interoperable' },
    { left: 'R', right: 'reusable' },
  ],
  feedback: { correct: 'yes', incorrect: 'no' },
};
const text: TextExercise = {
  id: 'm3-text',
  type: 'text',
  points: 3,
  question: 'q',
  modelAnswer: 'A model answer.',
  rubric: ['one', 'two', 'three'],
};

describe('order exercises', () => {
  it('the right order earns all points', () => {
    expect(gradeOrder(order, [0, 1, 2, 3, 4])).toMatchObject({ score: 4, maxScore: 4, verdict: 'correct', hits: 5 });
  });
  it('earns the share of items in their right place, rounded down', () => {
    // a and e right, three wrong: floor(4 × 2/5) = 1
    expect(gradeOrder(order, [0, 2, 3, 1, 4])).toMatchObject({ score: 1, verdict: 'partial', hits: 2 });
    // four of five right is impossible with a swap; one swap leaves three: floor(4 × 3/5) = 2
    expect(gradeOrder(order, [1, 0, 2, 3, 4])).toMatchObject({ score: 2, verdict: 'partial', hits: 3 });
    expect(gradeOrder(order, [4, 3, 1, 0, 2])).toMatchObject({ score: 0, verdict: 'incorrect', hits: 0 });
  });
  it('anything but an arrangement of every item earns nothing', () => {
    for (const bad of [[0, 1, 2, 3], [0, 1, 2, 3, 3], [0, 1, 2, 3, 5], [0, 1, 2, 3, 4, 5], [0, 1, 2.5, 3, 4]]) {
      expect(gradeOrder(order, bad).score, JSON.stringify(bad)).toBe(0);
    }
    expect(isPermutation([2, 0, 1], 3)).toBe(true);
    expect(isPermutation([2, 2, 1], 3)).toBe(false);
  });
});

describe('match exercises', () => {
  it('every pair right earns all points; each wrong pair costs its share', () => {
    expect(gradeMatch(match, [0, 1, 2, 3])).toMatchObject({ score: 4, verdict: 'correct' });
    expect(gradeMatch(match, [0, 1, 3, 2])).toMatchObject({ score: 2, verdict: 'partial', hits: 2 });
    expect(gradeMatch(match, [1, 0, 3, 2])).toMatchObject({ score: 0, verdict: 'incorrect' });
  });
  it('an unanswered line (-1) or a short list counts as wrong', () => {
    expect(gradeMatch(match, [0, 1, 2, -1])).toMatchObject({ score: 3, verdict: 'partial' });
    expect(gradeMatch(match, [0, 1, 2]).score).toBe(0);
  });
});

describe('free text judged by the learner', () => {
  it('one point for each rubric item ticked', () => {
    expect(gradeText(text, [])).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(gradeText(text, [2])).toMatchObject({ score: 1, verdict: 'partial', hits: 1 });
    expect(gradeText(text, [0, 1, 2])).toMatchObject({ score: 3, verdict: 'correct' });
  });
  it('ticks that do not exist or repeat earn nothing', () => {
    expect(gradeText(text, [0, 0, 0, 7, -1, 1.5]).score).toBe(1);
  });
  it('grade() routes each type and refuses a mismatched response', () => {
    expect(grade(text, { type: 'text', text: 'x', ticked: [0, 1] }).score).toBe(2);
    expect(grade(order, { type: 'order', order: [0, 1, 2, 3, 4] }).score).toBe(4);
    expect(grade(match, { type: 'match', chosen: [0, 1, 2, 3] }).score).toBe(4);
    expect(() => grade(text, { type: 'order', order: [0, 1, 2] })).toThrow();
  });
});

describe('schema', () => {
  it('accepts the documented shapes', () => {
    for (const e of [order, match, text]) expect(exerciseSchema.safeParse(e).success, e.type).toBe(true);
  });
  it('refuses a text exercise whose points differ from its rubric, repeated items, and too few pairs', () => {
    expect(exerciseSchema.safeParse({ ...text, points: 2 }).success).toBe(false);
    expect(exerciseSchema.safeParse({ ...order, items: ['a', 'a', 'b'] }).success).toBe(false);
    expect(exerciseSchema.safeParse({ ...match, pairs: match.pairs.slice(0, 2) }).success).toBe(false);
    expect(exerciseSchema.safeParse({ ...match, pairs: [...match.pairs.slice(0, 3), { left: 'x', right: 'findable' }] }).success).toBe(false);
  });
});

describe('the shuffle', () => {
  it('is the same for an id every time, and differs between ids', () => {
    expect(shuffledIndices('m2-order', 6)).toEqual(shuffledIndices('m2-order', 6));
    const seen = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => shuffledIndices(`m2-${s}`, 6).join()));
    expect(seen.size).toBeGreaterThan(4);
    expect(seedOf('a')).not.toBe(seedOf('b'));
  });
  it('is a permutation, and for order exercises leaves no item in its right place', () => {
    for (let n = 2; n <= 6; n++) {
      for (let k = 0; k < 200; k++) {
        const id = `ex-${n}-${k}`;
        expect(isPermutation(shuffledIndices(id, n), n)).toBe(true);
        const d = shuffledIndices(id, n, true);
        expect(isPermutation(d, n)).toBe(true);
        expect(d.some((v, i) => v === i), id).toBe(false);
      }
    }
  });
});

describe('the progress file keeps the new answers', () => {
  const rec = (over: Partial<AnswerRecord>): AnswerRecord => ({
    exerciseId: 'm3-text',
    moduleId: 'uncertainty-and-data',
    sectionId: 'data',
    type: 'text',
    response: { type: 'text', text: 'x', ticked: [] },
    score: 0,
    maxScore: 3,
    attempts: 1,
    firstAnsweredAt: '2026-03-01T10:00:00.000Z',
    answeredAt: '2026-03-01T10:00:00.000Z',
    ...over,
  });
  const own = 'Personal data: a name <b>and</b> `ticks` — “quotes”, données, Straße, 3 < 4, javascript: no.';
  const answers = [
    rec({ response: { type: 'text', text: own, ticked: [0, 2] }, score: 2 }),
    rec({ exerciseId: 'm2-order', sectionId: 'search', type: 'order', response: { type: 'order', order: [1, 0, 2] }, score: 1, maxScore: 2 }),
    rec({ exerciseId: 'm3-match', type: 'match', response: { type: 'match', chosen: [0, -1, 2] }, score: 2, maxScore: 3 }),
  ];

  it('round-trips a learner’s own words, markup-like text included, unchanged', () => {
    const file = backupText(answers, new Date('2026-11-25T12:00:00Z'));
    expect(file).not.toContain('<b>');
    expect(file).not.toContain('javascript:');
    const parsed = parseBackup(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const byId = Object.fromEntries(parsed.backup.answers.map((a) => [a.exerciseId, a]));
    expect(byId['m3-text'].response).toEqual({ type: 'text', text: own, ticked: [0, 2] });
    expect(byId['m2-order'].response).toEqual({ type: 'order', order: [1, 0, 2] });
    expect(byId['m3-match'].response).toEqual({ type: 'match', chosen: [0, -1, 2] });
    for (const a of parsed.backup.answers) expect(isAnswerRecord(a)).toBe(true);
  });

  it('refuses a file whose text does not decode, or hides control characters, or whose lists are malformed', async () => {
    const { canonicalJson, crc32 } = await import('../../src/lib/progress/checksum');
    const edit = (f: (a: Record<string, any>) => void) => {
      const data = JSON.parse(backupText(answers, new Date('2026-11-25T12:00:00Z')));
      f(data.answers.find((a: { exerciseId: string }) => a.exerciseId === 'm3-text'));
      const { checksum: _c, ...body } = data;
      void _c;
      return JSON.stringify({ ...body, checksum: crc32(canonicalJson(body)) });
    };
    const bidi = Buffer.from('abc\u202edef', 'utf8').toString('base64url');
    const notUtf8 = Buffer.from([0xff, 0xfe, 0x41]).toString('base64url');
    const cases = [
      edit((a) => (a.response.text64 = bidi)),
      edit((a) => (a.response.text64 = notUtf8)),
      edit((a) => (a.response = { type: 'text', text: 'plain', ticked: [0] })),
      edit((a) => (a.response.ticked = [0, 0])),
      edit((a) => (a.response.text64 = 'A'.repeat(30_000))),
    ];
    for (const file of cases) expect(parseBackup(file)).toEqual({ ok: false, error: 'invalid' });
  });
});
