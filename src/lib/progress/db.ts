/**
 * The progress database in Dexie: the versioned schema documented in
 * schema.ts. Only writers import this module (it pulls in Dexie).
 */
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, STORES_V1, STORES_V2, type AnswerRecord, type SettingRecord } from './schema';

export class ProgressDB extends Dexie {
  answers!: EntityTable<AnswerRecord, 'exerciseId'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Published versions are never edited; see schema.ts, MIGRATIONS.
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2); // adds `settings`; answers are kept as they are
  }
}
