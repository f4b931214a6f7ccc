/**
 * A read-only look at the progress database with plain IndexedDB, for pages
 * and islands that only show progress. It is about 1 KB, where Dexie is about
 * 30 KB gzipped: Dexie is downloaded only when the learner saves something.
 *
 * It never creates or upgrades the database: when there is none yet, it
 * reports an empty store. When IndexedDB cannot be used at all (blocked site
 * data, some private modes), it says so, and the course works without saving.
 */
import { ANSWERS, DB_NAME, isAnswerRecord, type AnswerRecord } from './schema';

export type Peek = { available: true; answers: AnswerRecord[] } | { available: false; answers: [] };

const UNAVAILABLE: Peek = { available: false, answers: [] };

export function peekAnswers(factory: IDBFactory | null | undefined = globalThis.indexedDB, name = DB_NAME): Promise<Peek> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    let created = false;
    try {
      if (!factory) return resolve(UNAVAILABLE);
      request = factory.open(name);
    } catch {
      return resolve(UNAVAILABLE);
    }
    request.onupgradeneeded = () => {
      // No database yet: do not create one here (Dexie creates it on the first save).
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(created ? { available: true, answers: [] } : UNAVAILABLE);
    };
    request.onblocked = () => resolve(UNAVAILABLE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(ANSWERS)) {
        db.close();
        return resolve({ available: true, answers: [] });
      }
      try {
        const getAll = db.transaction(ANSWERS, 'readonly').objectStore(ANSWERS).getAll();
        getAll.onsuccess = () => {
          db.close();
          resolve({ available: true, answers: (getAll.result as unknown[]).filter(isAnswerRecord) as AnswerRecord[] });
        };
        getAll.onerror = () => {
          db.close();
          resolve(UNAVAILABLE);
        };
      } catch {
        db.close();
        resolve(UNAVAILABLE);
      }
    };
  });
}
