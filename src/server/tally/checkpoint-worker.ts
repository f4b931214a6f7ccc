/**
 * Runs SQLite's WAL checkpoints on a thread of its own, so that copying the
 * log back into the database never pauses the service's request loop.
 * PASSIVE checkpoints never wait for, or block, the writer.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const db = new DatabaseSync(workerData.path as string);
db.exec('PRAGMA busy_timeout = 1000;');
const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE);');
  } catch {
    // busy: the next round will do it
  }
}, workerData.everyMs as number);
parentPort?.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    try {
      db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
    } catch {
      // the writer is still busy; SQLite checkpoints again on next open
    }
    db.close();
    parentPort?.close();
  }
});
