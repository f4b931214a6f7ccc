/**
 * The progress database in Dexie: the versioned schema documented in
 * schema.ts. Only writers import this module (it pulls in Dexie).
 */
import Dexie, { type EntityTable } from 'dexie';
import {
  DB_NAME,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  type AnswerRecord,
  type ClassRecord,
  type Membership,
  type ReceiptRecord,
  type SettingRecord,
} from './schema';

export class ProgressDB extends Dexie {
  answers!: EntityTable<AnswerRecord, 'exerciseId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  classes!: EntityTable<ClassRecord, 'id'>;
  receipts!: Dexie.Table<ReceiptRecord, [string, string]>;
  memberships!: EntityTable<Membership, 'classId'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Published versions are never edited; see schema.ts, MIGRATIONS.
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2); // adds `settings`; answers are kept as they are
    this.version(3).stores(STORES_V3); // adds the classroom stores; nothing else changes
  }
}
