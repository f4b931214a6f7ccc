#!/usr/bin/env node
/**
 * Renders the course mark (public/favicon.svg's three connected nodes) to the
 * PNG icons the web app manifest and iOS need, with Debian's Chromium.
 * Run after changing the mark:  node scripts/make-icons.mjs
 * The PNGs are committed; the build does not run this.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const mark = (size, { maskable = false, rounded = true } = {}) => {
  // A maskable icon keeps its drawing inside the central 80 % safe zone.
  const scale = maskable ? 0.72 : 1;
  const offset = (32 - 32 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${rounded && !maskable ? 8 : 0}" fill="#1d5bab"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="M11 12 L21 12 L16 21.5 Z" fill="none" stroke="#fff" stroke-width="1.8"/>
    <circle cx="11" cy="12" r="3.2" fill="#fff"/><circle cx="21" cy="12" r="3.2" fill="#fff"/><circle cx="16" cy="21.5" r="3.2" fill="#fff"/>
  </g></svg>`;
};

const icons = [
  ['icon-192.png', 192, {}],
  ['icon-512.png', 512, {}],
  ['icon-maskable-512.png', 512, { maskable: true }],
  ['apple-touch-icon-180.png', 180, { rounded: false }],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const [name, size, options] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${mark(size, options)}`);
  writeFileSync(`public/icons/${name}`, await page.locator('svg').screenshot({ omitBackground: true }));
  console.log(`public/icons/${name}`);
}
await browser.close();
