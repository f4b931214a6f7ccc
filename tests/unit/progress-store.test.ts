import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressDB } from '../../src/lib/progress/db';
import { peekAnswers } from '../../src/lib/progress/peek';
import { ANSWERS, SCHEMA_VERSION } from '../../src/lib/progress/schema';
import { allAnswers, moduleAnswers, resetProgress, saveAnswer, type NewAnswer } from '../../src/lib/progress/store';

const open: ProgressDB[] = [];
function freshDb(): { db: ProgressDB; factory: IDBFactory; name: string } {
  const factory = new IDBFactory();
  const name = `test-${crypto.randomUUID()}`;
  const db = new ProgressDB(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
  open.push(db);
  return { db, factory, name };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const answer = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  exerciseId: 'm1-day-spot-ai',
  moduleId: 'what-is-ai',
  sectionId: 'ai-in-your-day',
  type: 'multiple',
  response: { type: 'multiple', selected: [0, 1, 3] },
  score: 2,
  maxScore: 2,
  ...over,
});

describe('progress store (Dexie, schema version 1)', () => {
  it('stores an answer with its score, keyed by exercise id', async () => {
    const { db } = freshDb();
    const saved = await saveAnswer(db, answer(), new Date('2026-03-01T10:00:00Z'));
    expect(saved).toMatchObject({ exerciseId: 'm1-day-spot-ai', score: 2, attempts: 1 });
    const stored = await db.answers.get('m1-day-spot-ai');
    expect(stored?.response).toEqual({ type: 'multiple', selected: [0, 1, 3] });
    expect(stored?.answeredAt).toBe('2026-03-01T10:00:00.000Z');
    expect(stored?.firstAnsweredAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('keeps the latest answer, counts attempts and remembers the first time', async () => {
    const { db } = freshDb();
    await saveAnswer(db, answer({ score: 2 }), new Date('2026-03-01T10:00:00Z'));
    await saveAnswer(db, answer({ score: 0, response: { type: 'multiple', selected: [2] } }), new Date('2026-03-02T09:00:00Z'));
    const all = await allAnswers(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      score: 0,
      attempts: 2,
      firstAnsweredAt: '2026-03-01T10:00:00.000Z',
      answeredAt: '2026-03-02T09:00:00.000Z',
      response: { type: 'multiple', selected: [2] },
    });
  });

  it('finds a module’s answers through its index', async () => {
    const { db } = freshDb();
    await saveAnswer(db, answer());
    await saveAnswer(db, answer({ exerciseId: 'm2-x', moduleId: 'solving-problems', sectionId: 'search' }));
    expect((await moduleAnswers(db, 'what-is-ai')).map((a) => a.exerciseId)).toEqual(['m1-day-spot-ai']);
  });

  it('reset deletes every answer', async () => {
    const { db } = freshDb();
    await saveAnswer(db, answer());
    await saveAnswer(db, answer({ exerciseId: 'm1-history-dartmouth', type: 'number', response: { type: 'number', value: 1956, text: '1956' } }));
    await resetProgress(db);
    expect(await allAnswers(db)).toEqual([]);
  });

  it('creates the documented schema version and stores', async () => {
    const { db } = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).toEqual([ANSWERS]);
    expect(db.answers.schema.primKey.keyPath).toBe('exerciseId');
    expect(db.answers.schema.indexes.map((i) => i.name).sort()).toEqual(['answeredAt', 'moduleId']);
  });
});

describe('peek (read-only, no Dexie)', () => {
  it('reads exactly what Dexie wrote', async () => {
    const { db, factory, name } = freshDb();
    await saveAnswer(db, answer());
    await saveAnswer(db, answer({ exerciseId: 'm1-history-dartmouth', type: 'number', score: 1, maxScore: 1, response: { type: 'number', value: 1956, text: '1956' } }));
    const written = await allAnswers(db);
    const peek = await peekAnswers(factory, name);
    expect(peek.available).toBe(true);
    expect([...peek.answers].sort((a, b) => a.exerciseId.localeCompare(b.exerciseId))).toEqual(
      [...written].sort((a, b) => a.exerciseId.localeCompare(b.exerciseId)),
    );
  });

  it('reports an empty store and creates no database when there is none yet', async () => {
    const factory = new IDBFactory();
    const peek = await peekAnswers(factory, 'never-written');
    expect(peek).toEqual({ available: true, answers: [] });
    const names = (await factory.databases()).map((d) => d.name);
    expect(names).not.toContain('never-written');
    // Dexie can still create it afterwards, at its own version.
    const db = new ProgressDB('never-written', { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    open.push(db);
    await saveAnswer(db, answer());
    expect((await peekAnswers(factory, 'never-written')).answers).toHaveLength(1);
  });

  it('says storage is unavailable when IndexedDB refuses to open', async () => {
    const refusing = { open: () => { throw new DOMException('blocked', 'SecurityError'); } } as unknown as IDBFactory;
    expect(await peekAnswers(refusing)).toEqual({ available: false, answers: [] });
    expect(await peekAnswers(null)).toEqual({ available: false, answers: [] });
  });

  it('does not block a later schema upgrade', async () => {
    const { db, factory, name } = freshDb();
    await saveAnswer(db, answer());
    db.close();
    await peekAnswers(factory, name);
    // A future version must be able to open and upgrade the same database.
    class Next extends ProgressDB {
      constructor() {
        super(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
        this.version(2).stores({ answers: 'exerciseId, moduleId, answeredAt', extra: 'id' });
      }
    }
    const next = new Next();
    open.push(next);
    await next.open();
    expect(next.verno).toBe(2);
    expect(await next.answers.count()).toBe(1);
  });

  it('skips records that do not have the documented shape', async () => {
    const { db, factory, name } = freshDb();
    await saveAnswer(db, answer());
    const broken = [
      { exerciseId: 'bad-1', moduleId: 'what-is-ai', sectionId: 's', type: 'multiple', response: { type: 'multiple', selected: 'all' }, score: 1, maxScore: 1, answeredAt: 'x' },
      { exerciseId: 'bad-2', moduleId: 'what-is-ai', sectionId: 's', type: 'single', response: null, score: 1, maxScore: 1, answeredAt: 'x' },
      { exerciseId: 'bad-3', moduleId: 'what-is-ai', sectionId: 's', type: 'number', response: { type: 'number', value: 3, text: '3' }, score: 'lots', maxScore: 1, answeredAt: 'x' },
    ];
    await db.answers.bulkPut(broken as never);
    const peek = await peekAnswers(factory, name);
    expect(peek.answers.map((a) => a.exerciseId)).toEqual(['m1-day-spot-ai']);
  });
});
