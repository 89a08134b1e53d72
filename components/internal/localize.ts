/**
 * Locales shipped besides English. Each is its own chunk, loaded on demand, so an English page pays
 * nothing for them. Written out one by one (not one template path) so every bundler, Vite included,
 * sees each chunk.
 */
const LOADERS = {
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
export const LOCALES = Object.keys(LOADERS) as Locale[];
export type Locale = keyof typeof LOADERS;

/** A plural message: one string per `Intl.PluralRules` category, `#` standing for the number. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * One locale's strings for every element, keyed by element: as written, a table per element; as
 * built, the values in the order of the English keys.
 */
export type LocaleTables = Record<string, Record<string, string | Plural> | Array<string | Plural> | undefined>;

const loaded = new Map<string, LocaleTables | Promise<void>>();

/** The nearest `lang`, looking through shadow roots to their hosts; English when none is set or it is not a valid tag. */
export function resolveLang(start: Element): string {
  for (let node: Node | null = start; node; node = (node as ShadowRoot).host ?? node.parentNode) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) {
      try {
        // An invalid tag would make every Intl formatter throw and the element fail to render.
        return Intl.getCanonicalLocales(lang)[0];
      } catch {
        return 'en';
      }
    }
  }
  return 'en';
}

/** The loaded table for `lang`, starting its load (and calling `onLoad` after) when needed. */
export function localeTables(lang: string, onLoad: () => void): LocaleTables | undefined {
  const base = lang.toLowerCase().split('-')[0] as Locale;
  if (!LOCALES.includes(base)) return undefined;
  const entry = loaded.get(base);
  if (entry && !(entry instanceof Promise)) return entry;
  if (!entry) {
    loaded.set(
      base,
      LOADERS[base]().then(
        (module: { default: LocaleTables }) => {
          loaded.set(base, module.default);
          onLoad();
        },
        () => {
          loaded.delete(base);
        },
      ),
    );
  }
  return undefined;
}

/** One element's table from a locale: built locales list the values in the order of the English keys. */
export function expand(table: LocaleTables[string], english: object): Record<string, string | Plural> | undefined {
  if (!Array.isArray(table)) return table;
  return Object.fromEntries(Object.keys(english).map((key, index) => [key, table[index]]));
}

/**
 * A message's pieces: its text, and the value of each `{name}` placeholder as it is (a template, say),
 * in order. A placeholder without a value stays as written.
 */
export function formatParts<T>(template: string, values: Record<string, T>): Array<string | T> {
  return template.split(/\{(\w+)\}/).map((piece, index) => (index % 2 ? (values[piece] ?? `{${piece}}`) : piece));
}

/** Fills `{name}` placeholders; values are text and stay text when rendered. */
export function format(template: string, values: Record<string, string | number>): string {
  return formatParts(template, values).join('');
}

export function plural(message: Plural | string, count: number, lang: string): string {
  if (typeof message === 'string') return message.replace('#', String(count));
  const category = new Intl.PluralRules(lang).select(count);
  return (message[category] ?? message.other).replace('#', new Intl.NumberFormat(lang).format(count));
}
