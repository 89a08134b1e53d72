// The elements as custom-elements.json describes them, in the shape the generators need: where each
// one is defined, its public writable properties and its events. One reader for every generator, so
// the React wrappers and the Vue types can never disagree about an element's API.
import { readFileSync } from 'node:fs';

/** React names that differ from the tag's (the SPEC fixes `SessionExpiredHandler`). */
const REACT_NAMES = {
  'sk-session-expired': 'SessionExpiredHandler',
  // `SessionProvider` is the hand-written React provider that wraps this one with a React context.
  'sk-session-provider': 'SessionProviderElement',
};

/** `sk-logout-request` → `LogoutRequest`. */
export const pascal = (name) =>
  name
    .replace(/^sk-/, '')
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/** The first sentence of a JSDoc description, on one line. */
const summary = (text = '') => text.replace(/\s+/g, ' ').trim().split(/(?<=\.)\s/)[0];

/**
 * @returns {{ tag: string, className: string, folder: string, reactName: string, summary: string,
 *   properties: string[], events: string[] }[]} sorted by tag.
 */
export function readElements(manifestUrl) {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  const definitions = new Map();
  for (const module of manifest.modules) {
    for (const exported of module.exports ?? []) {
      if (exported.kind === 'custom-element-definition') definitions.set(exported.name, module.path);
    }
  }
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const definedIn = definitions.get(declaration.tagName);
      if (!definedIn) throw new Error(`${declaration.tagName}: no module in custom-elements.json defines it`);
      const folder = definedIn.match(/^components\/([^/]+)\/define\.ts$/)?.[1];
      if (!folder) throw new Error(`${declaration.tagName}: defined in ${definedIn}, expected components/<folder>/define.ts`);
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        folder,
        reactName: REACT_NAMES[declaration.tagName] ?? pascal(declaration.tagName),
        summary: summary(declaration.description),
        properties: (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.static && !member.readonly)
          .map((member) => member.name),
        events: (declaration.events ?? []).map((event) => event.name),
      });
    }
  }
  if (!elements.length) throw new Error('custom-elements.json declares no elements: run `npm run analyze`');
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}
