import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expand, LOCALES, localeTables, type LocaleTables, type Plural } from '../../components/internal/localize.js';
import { logoutButtonStrings } from '../../components/logout-button/strings.js';
import { endedStrings } from '../../components/session-expired/ended-strings.js';
import { sessionExpiredStrings } from '../../components/session-expired/strings.js';
import { sessionListStrings } from '../../components/session-list/strings.js';

/** The English tables, keyed as the elements key them (`stringsKey`). */
const ENGLISH: Record<string, Record<string, string | Plural>> = {
  logoutButton: logoutButtonStrings,
  sessionList: sessionListStrings,
  sessionExpired: sessionExpiredStrings,
};

/**
 * The budget: each locale as it ships — built by tsc (UTF-8) and compacted to values in English key
 * order (scripts/compact-locales.mjs) — at most 1 024 B of brotli.
 */
const BUDGET = 1024;
const DIST_LOCALES = fileURLToPath(new URL('../../dist/components/locales/', import.meta.url));

/** English strings a locale may keep as they are: proper nouns and formats. None so far. */
const SAME_AS_ENGLISH_OK = new Set<string>([]);

const COMPONENTS = fileURLToPath(new URL('../../components/', import.meta.url));
const LOCALES_DIR = `${COMPONENTS}locales/`;
/** Where the elements' `import(`../locales/${base}.js`)` is resolved from. */
const LOCALIZE = new URL('../../components/internal/localize.ts', import.meta.url);

const isPlural = (value: unknown): value is Plural => typeof value === 'object' && value !== null;
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
/** Every string of a message: the string itself, or each form of a plural. */
const forms = (value: string | Plural) => (isPlural(value) ? Object.values(value) : [value]) as string[];

/** A locale's tables, imported by the specifier the elements use, resolved from the same place. */
async function load(locale: string): Promise<Record<string, Record<string, string | Plural>>> {
  const module = (await import(/* @vite-ignore */ new URL(`../locales/${locale}.js`, LOCALIZE).href)) as {
    default: Record<string, Record<string, string | Plural>>;
  };
  return module.default;
}

/** A locale's tables through `localeTables()` itself, as an element gets them; rejects after `ms`. */
function loadAsElement(lang: string, ms = 3000): Promise<LocaleTables> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`localeTables('${lang}') never loaded its table`)), ms);
    const loaded = () => {
      clearTimeout(timer);
      resolve(localeTables(lang, () => {})!);
    };
    if (localeTables(lang, loaded)) loaded();
  });
}

