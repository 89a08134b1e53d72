/**
 * Bundle size of the built package, as an app would import it: each entry is bundled from `dist/`
 * through package.json `exports` with esbuild (`bundle`, `minify`, `format: 'esm'`), then gzipped
 * (level 9) and brotli-compressed (quality 11) with node:zlib. Shared by `npm run bench` and
 * test/unit/size.test.ts, so both measure the same way.
 *
 * Locales: the elements load a locale with `import(\`../locales/${lang}.js\`)`. esbuild turns that
 * glob into one lazy chunk per locale, so the bundle is split (`splitting: true`) and only what an
 * English page downloads counts: the entry and the chunks it imports statically. The lazy chunks are
 * reported separately (`lazyChunks`), and one extra locale is measured on its own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** Lit itself: what an app that already ships Lit does not pay again. `@lit/context` and `@lit/react` count as the kit's. */
export const LIT_EXTERNALS = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];
export const REACT_EXTERNALS = ['react', 'react/*', 'react-dom', 'react-dom/*'];

/** The budgets, brotli bytes. */
export const BUDGETS = {
  /** `sessionkit` (all four elements and the core), Lit included, English only. */
  kit: 14 * 1024,
  core: 4 * 1024,
  /** `sessionkit/react` over the elements it wraps. */
  reactDelta: 1024,
  /** One extra locale. */
  locale: 1024,
} as const;

export interface Bytes {
  minified: number;
  gzip: number;
  brotli: number;
}

export interface Measured extends Bytes {
  /** Output files counted (the entry and its static chunks). */
  files: number;
  /** Lazily imported chunks (the locales) left out of the figures. */
  lazyChunks: number;
}

export const gzipBytes = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;
export const brotliBytes = (code: Uint8Array) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export function compressed(code: Uint8Array): Bytes {
  return { minified: code.length, gzip: gzipBytes(code), brotli: brotliBytes(code) };
}

/**
 * Bundles `source` (an ES module's text, e.g. `export * from 'sessionkit/core'`) as if it were a
 * file at the repository root, and measures what a page loading it downloads up front.
 */
export async function measureModule(root: string, source: string, external: string[] = []): Promise<Measured> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['bench-entry'],
    bundle: true,
    minify: true,
    // UTF-8, as the package ships and as Vite and Rollup emit: esbuild's default escapes every
    // non-ASCII character (\uXXXX), which would bill Arabic or Japanese text twice over.
    charset: 'utf8',
    format: 'esm',
    splitting: true,
    outdir: 'out',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
    plugins: [
      {
        name: 'bench-entry',
        setup(build) {
          build.onResolve({ filter: /^bench-entry$/ }, () => ({ path: 'bench-entry', namespace: 'bench' }));
          build.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({ contents: source, resolveDir: root, loader: 'js' }));
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [file.path.slice(root.length + 1).replace(/\\/g, '/'), file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'bench:bench-entry');
  if (!entry) throw new Error('esbuild produced no entry chunk');
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.external) continue;
      if (imported.kind === 'import-statement') visit(imported.path);
      else if (imported.kind === 'dynamic-import') lazy.add(imported.path);
    }
  };
  visit(entry);
  const total: Measured = { minified: 0, gzip: 0, brotli: 0, files: eager.size, lazyChunks: [...lazy].filter((path) => !eager.has(path) && outputs[path].bytes > 0).length };
  for (const path of eager) {
    const bytes = compressed(files.get(path)!);
    total.minified += bytes.minified;
    total.gzip += bytes.gzip;
    total.brotli += bytes.brotli;
  }
  return total;
}

/** Measures a package entry (`sessionkit`, `sessionkit/core`…), resolved through package.json `exports`. */
export function measureEntry(root: string, specifier: string, { lit = true, react = false } = {}) {
  const external = [...(lit ? [] : LIT_EXTERNALS), ...(react ? REACT_EXTERNALS : [])];
  return measureModule(root, `export * from '${specifier}';`, external);
}

/**
 * What `sessionkit/react` imports from the kit: the four elements and the core functions its
 * provider uses. The wrappers' cost is the React bundle minus this.
 */
export const REACT_BASELINE = [
  "export * from 'sessionkit/logout-button';",
  "export * from 'sessionkit/session-list';",
  "export * from 'sessionkit/session-expired';",
  "export * from 'sessionkit/session-provider';",
  "export { createSessionClient, getDefaultClient, restBackend } from 'sessionkit/core';",
].join('\n');

