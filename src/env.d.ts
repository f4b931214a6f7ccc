/// <reference types="astro/client" />
/// <reference types="vite-plugin-pwa/info" />
/// <reference types="vite-plugin-pwa/client" />

declare namespace App {
  interface Locals {
    /** Set by the section page while its MDX renders, read by <Exercise>. */
    section?: import('./components/mdx/context').SectionContext;
  }
}
