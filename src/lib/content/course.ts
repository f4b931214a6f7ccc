/**
 * The course as the build sees it, per language: modules in order, each with
 * its sections in order. Pages call these; nothing here runs in the browser.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { byOrder, moduleCatalog, totalMinutes } from './catalog';

export type SectionEntry = CollectionEntry<'sections'>;
export type ModuleEntry = CollectionEntry<'modules'>;

export interface CourseModule {
  entry: ModuleEntry;
  id: string;
  order: number;
  sections: SectionEntry[];
  minutes: number;
  catalog: ReturnType<typeof moduleCatalog>;
}

const localeOf = (id: string) => id.split('/')[0];

export async function getCourse(locale: Locale): Promise<CourseModule[]> {
  const [modules, sections] = await Promise.all([
    getCollection('modules', (m) => localeOf(m.id) === locale),
    getCollection('sections', (s) => localeOf(s.id) === locale),
  ]);
  return modules
    .map((entry) => {
      const own = sections.filter((s) => s.data.module === entry.data.id).sort((a, b) => byOrder(a.data, b.data));
      const data = own.map((s) => s.data);
      return {
        entry,
        id: entry.data.id,
        order: entry.data.order,
        sections: own,
        minutes: totalMinutes(data),
        catalog: moduleCatalog(data),
      };
    })
    .filter((m) => m.sections.length > 0)
    .sort(byOrder);
}
