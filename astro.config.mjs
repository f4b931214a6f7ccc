// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

// The course is a fully static site: every page in every language is built
// ahead of time, so it works from any static host and, later, offline.
export default defineConfig({
  // Set SITE_URL at build time to get absolute hreflang and canonical links.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
  // No third-party requests: no prefetch to other origins, no telemetry in pages.
  prefetch: false,
  devToolbar: { enabled: false },
  // The training worker is an ES module (TF.js and its wasm files load only inside it).
  vite: { worker: { format: 'es' } },
});
