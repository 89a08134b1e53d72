// Global setup of the packed tests: packs the built package once and installs the tarball into the
// consumer project. Fails, and so fails the run, when the build is missing.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumer, root, run, tarball } from './consumer.js';

export default function pack() {
  for (const built of ['dist/components/index.js', 'dist/react/index.js', 'dist/vue/index.d.ts', 'cdn/sessionkit.js', 'custom-elements.json']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  rmSync(join(root, '.packed'), { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  const name = run('npm', ['pack', '--silent', '--pack-destination', join(root, '.packed')], root).trim().split('\n').at(-1)!;
  renameSync(join(root, '.packed', name), tarball);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-package-lock', tarball], consumer);
}
