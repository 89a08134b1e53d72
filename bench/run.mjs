// `npm run bench`: Node 20 cannot run TypeScript, so bench/run.ts is bundled with esbuild to
// bench/.tmp/run.mjs (packages stay external) and run from there.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bench/.tmp/run.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(root, process.argv.slice(2));
