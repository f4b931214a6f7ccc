/**
 * The learner's progress store: what is kept, where, and how it may change.
 *
 * WHERE. One IndexedDB database, `ai4belgium`, in the learner's browser and
 * nowhere else. Nothing in it leaves the device unless the learner chooses to
 * send it (later: export files, class receipts, opt-in counts).
 *
 * WHAT (schema version 1). One object store, `answers`, one record per
 * exercise, keyed by the exercise id (ids are the same in every language, so
 * an answer given in French counts on the Dutch pages too):
 *
 *   exerciseId       string   primary key, e.g. "m1-day-spot-ai"
 *   moduleId         string   indexed, e.g. "what-is-ai"
 *   sectionId        string   e.g. "ai-in-your-day"
 *   type             'single' | 'multiple' | 'number' | 'lab' | 'order' | 'match' | 'text'
 *   response         the learner's latest answer: { type, selected }, { type, value, text },
 *                    for a lab { type: 'lab', value } (the metric reached on held-out data),
 *                    { type: 'order', order } (item indices as placed), { type: 'match', chosen }
 *                    (right-hand index per left text), or { type: 'text', text, ticked } (what
 *                    the learner wrote, and the rubric items they ticked; added without a
 *                    schema version: no index or store changed)
 *   score, maxScore  points of the latest answer, as graded when it was given
 *   attempts         how many times the learner checked an answer here
 *   firstAnsweredAt  ISO 8601 time of the first check
 *   answeredAt       ISO 8601 time of the latest check (indexed)
 *
 * Module and course progress are derived from these records (summary.ts) and
 * never stored twice. The latest answer wins: a retry replaces the record.
 *
 * Schema version 2 adds a second store, `settings`, one record per setting,
 * keyed by name ({ key, value }), for what the learner chose on this device:
 *
 *   learnerName      string   the name on the certificate (never exported or sent)
 *   lastSavedAt      string   ISO time the learner last saved a progress file or showed the move codes
 *   reminderSnoozedAt string  ISO time the learner last put the "save your progress" reminder aside
 *   tallyChoice      'yes' | 'no'  whether to add completions to the public count (lib/tally/)
 *   tallyToken       string   this browser's random token for that count (never exported)
 *   tallyRegion, tallyAge string  what the learner chose to add to it, if anything
 *   tallySent        string   JSON list of the items already counted ("course", module ids)
 *
 * Schema version 3 adds the classroom (lib/classroom/), in three stores:
 *
 *   classes      a teacher's classes, keyed by `id` (8 Crockford characters):
 *                { id, name, items, due?, message?, createdAt, updatedAt, archived }
 *   receipts     what pupils handed in to this teacher, keyed by [classId+pupilId],
 *                indexed by classId: { classId, pupilId, name, handedInAt, items,
 *                answers, code, receivedAt } (the newest per pupil is kept; `code`
 *                is the receipt as it arrived, so a classes file carries it unchanged)
 *   memberships  the classes this learner joined, keyed by `classId`:
 *                { classId, assignment, displayName, pupilId, joinedAt, handedInAt? }
 *
 * Earlier databases upgrade without change to what they hold.
 *
 * LIFECYCLE. Writes go through Dexie (store.ts), which also runs migrations.
 * Pages read through a tiny raw-IndexedDB reader (peek.ts) so that opening a
 * lesson does not download Dexie; it reads whatever version is on disk and
 * never creates or upgrades the database. After each write the store
 * announces a change (events.ts) so every island on the page, and in other
 * tabs, reads again.
 *
 * MIGRATIONS. Never edit a published version. Add `db.version(n + 1)` in
 * db.ts with the new stores and an `.upgrade()` that converts old records,
 * bump SCHEMA_VERSION, and extend tests/unit/progress-store.test.ts with a
 * database written by every earlier version.
 */
import type { Response } from '../exercises/grade';
import type { ExerciseType } from '../exercises/schema';
import type { Assignment } from '../classroom/assignment';
import type { Receipt } from '../classroom/receipt';

export const DB_NAME = 'ai4belgium';
export const SCHEMA_VERSION = 3;
export const ANSWERS = 'answers';
export const SETTINGS = 'settings';
export const CLASSES = 'classes';
export const RECEIPTS = 'receipts';
export const MEMBERSHIPS = 'memberships';

