import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Next.js renders a module from a Server Component only when it starts with the "use client"
 * directive; without it `next build` fails (`createContext is not a function`). The build must
 * keep it at the very top of every built sessionkit/react module. examples/next proves it end to end.
 */
const dist = join(import.meta.dirname, '../../dist/react');

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (path.endsWith('.js')) yield path;
  }
}

describe('the built sessionkit/react', () => {
  it('starts every module with the "use client" directive', () => {
    expect(existsSync(dist), 'dist/react is missing: run npm run build first').toBe(true);
    const modules = [...files(dist)];
    expect(modules.length).toBeGreaterThanOrEqual(6);
    expect(modules.filter((file) => !/^(['"])use client\1;/.test(readFileSync(file, 'utf8'))).map((file) => relative(dist, file))).toEqual([]);
  });
});
