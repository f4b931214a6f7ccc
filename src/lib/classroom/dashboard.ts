/**
 * The class dashboard's numbers, from the receipts a teacher collected and the
 * course catalogue (what each assigned item holds). Pure; tested in
 * tests/unit/classroom.test.ts.
 */
import type { Receipt } from './receipt';

export interface CatalogExercise {
  id: string;
  maxScore: number;
  question: string;
}
export interface TeachCatalog {
  modules: {
    id: string;
    order: number;
    label: string;
    sections: { id: string; order: number; label: string; exercises: CatalogExercise[] }[];
  }[];
}

export function itemExercises(catalog: TeachCatalog, item: string): CatalogExercise[] {
  const [moduleId, sectionId] = item.split('/');
  const m = catalog.modules.find((x) => x.id === moduleId);
  if (!m) return [];
  return m.sections.filter((s) => !sectionId || s.id === sectionId).flatMap((s) => s.exercises);
}

export function itemLabel(catalog: TeachCatalog, item: string): string {
  const [moduleId, sectionId] = item.split('/');
  const m = catalog.modules.find((x) => x.id === moduleId);
  if (!m) return item;
  const s = sectionId ? m.sections.find((x) => x.id === sectionId) : undefined;
  return s ? `${m.label} · ${s.label}` : m.label;
}

export interface Cell {
  answered: number;
  total: number;
  points: number;
  max: number;
}
export interface Row {
  pupilId: string;
  name: string;
  handedInAt: string;
  late: boolean;
  cells: Record<string, Cell>;
  total: Cell;
  /** Every assigned exercise answered. */
  complete: boolean;
}

/** Handed in after the end of the due day (in the teacher's time zone). */
export function isLate(handedInAt: string, due: string | undefined): boolean {
  if (!due) return false;
  const [y, m, d] = due.split('-').map(Number);
  return new Date(handedInAt).getTime() > new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
}

export function classRows(cls: { items: string[]; due?: string }, receipts: readonly Receipt[], catalog: TeachCatalog): Row[] {
  return receipts.map((r) => {
    const answers = new Map(r.answers.map((a) => [a.id, a]));
    const total: Cell = { answered: 0, total: 0, points: 0, max: 0 };
    const cells: Record<string, Cell> = {};
    const counted = new Set<string>();
    for (const item of cls.items) {
      const cell: Cell = { answered: 0, total: 0, points: 0, max: 0 };
      for (const e of itemExercises(catalog, item)) {
        const a = answers.get(e.id);
        const points = a ? Math.max(0, Math.min(a.score, e.maxScore)) : 0;
        cell.total++;
        cell.max += e.maxScore;
        if (a) {
          cell.answered++;
          cell.points += points;
        }
        if (counted.has(e.id)) continue; // an exercise in two assigned items counts once in the total
        counted.add(e.id);
        total.total++;
        total.max += e.maxScore;
        if (a) {
          total.answered++;
          total.points += points;
        }
      }
      cells[item] = cell;
    }
    return {
      pupilId: r.pupilId,
      name: r.name,
      handedInAt: r.handedInAt,
      late: isLate(r.handedInAt, cls.due),
      cells,
      total,
      complete: total.total > 0 && total.answered === total.total,
    };
  });
}

export interface Missed {
  id: string;
  question: string;
  item: string;
  /** Pupils who answered it without full points. */
  missed: number;
  answered: number;
}

/** The exercises most pupils got wrong or only partly right: worth discussing in class. */
export function mostMissed(cls: { items: string[] }, receipts: readonly Receipt[], catalog: TeachCatalog, limit = 5): Missed[] {
  const out: Missed[] = [];
  const seen = new Set<string>();
  for (const item of cls.items) {
    for (const e of itemExercises(catalog, item)) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      let missed = 0;
      let answered = 0;
      for (const r of receipts) {
        const a = r.answers.find((x) => x.id === e.id);
        if (!a) continue;
        answered++;
        if (a.score < e.maxScore) missed++;
      }
      if (missed > 0) out.push({ id: e.id, question: e.question, item, missed, answered });
    }
  }
  return out.sort((a, b) => b.missed - a.missed || b.missed / b.answered - a.missed / a.answered).slice(0, limit);
}

export type SortKey = 'name' | 'handedIn' | 'points' | 'answered';

export function sortRows(rows: readonly Row[], key: SortKey, descending: boolean, collator: Intl.Collator): Row[] {
  const value = (r: Row): number | string =>
    key === 'name' ? r.name : key === 'handedIn' ? r.handedInAt : key === 'points' ? (r.total.max ? r.total.points / r.total.max : 0) : r.total.answered;
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
    return c || collator.compare(a.name, b.name);
  });
  return descending ? sorted.reverse() : sorted;
}

export interface RowFilter {
  text: string;
  onlyLate: boolean;
  onlyIncomplete: boolean;
}

export function filterRows(rows: readonly Row[], f: RowFilter): Row[] {
  const text = f.text.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (!text || r.name.toLocaleLowerCase().includes(text)) && (!f.onlyLate || r.late) && (!f.onlyIncomplete || !r.complete),
  );
}

/** Keeps the newest receipt of each pupil; returns the merged list and whether `incoming` changed it. */
export function mergeReceipt(existing: readonly Receipt[], incoming: Receipt): { receipts: Receipt[]; outcome: 'added' | 'updated' | 'older' } {
  const current = existing.find((r) => r.pupilId === incoming.pupilId);
  if (!current) return { receipts: [...existing, incoming], outcome: 'added' };
  if (incoming.handedInAt <= current.handedInAt) return { receipts: [...existing], outcome: 'older' };
  return { receipts: existing.map((r) => (r === current ? incoming : r)), outcome: 'updated' };
}