export async function measureReactDelta(root: string, { lit = true } = {}) {
  const external = [...(lit ? [] : LIT_EXTERNALS), ...REACT_EXTERNALS];
  const [react, base] = await Promise.all([measureEntry(root, 'sessionkit/react', { lit, react: true }), measureModule(root, REACT_BASELINE, external)]);
  const delta: Bytes = { minified: react.minified - base.minified, gzip: react.gzip - base.gzip, brotli: react.brotli - base.brotli };
  return { react, base, delta };
}

export const localesDir = (root: string) => join(root, 'dist/components/locales');

/** The built locale files besides English (`de`, `fr`…); empty when none are built. */
export function builtLocales(root: string): string[] {
  const dir = localesDir(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?\.js$/.test(file))
    .map((file) => file.slice(0, -3))
    .filter((name) => name !== 'types')
    .sort();
}

/** One locale's table, minified on its own (what the lazy chunk costs when that language is used); undefined when not built. */
export async function measureLocale(root: string, lang: string): Promise<Measured | undefined> {
  const file = join(localesDir(root), `${lang}.js`);
  if (!existsSync(file)) return undefined;
  return measureModule(root, `export { default } from './dist/components/locales/${lang}.js';`);
}

export interface BudgetStatus {
  budget: number;
  /** `within` or `over`. */
  status: 'within' | 'over';
  /** Bytes left under the budget (positive) or over it (negative). */
  margin: number;
}

export function checkBudget(bytes: number, budget: number): BudgetStatus {
  return { budget, status: bytes <= budget ? 'within' : 'over', margin: budget - bytes };
}

export const describeBudget = (check: BudgetStatus | undefined) =>
  !check
    ? ''
    : check.status === 'within'
      ? `within (${check.margin.toLocaleString('en-US')} B left)`
      : `**OVER by ${(-check.margin).toLocaleString('en-US')} B**`;

export interface SizeRow extends Partial<Bytes> {
  id: string;
  label: string;
  /** Whether Lit is in the figures. */
  lit: 'included' | 'excluded' | 'n/a';
  /** The figures are a difference (React wrappers over the elements they wrap). */
  delta?: boolean;
  lazyChunks?: number;
  /** Brotli budget and where the row stands. */
  check?: BudgetStatus;
  note?: string;
}

const ELEMENTS = [
  ['sessionkit/session-provider', '<sk-session-provider>'],
  ['sessionkit/logout-button', '<sk-logout-button>'],
  ['sessionkit/session-list', '<sk-session-list>'],
  ['sessionkit/session-expired', '<sk-session-expired>'],
] as const;

/** Every row of the bench's size table. */
export async function measureSizes(root: string, extraLocale = 'de'): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  const add = (id: string, label: string, lit: SizeRow['lit'], bytes: Measured | Bytes, budget?: number, extra: Partial<SizeRow> = {}) => {
    const { minified, gzip, brotli } = bytes;
    rows.push({
      id,
      label,
      lit,
      minified,
      gzip,
      brotli,
      lazyChunks: 'lazyChunks' in bytes ? bytes.lazyChunks : undefined,
      check: budget === undefined ? undefined : checkBudget(brotli, budget),
      ...extra,
    });
  };
  // The core has no Lit: one row.
  add('core', '`sessionkit/core`', 'n/a', await measureEntry(root, 'sessionkit/core'), BUDGETS.core);
  for (const lit of [true, false]) {
    const litLabel = lit ? 'included' : 'excluded';
    for (const [specifier, label] of ELEMENTS) {
      add(`${specifier.split('/')[1]}:lit-${litLabel}`, `\`${specifier}\` ${label}`, litLabel, await measureEntry(root, specifier, { lit }));
    }
    add(`kit:lit-${litLabel}`, '`sessionkit` (all four elements + core)', litLabel, await measureEntry(root, 'sessionkit', { lit }), lit ? BUDGETS.kit : undefined);
    const { react, delta } = await measureReactDelta(root, { lit });
    add(`react:lit-${litLabel}`, '`sessionkit/react` (React external)', litLabel, react);
    add(`react-delta:lit-${litLabel}`, '`sessionkit/react` over the elements it wraps', litLabel, delta, BUDGETS.reactDelta, { delta: true });
  }
  const locale = await measureLocale(root, extraLocale);
  if (locale) add(`locale:${extraLocale}`, `one extra locale (\`dist/components/locales/${extraLocale}.js\`)`, 'n/a', locale, BUDGETS.locale);
  else rows.push({ id: `locale:${extraLocale}`, label: `one extra locale (\`dist/components/locales/${extraLocale}.js\`)`, lit: 'n/a', note: 'not built (no such file)' });
  return rows;
}
