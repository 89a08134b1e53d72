/**
 * Builds the demo with esbuild: the browser code (`app/*.ts`, which imports the kit from the repo's
 * source, and the stylesheet) and the server (`server/main.ts`; Node 20 cannot run TypeScript). The output goes to
 * node_modules/.cache, so nothing generated lands in the repository and the server's bundle still
 * finds its dependencies in node_modules.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One output folder per port: two demos started side by side (the e2e suite runs one on PGlite and
 * one on Postgres) must not delete each other's files while building.
 */
export async function buildDemo(port = process.env.PORT || '3000') {
  const out = here(`../node_modules/.cache/sessionkit-demo/port-${port}/`);
  const assets = `${out}assets`;
  const serverFile = `${out}server.mjs`;
  rmSync(out, { recursive: true, force: true });
  await Promise.all([
    esbuild.build({
      entryPoints: [here('app/*.ts'), here('app/demo.css')],
      outdir: assets,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'linked',
      chunkNames: 'shared-[hash]',
      logLevel: 'warning',
    }),
    esbuild.build({
      entryPoints: [here('server/main.ts')],
      outfile: serverFile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
    }),
  ]);
  return { serverFile, folders: { pages: here('pages'), assets } };
}
