import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressDB } from '../../src/lib/progress/db';
import { peekAnswers } from '../../src/lib/progress/peek';
import Dexie from 'dexie';
import { ANSWERS, DB_NAME, SCHEMA_VERSION, SETTINGS, STORES_V1, STORES_V2, type AnswerRecord } from '../../src/lib/progress/schema';
import {
  allAnswers,
  importAnswers,
  moduleAnswers,
  resetProgress,
  saveAnswer,
  setSetting,
  type NewAnswer,
} from '../../src/lib/progress/store';

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

describe('progress store (Dexie)', () => {
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

  it('reset deletes every answer and the settings kept with them', async () => {
    const { db } = freshDb();
    await setSetting(db, 'learnerName', 'Amira');
    await saveAnswer(db, answer());
    await saveAnswer(db, answer({ exerciseId: 'm1-history-dartmouth', type: 'number', response: { type: 'number', value: 1956, text: '1956' } }));
    await resetProgress(db);
    expect(await allAnswers(db)).toEqual([]);
    expect(await db.settings.count()).toBe(0);
  });

  it('creates the documented schema version and stores', async () => {
    const { db } = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['answers', 'classes', 'memberships', 'receipts', 'settings']);
    expect(db.settings.schema.primKey.keyPath).toBe('key');
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
    expect(peek).toEqual({ available: true, answers: [], settings: {}, memberships: [] });
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
    expect(await peekAnswers(refusing)).toEqual({ available: false, answers: [], settings: {}, memberships: [] });
    expect(await peekAnswers(null)).toEqual({ available: false, answers: [], settings: {}, memberships: [] });
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
        this.version(SCHEMA_VERSION + 1).stores({ extra: 'id' });
      }
    }
    const next = new Next();
    open.push(next);
    await next.open();
    expect(next.verno).toBe(SCHEMA_VERSION + 1);
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

/** A database exactly as schema version 1 of the course wrote it. */
class ProgressDBv1 extends Dexie {
  constructor(name: string, factory: IDBFactory) {
    super(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    this.version(1).stores(STORES_V1);
  }
}

const record = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  ...answer(),
  attempts: 1,
  firstAnsweredAt: '2026-03-01T10:00:00.000Z',
  answeredAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

describe('schema upgrades: every earlier version opens without losing anything', () => {
  it('version 1 → current: all answers kept, settings added', async () => {
    const factory = new IDBFactory();
    const name = DB_NAME;
    const v1 = new ProgressDBv1(name, factory);
    const written = [
      record(),
      record({ exerciseId: 'm1-history-dartmouth', type: 'number', response: { type: 'number', value: 1956, text: '1956' }, score: 1, maxScore: 1 }),
      record({ exerciseId: 'm4-lab-points', moduleId: 'machine-learning', sectionId: 'classify', type: 'lab', response: { type: 'lab', value: 0.93 }, score: 3, maxScore: 3, attempts: 4 }),
      record({ exerciseId: 'm1-single', type: 'single', response: { type: 'single', selected: 2 }, score: 0, maxScore: 1 }),
    ];
    await v1.table('answers').bulkPut(written);
    // Pages read a version 1 database as it is, before any upgrade.
    const before = await peekAnswers(factory, name);
    expect(before.answers).toHaveLength(4);
    expect(before.settings).toEqual({});
    v1.close();

    const db = new ProgressDB(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    open.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const byId = (a: AnswerRecord, b: AnswerRecord) => a.exerciseId.localeCompare(b.exerciseId);
    expect((await allAnswers(db)).sort(byId)).toEqual([...written].sort(byId));
    expect(await moduleAnswers(db, 'machine-learning')).toHaveLength(1);
    await setSetting(db, 'learnerName', 'Jonas');
    const after = await peekAnswers(factory, name);
    expect(after.answers.sort(byId)).toEqual([...written].sort(byId));
    expect(after.settings).toEqual({ learnerName: 'Jonas' });
  });
});

/** A database exactly as schema version 2 wrote it. */
class ProgressDBv2 extends Dexie {
  constructor(name: string, factory: IDBFactory) {
    super(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2);
  }
}

describe('schema upgrades: version 2', () => {
  it('version 2 → current: answers and settings kept, classroom stores added', async () => {
    const factory = new IDBFactory();
    const v2 = new ProgressDBv2(DB_NAME, factory);
    const written = [record(), record({ exerciseId: 'm1-single', type: 'single', response: { type: 'single', selected: 1 }, score: 1, maxScore: 1 })];
    await v2.table('answers').bulkPut(written);
    await v2.table('settings').bulkPut([
      { key: 'learnerName', value: 'Noor' },
      { key: 'lastSavedAt', value: '2026-11-01T10:00:00.000Z' },
    ]);
    v2.close();
    const db = new ProgressDB(DB_NAME, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    open.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const byId = (a: AnswerRecord, b: AnswerRecord) => a.exerciseId.localeCompare(b.exerciseId);
    expect((await allAnswers(db)).sort(byId)).toEqual([...written].sort(byId));
    expect(await db.settings.get('learnerName')).toEqual({ key: 'learnerName', value: 'Noor' });
    expect(await db.classes.count()).toBe(0);
    expect(await db.memberships.count()).toBe(0);
    const peek = await peekAnswers(factory, DB_NAME);
    expect(peek.settings).toEqual({ learnerName: 'Noor', lastSavedAt: '2026-11-01T10:00:00.000Z' });
    expect(peek.memberships).toEqual([]);
  });
});

describe('import (merge) and failing writes', () => {
  it('adds new answers, replaces older ones, keeps newer ones', async () => {
    const { db } = freshDb();
    await db.answers.bulkPut([
      record({ exerciseId: 'a-old', score: 0, answeredAt: '2026-03-01T10:00:00.000Z', attempts: 3 }),
      record({ exerciseId: 'b-new', score: 2, answeredAt: '2026-03-09T10:00:00.000Z' }),
    ]);
    const counts = await importAnswers(db, [
      record({ exerciseId: 'a-old', score: 2, firstAnsweredAt: '2026-03-02T10:00:00.000Z', answeredAt: '2026-03-05T10:00:00.000Z', attempts: 1 }),
      record({ exerciseId: 'b-new', score: 0, answeredAt: '2026-03-04T10:00:00.000Z' }),
      record({ exerciseId: 'c-added', score: 1 }),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, kept: 1 });
    const all = new Map((await allAnswers(db)).map((a) => [a.exerciseId, a]));
    expect(all.get('a-old')).toMatchObject({ score: 2, attempts: 3, firstAnsweredAt: '2026-03-01T10:00:00.000Z', answeredAt: '2026-03-05T10:00:00.000Z' });
    expect(all.get('b-new')).toMatchObject({ score: 2, answeredAt: '2026-03-09T10:00:00.000Z' });
    expect(all.get('c-added')).toMatchObject({ score: 1 });
  });

  it('an import that fails half-way leaves the store exactly as it was', async () => {
    const { db } = freshDb();
    const before = [record({ exerciseId: 'kept-1' }), record({ exerciseId: 'kept-2', score: 1 })];
    await db.answers.bulkPut(before);
    let writes = 0;
    db.answers.hook('creating', () => {
      if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      importAnswers(db, [record({ exerciseId: 'new-1' }), record({ exerciseId: 'new-2' }), record({ exerciseId: 'new-3' })]),
    ).rejects.toBeTruthy();
    expect(await allAnswers(db)).toEqual(before);
  });

  it('a save that fails leaves the earlier answer intact', async () => {
    const { db } = freshDb();
    await saveAnswer(db, answer({ score: 2 }), new Date('2026-03-01T10:00:00Z'));
    db.answers.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(saveAnswer(db, answer({ score: 0 }))).rejects.toBeTruthy();
    expect(await db.answers.get('m1-day-spot-ai')).toMatchObject({ score: 2, attempts: 1 });
  });
});
