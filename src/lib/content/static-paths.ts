/** getStaticPaths helpers for module and section pages, in every language. */
import { locales } from '../i18n/locales';
import { getCourse } from './course';

export async function modulePaths() {
  const all = await Promise.all(locales.map(async (lang) => ({ lang, course: await getCourse(lang) })));
  return all.flatMap(({ lang, course }) =>
    course.map((module) => ({ params: { lang, module: module.id }, props: { module } })),
  );
}

export async function sectionPaths() {
  const all = await Promise.all(locales.map(async (lang) => ({ lang, course: await getCourse(lang) })));
  return all.flatMap(({ lang, course }) =>
    course.flatMap((module) =>
      module.sections.map((section, index) => ({
        params: { lang, module: module.id, section: section.data.section },
        props: { module, index },
      })),
    ),
  );
}
