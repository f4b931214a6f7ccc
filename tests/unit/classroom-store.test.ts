import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/lib/classroom/receipt';
import { addReceipts, classReceipts, deleteClass, importClasses, listClasses, saveClass } from '../../src/lib/classroom/store';
import { ProgressDB } from '../../src/lib/progress/db';
import type { ClassRecord } from '../../src/lib/progress/schema';

const open: ProgressDB[] = [];
const fresh = () => {
  const db = new ProgressDB(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange: globalThis.IDBKeyRange });
  open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((db) => db.close()));

const cls = (over: Partial<ClassRecord> = {}): ClassRecord => ({
  id: 'K7M2Q9XA', name: 'Klas 5B', items: ['what-is-ai'], createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', archived: false, ...over,
});
const receipt = (pupilId: string, handedInAt: string, classId = 'K7M2Q9XA'): Receipt => ({
  classId, pupilId, name: pupilId.slice(0, 3), handedInAt, items: ['what-is-ai'], answers: [{ id: 'm1-a', score: 1, max: 2, at: '2026-11-20T10:00:00.000Z' }],
});

describe('classroom store', () => {
  it('keeps the newest receipt of each pupil', async () => {
    const db = fresh();
    await saveClass(db, cls());
    expect(await addReceipts(db, [{ receipt: receipt('AAAAAAAA', '2026-11-21T10:00:00.000Z'), code: 'a1' }])).toEqual(['added']);
    expect(
      await addReceipts(db, [
        { receipt: receipt('AAAAAAAA', '2026-11-20T10:00:00.000Z'), code: 'a0' },
        { receipt: receipt('AAAAAAAA', '2026-11-22T10:00:00.000Z'), code: 'a2' },
        { receipt: receipt('BBBBBBBB', '2026-11-22T10:00:00.000Z'), code: 'b1' },
      ]),
    ).toEqual(['older', 'updated', 'added']);
    const stored = await classReceipts(db, 'K7M2Q9XA');
    expect(stored.map((r) => [r.pupilId, r.code])).toEqual([['AAAAAAAA', 'a2'], ['BBBBBBBB', 'b1']]);
  });

  it('a failing write adds none of the receipts', async () => {
    const db = fresh();
    await addReceipts(db, [{ receipt: receipt('AAAAAAAA', '2026-11-21T10:00:00.000Z'), code: 'a1' }]);
    let n = 0;
    db.receipts.hook('creating', () => {
      if (++n === 2) throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(
      addReceipts(db, [
        { receipt: receipt('BBBBBBBB', '2026-11-22T10:00:00.000Z'), code: 'b' },
        { receipt: receipt('CCCCCCCC', '2026-11-22T10:00:00.000Z'), code: 'c' },
      ]),
    ).rejects.toBeTruthy();
    expect((await db.receipts.toArray()).map((r) => r.pupilId)).toEqual(['AAAAAAAA']);
  });

  it('a classes file merges: later edits and newer receipts win', async () => {
    const db = fresh();
    await saveClass(db, cls({ name: 'Klas 5B', updatedAt: '2026-11-25T10:00:00.000Z' }));
    await addReceipts(db, [{ receipt: receipt('AAAAAAAA', '2026-11-23T10:00:00.000Z'), code: 'new' }]);
    const counts = await importClasses(
      db,
      [cls({ name: 'Old name', updatedAt: '2026-11-21T10:00:00.000Z' }), cls({ id: 'ZZZZZZZZ', name: 'Klas 6A' })],
      [
        { ...receipt('AAAAAAAA', '2026-11-22T10:00:00.000Z'), code: 'old', receivedAt: '2026-11-22T10:00:00.000Z' },
        { ...receipt('DDDDDDDD', '2026-11-22T10:00:00.000Z', 'ZZZZZZZZ'), code: 'd', receivedAt: '2026-11-22T10:00:00.000Z' },
      ],
    );
    expect(counts).toEqual({ classes: 1, receipts: 1 });
    expect((await listClasses(db)).map((c) => c.name).sort()).toEqual(['Klas 5B', 'Klas 6A']);
    expect((await classReceipts(db, 'K7M2Q9XA'))[0].code).toBe('new');
  });

  it('deleting a class deletes its receipts, and only those', async () => {
    const db = fresh();
    await saveClass(db, cls());
    await saveClass(db, cls({ id: 'ZZZZZZZZ' }));
    await addReceipts(db, [
      { receipt: receipt('AAAAAAAA', '2026-11-21T10:00:00.000Z'), code: 'a' },
      { receipt: receipt('BBBBBBBB', '2026-11-21T10:00:00.000Z', 'ZZZZZZZZ'), code: 'b' },
    ]);
    await deleteClass(db, 'K7M2Q9XA');
    expect((await listClasses(db)).map((c) => c.id)).toEqual(['ZZZZZZZZ']);
    expect((await db.receipts.toArray()).map((r) => r.classId)).toEqual(['ZZZZZZZZ']);
  });
});
