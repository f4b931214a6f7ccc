import { describe, expect, it } from 'vitest';
import { reminderFor } from '../../src/lib/progress/reminder';
import { evictsStorage } from '../../src/lib/progress/persist';
import type { AnswerRecord } from '../../src/lib/progress/schema';

const modules = [
  { id: 'what-is-ai', catalog: [{ id: 'a1', sectionId: 's', maxScore: 2 }, { id: 'a2', sectionId: 's', maxScore: 2 }] },
  { id: 'machine-learning', catalog: [{ id: 'b1', sectionId: 's', maxScore: 1 }] },
];
const ans = (id: string, score: number, at: string): [string, AnswerRecord] => [
  id,
  { exerciseId: id, moduleId: 'x', sectionId: 's', type: 'single', response: { type: 'single', selected: 0 }, score, maxScore: 2, attempts: 1, firstAnsweredAt: at, answeredAt: at },
];
const now = new Date('2026-11-25T12:00:00.000Z');
const complete = new Map([ans('a1', 2, '2026-11-20T10:00:00.000Z'), ans('a2', 2, '2026-11-20T11:00:00.000Z')]);

describe('save reminder', () => {
  it('appears once a module is complete, until progress is saved or the reminder is put aside', () => {
    expect(reminderFor(modules, complete, {}, { evicts: false, now })).toEqual({ kind: 'completed', moduleId: 'what-is-ai' });
    expect(reminderFor(modules, complete, { lastSavedAt: '2026-11-21T00:00:00.000Z' }, { evicts: false, now })).toBeNull();
    expect(reminderFor(modules, complete, { reminderSnoozedAt: '2026-11-21T00:00:00.000Z' }, { evicts: false, now })).toBeNull();
    // Saved before the module was completed: remind again.
    expect(reminderFor(modules, complete, { lastSavedAt: '2026-11-19T00:00:00.000Z' }, { evicts: false, now })).not.toBeNull();
  });
  it('does not appear for a module in progress or failed', () => {
    const half = new Map([ans('a1', 2, '2026-11-20T10:00:00.000Z')]);
    expect(reminderFor(modules, half, {}, { evicts: false, now })).toBeNull();
    const low = new Map([ans('a1', 2, '2026-11-20T10:00:00.000Z'), ans('a2', 0, '2026-11-20T11:00:00.000Z')]);
    expect(reminderFor(modules, low, {}, { evicts: false, now })).toBeNull();
  });
  it('on browsers that evict storage: weekly while nothing was saved in the last week', () => {
    const some = new Map([ans('a1', 0, '2026-11-20T10:00:00.000Z')]);
    expect(reminderFor(modules, some, {}, { evicts: true, now })).toEqual({ kind: 'evicts' });
    expect(reminderFor(modules, some, { lastSavedAt: '2026-11-24T00:00:00.000Z' }, { evicts: true, now })).toBeNull();
    expect(reminderFor(modules, some, { reminderSnoozedAt: '2026-11-10T00:00:00.000Z' }, { evicts: true, now })).toEqual({ kind: 'evicts' });
    expect(reminderFor(modules, new Map(), {}, { evicts: true, now })).toBeNull();
  });
  it('knows which browsers evict', () => {
    const safariMac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    const chromeIos = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';
    const chromeWin = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const chromeAndroid = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    expect(evictsStorage(safariMac, false)).toBe(true);
    expect(evictsStorage(chromeIos, false)).toBe(true);
    expect(evictsStorage(safariMac, true)).toBe(false); // added to the Home Screen / Dock
    expect(evictsStorage(chromeWin, false)).toBe(false);
    expect(evictsStorage(firefox, false)).toBe(false);
    expect(evictsStorage(chromeAndroid, false)).toBe(false);
  });
});
