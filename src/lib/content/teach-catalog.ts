/**
 * The course as the classroom pages need it, per language: modules and
 * sections with their numbers (for short codes) and labels, and each
 * section's exercises (id, points, and on the teacher's pages the question,
 * for "questions to discuss"). Built at build time; handed to islands as props.
 */
import type { TeachCatalog } from '../classroom/dashboard';
import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/t';
import { getCourse } from './course';

export async function teachCatalog(locale: Locale, t: Translate, { questions = false } = {}): Promise<TeachCatalog> {
  const course = await getCourse(locale);
  return {
    modules: course.map((m) => ({
      id: m.id,
      order: m.order,
      label: t('module.titled', { n: m.order, title: m.entry.data.title }),
      sections: m.sections.map((s) => ({
        id: s.data.section,
        order: s.data.order,
        label: s.data.title,
        exercises: s.data.exercises.map((e) => ({ id: e.id, maxScore: e.points, question: questions ? e.question : '' })),
      })),
    })),
  };
}
