/**
 * Pure helpers over the content model: ordering, the exercise catalogue of a
 * module, totals. Used at build time by pages and by the content tests.
 */
import type { Exercise } from '../exercises/schema';
import type { CatalogEntry } from '../progress/summary';

export interface SectionData {
  module: string;
  section: string;
  order: number;
  minutes: number;
  exercises: Exercise[];
}

export function byOrder<T extends { order: number }>(a: T, b: T): number {
  return a.order - b.order;
}

/** The exercises of a module's sections, in reading order, as the progress summary needs them. */
export function moduleCatalog(sections: readonly SectionData[]): CatalogEntry[] {
  return [...sections]
    .sort(byOrder)
    .flatMap((s) => s.exercises.map((e) => ({ id: e.id, sectionId: s.section, maxScore: e.points })));
}

export function totalMinutes(sections: readonly SectionData[]): number {
  return sections.reduce((sum, s) => sum + s.minutes, 0);
}
