/**
 * Locales shipped besides English. Each is its own chunk, loaded on demand, so an English page pays
 * nothing for them. Written out one by one (not one template path) so every bundler, Vite included,
 * sees each chunk.
 */
export const LOADERS = {
  ar: () => import('../locales/ar.js'),
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  he: () => import('../locales/he.js'),
  it: () => import('../locales/it.js'),
  ja: () => import('../locales/ja.js'),
  nl: () => import('../locales/nl.js'),
  pl: () => import('../locales/pl.js'),
  pt: () => import('../locales/pt.js'),
  zh: () => import('../locales/zh.js'),
};
/** Every locale besides English. */
export const LOCALES = Object.keys(LOADERS) as Locale[];
export type Locale = keyof typeof LOADERS;

