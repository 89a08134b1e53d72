// Writes one React wrapper module per element, react/components/<element>.ts, from
// custom-elements.json: each imports only its own element, so `import { LogoutButton } from
// 'sessionkit/react'` registers and ships the logout button alone. Run by `npm run analyze` (and so
// by `npm run build`); `--check` only reports wrappers that differ from the manifest.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pascal, readElements } from './manifest-elements.mjs';

const root = new URL('../', import.meta.url);
const out = new URL('react/components/', root);
/** Hand-written helpers beside the generated modules. */
const KEEP = new Set(['events.ts']);

export function wrapperSource({ tag, className, folder, reactName, summary, events }) {
  const eventLines = events.map((event) => `    on${pascal(event)}: on('${event}'),`);
  return [
    "'use client';",
    '// Generated from custom-elements.json by scripts/generate-react.mjs (`npm run analyze`): do not edit.',
    "import { createComponent } from '@lit/react';",
    "import * as React from 'react';",
    `import { ${className} } from '../../components/${folder}/define.js';`,
    ...(events.length ? ["import { on } from './events.js';"] : []),
    '',
    '/**',
    ` * \`<${tag}>\` for React: every property a prop, every event an \`on*\` prop.`,
    ` * ${summary}`,
    ' */',
    `export const ${reactName} = createComponent({`,
    `  tagName: '${tag}',`,
    `  elementClass: ${className},`,
    '  react: React,',
    ...(events.length ? ['  events: {', ...eventLines, '  },'] : []),
    '});',
    '',
  ].join('\n');
}

/** The file each element's wrapper lives in, and what it should contain. */
export function wrappers(manifestUrl = new URL('custom-elements.json', root)) {
  return readElements(manifestUrl).map((element) => ({ file: `${element.folder}.ts`, source: wrapperSource(element) }));
}

function main(check) {
  const expected = wrappers();
  const names = new Set(expected.map(({ file }) => file));
  const stale = readdirSync(out).filter((file) => !KEEP.has(file) && !names.has(file));
  const differing = expected.filter(({ file, source }) => {
    try {
      return readFileSync(new URL(file, out), 'utf8') !== source;
    } catch {
      return true;
    }
  });
  if (check) {
    const problems = [...differing.map(({ file }) => `react/components/${file} differs`), ...stale.map((file) => `react/components/${file} has no element`)];
    if (problems.length) {
      console.error(`React wrappers out of date with custom-elements.json (run npm run analyze):\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    return;
  }
  for (const file of stale) rmSync(new URL(file, out));
  for (const { file, source } of differing) writeFileSync(new URL(file, out), source);
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) main(process.argv.includes('--check'));
