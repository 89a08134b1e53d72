// Writes dist/vue/index.d.ts from custom-elements.json: a `GlobalComponents` declaration that types
// every element in Vue templates (its writable properties as props, each event as an `on*`
// listener), so `vue-tsc` rejects `:warn-before="{ bogus: true }"`. Prop types come from the element
// classes themselves; the manifest says which names are public. dist/vue/index.js is empty: the
// entry only carries types (`import type {} from 'sessionkit/vue'` or tsconfig `types`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { readElements } from './manifest-elements.mjs';

const root = new URL('../', import.meta.url);
const out = new URL('dist/vue/', root);

const quote = (name) => `'${name}'`;

export function vueTypes(elements) {
  const imports = elements.map(({ className, folder }) => `import type { ${className} } from '../components/${folder}/define.js';`);
  const entries = elements.flatMap(({ tag, className, properties, events }) => [
    `    '${tag}': CustomElement<`,
    `      ${className},`,
    `      ${properties.length ? properties.map(quote).join(' | ') : 'never'},`,
    `      ${events.length ? events.map(quote).join(' | ') : 'never'}`,
    '    >;',
  ]);
  return [
    '// Generated from custom-elements.json by scripts/generate-vue-types.mjs (`npm run build`): do not edit.',
    "import type { HTMLAttributes } from 'vue';",
    ...imports,
    '',
    "/** `sk-logout` → `onSkLogout`: the prop Vue binds `@sk-logout` to. */",
    'type Listener<Event extends string> = `on${Capitalize<Camel<Event>>}`;',
    'type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;',
    '',
    '/** A custom element as a Vue template sees it: its properties (optional) and listeners for its events. */',
    'type CustomElement<Element, Props extends keyof Element, Events extends keyof GlobalEventHandlersEventMap> = new () => {',
    '  $props: HTMLAttributes &',
    '    Partial<Pick<Element, Props>> & {',
    '      [Event in Events as Listener<Event>]?: (event: GlobalEventHandlersEventMap[Event]) => void;',
    '    };',
    '};',
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
    ...entries,
    '  }',
    '}',
    '',
    'export {};',
    '',
  ].join('\n');
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const elements = readElements(new URL('custom-elements.json', root));
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('index.d.ts', out), vueTypes(elements));
  writeFileSync(new URL('index.js', out), '// Types only: see index.d.ts.\nexport {};\n');
}

