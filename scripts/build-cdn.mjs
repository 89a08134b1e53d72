// Builds cdn/sessionkit.js: the whole kit as one self-contained ES module for pages without a
// bundler (`<script type="module" src=".../sessionkit/cdn/sessionkit.js">`). Lit, @lit/context and
// the core are inside; every element is registered; the core API is exported. Each locale stays a
// lazy chunk beside it (cdn/chunks/), fetched only by pages in that language. It lives at the
// package root, not in dist/, so CDN URLs read `sessionkit@x/cdn/sessionkit.js`.
import { rmSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('cdn/', root);

rmSync(out, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root.pathname,
  entryPoints: { sessionkit: 'dist/components/index.js' },
  outdir: 'cdn',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  // UTF-8 as written: escaping every non-ASCII letter would bill the locales twice over.
  charset: 'utf8',
  logLevel: 'warning',
});
writeFileSync(new URL('sessionkit.d.ts', out), "export * from '../dist/components/index.js';\n");