export interface Settings {
  learnerName?: string;
  lastSavedAt?: string;
  reminderSnoozedAt?: string;
  tallyChoice?: string;
  tallyToken?: string;
  tallyRegion?: string;
  tallyAge?: string;
  tallySent?: string;
}
export type SettingKey = keyof Settings;
export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: Settings[K];
}

export interface AnswerRecord {
  exerciseId: string;
  moduleId: string;
  sectionId: string;
  type: ExerciseType;
  response: Response;
  score: number;
  maxScore: number;
  attempts: number;
  firstAnsweredAt: string;
  answeredAt: string;
}

/** Dexie's store definitions, per schema version (Dexie stores version n as IndexedDB version 10n). */
export const STORES_V1 = { [ANSWERS]: 'exerciseId, moduleId, answeredAt' } as const;
export const STORES_V2 = { ...STORES_V1, [SETTINGS]: 'key' } as const;
export const STORES_V3 = {
  ...STORES_V2,
  [CLASSES]: 'id',
  [RECEIPTS]: '[classId+pupilId], classId',
  [MEMBERSHIPS]: 'classId',
} as const;

export interface ClassRecord {
  id: string;
  name: string;
  items: string[];
  due?: string;
  message?: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface ReceiptRecord extends Receipt {
  code: string;
  receivedAt: string;
}

export interface Membership {
  classId: string;
  assignment: Assignment;
  displayName: string;
  pupilId: string;
  joinedAt: string;
  handedInAt?: string;
}

export function isMembership(value: unknown): value is Membership {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  const a = m.assignment as Record<string, unknown> | null;
  return (
    typeof m.classId === 'string' &&
    typeof m.displayName === 'string' &&
    typeof m.pupilId === 'string' &&
    typeof m.joinedAt === 'string' &&
    !!a &&
    typeof a === 'object' &&
    a.classId === m.classId &&
    typeof a.name === 'string' &&
    Array.isArray(a.items) &&
    a.items.every((i) => typeof i === 'string')
  );
}

const SETTING_KEYS: readonly SettingKey[] = [
  'learnerName',
  'lastSavedAt',
  'reminderSnoozedAt',
  'tallyChoice',
  'tallyToken',
  'tallyRegion',
  'tallyAge',
  'tallySent',
];

/** Settings from stored records, skipping anything not of the documented shape. */
export function settingsFrom(records: readonly unknown[]): Settings {
  const settings: Settings = {};
  for (const r of records) {
    if (!r || typeof r !== 'object') continue;
    const { key, value } = r as Record<string, unknown>;
    if (typeof value !== 'string' || !SETTING_KEYS.includes(key as SettingKey)) continue;
    settings[key as SettingKey] = value;
  }
  return settings;
}

/**
 * True for a record of the documented shape. Readers skip anything else (a
 * record written by a hand-edited or half-failed store), so one bad record
 * never breaks a page.
 */
const isIntArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((i) => Number.isInteger(i));

export function isAnswerRecord(value: unknown): value is AnswerRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  const response = r.response as Record<string, unknown> | null;
  const validResponse =
    !!response &&
    typeof response === 'object' &&
    ((response.type === 'single' && Number.isInteger(response.selected)) ||
      (response.type === 'multiple' &&
        Array.isArray(response.selected) &&
        response.selected.every((i) => Number.isInteger(i))) ||
      (response.type === 'number' && typeof response.value === 'number' && typeof response.text === 'string') ||
      (response.type === 'lab' && typeof response.value === 'number') ||
      (response.type === 'order' && isIntArray(response.order)) ||
      (response.type === 'match' && isIntArray(response.chosen)) ||
      (response.type === 'text' && typeof response.text === 'string' && isIntArray(response.ticked)));
  return (
    typeof r.exerciseId === 'string' &&
    typeof r.moduleId === 'string' &&
    typeof r.sectionId === 'string' &&
    validResponse &&
    r.type === response.type &&
    typeof r.score === 'number' &&
    Number.isFinite(r.score) &&
    typeof r.maxScore === 'number' &&
    typeof r.answeredAt === 'string'
  );
}
