/**
 * The classroom in the progress database (schema version 3, schema.ts):
 * a teacher's classes and collected receipts, a pupil's memberships. Takes the
 * database as a parameter, like progress/store.ts, so tests run it on a fresh one.
 */
import type { ProgressDB } from '../progress/db';
import type { ClassRecord, Membership, ReceiptRecord } from '../progress/schema';
import type { Receipt } from './receipt';

export function listClasses(db: ProgressDB): Promise<ClassRecord[]> {
  return db.classes.toArray();
}

export async function saveClass(db: ProgressDB, record: ClassRecord): Promise<void> {
  await db.classes.put(record);
}

/** Deletes a class and every receipt collected for it. */
export async function deleteClass(db: ProgressDB, id: string): Promise<void> {
  await db.transaction('rw', db.classes, db.receipts, async () => {
    await db.classes.delete(id);
    await db.receipts.where('classId').equals(id).delete();
  });
}

export function classReceipts(db: ProgressDB, classId: string): Promise<ReceiptRecord[]> {
  return db.receipts.where('classId').equals(classId).toArray();
}

export type ReceiptOutcome = 'added' | 'updated' | 'older';

/** Adds receipts (already decoded and checked for this class); the newest per pupil is kept. One transaction. */
export async function addReceipts(
  db: ProgressDB,
  incoming: readonly { receipt: Receipt; code: string }[],
  now = new Date(),
): Promise<ReceiptOutcome[]> {
  return db.transaction('rw', db.receipts, async () => {
    const outcomes: ReceiptOutcome[] = [];
    for (const { receipt, code } of incoming) {
      const current = await db.receipts.get([receipt.classId, receipt.pupilId]);
      if (current && receipt.handedInAt <= current.handedInAt) {
        outcomes.push('older');
        continue;
      }
      await db.receipts.put({ ...receipt, code, receivedAt: now.toISOString() });
      outcomes.push(current ? 'updated' : 'added');
    }
    return outcomes;
  });
}

/** Merges a classes file: per class the later edit wins; per pupil the newest receipt. */
export async function importClasses(db: ProgressDB, classes: readonly ClassRecord[], receipts: readonly ReceiptRecord[]) {
  return db.transaction('rw', db.classes, db.receipts, async () => {
    let classesChanged = 0;
    for (const c of classes) {
      const current = await db.classes.get(c.id);
      if (!current || c.updatedAt > current.updatedAt) {
        await db.classes.put(c);
        classesChanged++;
      }
    }
    let receiptsChanged = 0;
    for (const r of receipts) {
      const current = await db.receipts.get([r.classId, r.pupilId]);
      if (!current || r.handedInAt > current.handedInAt) {
        await db.receipts.put(r);
        receiptsChanged++;
      }
    }
    return { classes: classesChanged, receipts: receiptsChanged };
  });
}

export async function saveMembership(db: ProgressDB, membership: Membership): Promise<void> {
  await db.memberships.put(membership);
}

export async function leaveClass(db: ProgressDB, classId: string): Promise<void> {
  await db.memberships.delete(classId);
}
