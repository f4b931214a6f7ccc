/**
 * What the counting service accepts and publishes. A completion is one
 * browser's report that it completed a module or the whole course, with the
 * site language and, only if the learner chose to give them, a region and an
 * age band. Nothing else: no name, no answers, no address.
 */
import { z } from 'astro/zod';

export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export const REGIONS = ['flanders', 'wallonia', 'brussels', 'german-community', 'outside'] as const;
export const AGE_BANDS = ['15-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
/** The whole course, as opposed to one module. */
export const COURSE = 'course';
/** Published cells hold at least this many people (smaller ones are merged or hidden). */
export const MIN_CELL = 10;
/** Request bodies larger than this are refused unread. */
export const MAX_BODY_BYTES = 1024;

/** 128 random bits in base64url: the browser's own token, counted once per item. */
export const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function completionSchema(modules: readonly string[]) {
  const items = [COURSE, ...modules] as [string, ...string[]];
  return z
    .object({
      token: z.string().regex(TOKEN),
      item: z.enum(items),
      lang: z.enum(LANGUAGES),
      region: z.enum(REGIONS).optional(),
      age: z.enum(AGE_BANDS).optional(),
    })
    .strict();
}

export type Completion = {
  token: string;
  item: string;
  lang: (typeof LANGUAGES)[number];
  region?: (typeof REGIONS)[number];
  age?: (typeof AGE_BANDS)[number];
};

/** The published numbers. A null count is a cell too small to publish. */
export interface Aggregates {
  updatedAt: string;
  minCell: number;
  /** People who completed the whole course. */
  course: number | null;
  /** People who completed at least one module. */
  anyModule: number | null;
  /** Per module: people who completed it (the funnel). */
  modules: Record<string, number | null>;
  /** People with at least one completion, per region given; small regions merged into "other". */
  regions: Record<string, number | null>;
  /** Per site language, likewise. */
  languages: Record<string, number | null>;
  /** Per ISO week (YYYY-Www): people who completed their first module that week. */
  weeks: { week: string; people: number | null }[];
}
