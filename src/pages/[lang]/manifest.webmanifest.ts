/**
 * The web app manifest, one per language: installing the course from a Dutch
 * page gives a Dutch name that opens on the Dutch home, and so on.
 */
import type { APIRoute } from 'astro';
import type { Locale } from '../../lib/i18n/locales';
import { homePath, rootPath } from '../../lib/i18n/paths';
import { localeStaticPaths } from '../../lib/i18n/static-paths';
import { useTranslations } from '../../lib/i18n/t';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const locale = params.lang as Locale;
  const t = useTranslations(locale);
  const icons = rootPath() + 'icons/';
  const manifest = {
    id: homePath(locale),
    name: t('site.name'),
    short_name: t('app.shortName'),
    description: t('site.description'),
    lang: locale,
    dir: 'ltr',
    start_url: homePath(locale),
    scope: rootPath(),
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#1d5bab',
    icons: [
      { src: `${icons}icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: `${icons}icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: `${icons}icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
