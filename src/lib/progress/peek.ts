/**
 * A read-only look at the progress database with plain IndexedDB, for pages
 * and islands that only show progress. It is about 1 KB, where Dexie is about
 * 30 KB gzipped: Dexie is downloaded only when the learner saves something.
 *
 * It never creates or upgrades the database: when there is none yet, it
 * reports an empty store. When IndexedDB cannot be used at all (blocked site
 * data, some private modes), it says so, and the course works without saving.
 */
import {
  ANSWERS,
  DB_NAME,
  MEMBERSHIPS,
  SETTINGS,
  isAnswerRecord,
  isMembership,
  settingsFrom,
  type AnswerRecord,
  type Membership,
  type Settings,
} from './schema';

export type Peek =
  | { available: true; answers: AnswerRecord[]; settings: Settings; memberships: Membership[] }
  | { available: false; answers: []; settings: Settings; memberships: [] };

const UNAVAILABLE: Peek = { available: false, answers: [], settings: {}, memberships: [] };
const EMPTY = (): Peek => ({ available: true, answers: [], settings: {}, memberships: [] });

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
      resolve(created ? EMPTY() : UNAVAILABLE);
    };
    request.onblocked = () => resolve(UNAVAILABLE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(ANSWERS)) {
        db.close();
        return resolve(EMPTY());
      }
      try {
        // Settings exist from schema version 2 on, memberships from 3; older databases lack them.
        const stores = [ANSWERS, SETTINGS, MEMBERSHIPS].filter((s) => db.objectStoreNames.contains(s));
        const tx = db.transaction(stores, 'readonly');
        const all = (store: string) => (stores.includes(store) ? tx.objectStore(store).getAll() : null);
        const answers = all(ANSWERS)!;
        const settings = all(SETTINGS);
        const memberships = all(MEMBERSHIPS);
        tx.oncomplete = () => {
          db.close();
          resolve({
            available: true,
            answers: (answers.result as unknown[]).filter(isAnswerRecord) as AnswerRecord[],
            settings: settingsFrom((settings?.result as unknown[] | undefined) ?? []),
            memberships: ((memberships?.result as unknown[] | undefined) ?? []).filter(isMembership) as Membership[],
          });
        };
        tx.onerror = tx.onabort = () => {
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
