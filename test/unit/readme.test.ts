import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logoutButtonStrings } from '../../components/logout-button/strings.js';
import { sessionExpiredStrings } from '../../components/session-expired/strings.js';
import { sessionListStrings } from '../../components/session-list/strings.js';

/**
 * README is the front door: every attribute, event, slot, part, CSS property and string of every
 * element must be in it. Read from the elements' manifest (npm run build makes it) and string tables.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const manifestUrl = new URL('../../custom-elements.json', import.meta.url);

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

function elements(): Declaration[] {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
}

describe('README', () => {
  it('starts with the two commands', () => {
    const start = readme.slice(0, 1200);
    expect(start).toContain('npm install && npm start');
    expect(start).toContain('npm test');
  });

  it(
    'names every attribute, event, slot, part and CSS property of every element',
    () => {
      expect(existsSync(manifestUrl), 'custom-elements.json is missing: run `npm run build` first (npm test does)').toBe(true);
      expect(elements().map((element) => element.tagName)).toEqual(expect.arrayContaining(['sk-logout-button', 'sk-session-expired', 'sk-session-list', 'sk-session-provider']));
      const missing: string[] = [];
      for (const element of elements()) {
        const names = [
          ...(element.attributes ?? []).map((a) => a.name),
          ...(element.events ?? []).map((e) => e.name),
          ...(element.slots ?? []).map((s) => s.name).filter(Boolean),
          ...(element.cssParts ?? []).map((p) => p.name),
          ...(element.cssProperties ?? []).map((p) => p.name),
        ];
        for (const name of names) if (!readme.includes(`\`${name}\``)) missing.push(`${element.tagName}: ${name}`);
      }
      expect(missing).toEqual([]);
    },
  );

  it('lists every string key of every element', () => {
    const keys = [logoutButtonStrings, sessionListStrings, sessionExpiredStrings].flatMap((table) => Object.keys(table));
    expect(keys.filter((key) => !readme.includes(`| \`${key}\` |`))).toEqual([]);
  });

  it('names every React component and its on* props, as generated from the manifest', () => {
    // The wrappers are committed (react/components/), so this never depends on a build.
    const folder = new URL('../../react/components/', import.meta.url);
    const sources = readdirSync(folder).filter((file) => file !== 'events.ts').map((file) => readFileSync(new URL(file, folder), 'utf8'));
    expect(sources.length).toBe(4);
    const names = sources.flatMap((source) => [...source.matchAll(/^\s+(on[A-Z]\w+): on\(/gm)].map((match) => match[1]));
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
    for (const component of ['LogoutButton', 'SessionList', 'SessionExpiredHandler', 'SessionProvider']) expect(readme).toContain(component);
  });
});