describe('locale files', () => {
  it('exist for exactly the locales in LOCALES', () => {
    const files = readdirSync(LOCALES_DIR)
      .filter((name) => name.endsWith('.ts') && name !== 'types.ts')
      .map((name) => name.slice(0, -3));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it('are keyed by the stringsKey of the element that owns each English table', () => {
    const keys: Record<string, string> = {};
    for (const dir of readdirSync(COMPONENTS)) {
      let source: string;
      try {
        source = readFileSync(`${COMPONENTS}${dir}/${dir}.ts`, 'utf8');
      } catch {
        continue;
      }
      const key = /stringsKey = '(\w+)'/.exec(source)?.[1];
      const table = /defaultStrings = (\w+)/.exec(source)?.[1];
      if (key && table) keys[key] = table;
    }
    // The session-expired element starts with the first part of its table (the ended dialog's);
    // the countdowns' strings join it when the countdowns load.
    expect(keys).toEqual({ logoutButton: 'logoutButtonStrings', sessionList: 'sessionListStrings', sessionExpired: 'endedStrings' });
    expect(Object.keys(sessionExpiredStrings).slice(0, Object.keys(endedStrings).length)).toEqual(Object.keys(endedStrings));
  });

  it('load through localeTables(), as the elements load them', async () => {
    const tables = await Promise.all(LOCALES.map((locale) => loadAsElement(locale)));
    for (const [i, locale] of LOCALES.entries()) expect(tables[i], locale).toEqual(await load(locale));
    expect(await loadAsElement('pt-BR')).toBe(await loadAsElement('pt'));
  });
});

describe.each(LOCALES)('%s', (locale) => {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

  it('loads by the import path the elements use, with exactly the English keys', async () => {
    const tables = await load(locale);
    expect(Object.keys(tables).sort()).toEqual(Object.keys(ENGLISH).sort());
    for (const [element, english] of Object.entries(ENGLISH)) {
      expect(Object.keys(tables[element] ?? {}).sort(), element).toEqual(Object.keys(english).sort());
    }
  });

  it('keeps every placeholder, and only those', async () => {
    const tables = await load(locale);
    for (const [element, english] of Object.entries(ENGLISH)) {
      for (const [key, value] of Object.entries(english)) {
        const expected = placeholders(forms(value)[0]);
        for (const text of forms(tables[element]![key]!)) expect(placeholders(text), `${element}.${key}: ${text}`).toEqual(expected);
      }
    }
  });

  it(`gives every plural the categories ${categories.join('/')}, each with #`, async () => {
    const tables = await load(locale);
    for (const [element, english] of Object.entries(ENGLISH)) {
      for (const [key, value] of Object.entries(english)) {
        const translated = tables[element]![key]!;
        const name = `${element}.${key}`;
        if (!isPlural(value)) {
          expect(typeof translated, name).toBe('string');
          continue;
        }
        expect(isPlural(translated), name).toBe(true);
        const plural = translated as Plural;
        for (const category of categories) expect(plural[category], `${name}.${category}`).toBeTypeOf('string');
        for (const category of Object.keys(plural)) expect(['zero', 'one', 'two', 'few', 'many', 'other'], name).toContain(category);
        if (Object.values(value).every((text) => text.includes('#'))) {
          for (const [category, text] of Object.entries(plural)) expect(text, `${name}.${category}`).toContain('#');
        }
      }
    }
  });

  it('translates every string longer than two words', async () => {
    const tables = await load(locale);
    const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    for (const [element, english] of Object.entries(ENGLISH)) {
      for (const [key, value] of Object.entries(english)) {
        if (SAME_AS_ENGLISH_OK.has(`${element}.${key}`)) continue;
        const translated = tables[element]![key]!;
        for (const [form, text] of Object.entries(isPlural(value) ? value : { text: value })) {
          if (text.split(/\s+/).length <= 2) continue;
          const mine = isPlural(translated) ? (translated[form as keyof Plural] ?? translated.other) : translated;
          expect(normal(mine), `${element}.${key} is still English`).not.toBe(normal(text));
        }
      }
    }
  });

  it('names each revoke button with its visible label in it', async () => {
    // WCAG 2.5.3: `revokeLabel` is the accessible name of a button whose text is `revoke`.
    const list = (await load(locale)).sessionList!;
    expect((list.revokeLabel as string).toLocaleLowerCase(locale)).toContain((list.revoke as string).toLocaleLowerCase(locale));
  });

  it('bundles alone: its runtime imports are its own table, nothing else', async () => {
    const result = await build({ entryPoints: [`${LOCALES_DIR}${locale}.ts`], bundle: true, write: false, metafile: true, logLevel: 'silent' });
    expect(Object.keys(result.metafile.inputs).sort(), 'only type imports besides the table').toEqual([`components/locales/${locale}.json`, `components/locales/${locale}.ts`]);
  });

  it(`ships compacted, back to the same strings, in at most ${BUDGET} bytes of brotli`, async () => {
    expect(existsSync(`${DIST_LOCALES}${locale}.js`), `dist/components/locales/${locale}.js is missing: run \`npm run build\` first (npm test does)`).toBe(true);
    const shipped = (await import(/* @vite-ignore */ pathToFileURL(`${DIST_LOCALES}${locale}.js`).href)) as { default: Record<string, unknown[]> };
    const source = await load(locale);
    for (const [element, english] of Object.entries(ENGLISH)) {
      expect(expand(shipped.default[element] as LocaleTables[string], english), element).toEqual(source[element]);
    }
    const size = brotliCompressSync(readFileSync(`${DIST_LOCALES}${locale}.js`)).length;
    expect(size, `${locale}.js is ${size} B of brotli`).toBeLessThanOrEqual(BUDGET);
  });
});
