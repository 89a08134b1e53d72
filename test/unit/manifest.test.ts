import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * custom-elements.json is the elements' API for IDEs, Storybook and the React wrappers: generated
 * from the classes' JSDoc by `npm run analyze` (npm run build does it; npm test builds first).
 */
const root = new URL('../../', import.meta.url);
const manifestUrl = new URL('custom-elements.json', root);
const built = existsSync(manifestUrl);

interface Item {
  name: string;
  inheritedFrom?: { name: string };
}
interface Declaration {
  name: string;
  tagName?: string;
  events?: Item[];
  cssProperties?: Item[];
}

const THEME = ['--sk-font-family', '--sk-font-size', '--sk-color-text', '--sk-color-muted', '--sk-color-surface', '--sk-color-border', '--sk-color-accent', '--sk-color-danger', '--sk-radius', '--sk-space'];
const THEMED = ['sk-logout-button', 'sk-session-list', 'sk-session-expired'];

function elements(): Declaration[] {
  if (!built) throw new Error('custom-elements.json is missing: run `npm run build` first (npm test does)');
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
}

/** Every TypeScript source under components/, by path. */
function sources(dir = 'components/'): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) Object.assign(found, sources(`${path}/`));
    else if (path.endsWith('.ts')) found[path] = readFileSync(new URL(path, root), 'utf8');
  }
  return found;
}

describe('the custom-elements manifest', () => {
  it('gives every themed element the ten CSS properties, written once on their base class', () => {
    for (const tag of THEMED) {
      const element = elements().find((declaration) => declaration.tagName === tag)!;
      expect(element.cssProperties?.map((property) => property.name), tag).toEqual(THEME);
      expect(element.cssProperties?.every((property) => property.inheritedFrom?.name === 'SkElement'), tag).toBe(true);
    }
    const writers = Object.entries(sources()).filter(([, text]) => text.includes('@cssproperty'));
    expect(writers.map(([path]) => path)).toEqual(['components/internal/sk-element.ts']);
  });

  it('shows the CSS properties, and the expired dialog\'s show() and close(), in Storybook\'s API tables, which are read from it', async () => {
    const { extractArgTypes } = await import('../../stories/support/manifest.js');
    for (const tag of THEMED) {
      const argTypes = extractArgTypes(tag);
      expect(THEME.filter((name) => argTypes[name]?.table?.category !== 'css custom properties'), tag).toEqual([]);
    }
    const expired = extractArgTypes('sk-session-expired');
    expect(['method:show', 'method:close'].map((key) => expired[key]?.table?.category)).toEqual(['methods', 'methods']);
  });

  it('documents every event each element dispatches, and nothing it does not', () => {
    const files = sources();
    for (const element of elements()) {
      const folder = element.tagName!.replace(/^sk-/, '');
      const dispatched = new Set(
        Object.entries(files)
          .filter(([path]) => path.startsWith(`components/${folder}/`))
          .flatMap(([, text]) => [...text.matchAll(/emit<\w+>\((?:this|(?:this\.)?host\.element), '(sk-[\w-]+)'/g)].map((match) => match[1])),
      );
      expect(new Set(element.events?.map((event) => event.name) ?? []), element.tagName).toEqual(dispatched);
    }
  });

  it('has one error event for every element, sk-error, and each event is declared once for addEventListener', () => {
    const declared = Object.values(sources()).flatMap((text) => [...text.matchAll(/^\s+'(sk-[\w-]+)': CustomEvent</gm)].map((match) => match[1]));
    const events = new Set(elements().flatMap((element) => element.events?.map((event) => event.name) ?? []));
    expect(events.has('sk-logout-error')).toBe(false);
    for (const tag of THEMED) expect(elements().find((e) => e.tagName === tag)!.events!.map((e) => e.name), tag).toContain('sk-error');
    expect([...declared].sort()).toEqual([...events].sort());
  });
});
