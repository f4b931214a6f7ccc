/**
 * The progress database in Dexie: the versioned schema documented in
 * schema.ts. Only writers import this module (it pulls in Dexie).
 */
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, STORES_V1, type AnswerRecord } from './schema';

export class ProgressDB extends Dexie {
  answers!: EntityTable<AnswerRecord, 'exerciseId'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(STORES_V1);
  }
}
