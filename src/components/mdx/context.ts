import type { Exercise } from '../../lib/exercises/schema';
import type { Locale } from '../../lib/i18n/locales';

/** What MDX components of a section need to know about the section being rendered. */
export interface SectionContext {
  locale: Locale;
  moduleId: string;
  sectionId: string;
  exercises: Exercise[];
  /** Ids placed so far with <Exercise>, to catch an exercise placed twice. */
  placed: Set<string>;
}
