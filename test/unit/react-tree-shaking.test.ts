import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureEntry, measureModule, REACT_EXTERNALS } from '../../bench/size.js';

/**
 * `sessionkit/react` keeps one module per element, each importing only its own element, so a page
 * that imports one component pays for that element, not all four. Measured as bench/size.ts
 * measures (esbuild through package.json exports, minified, brotli), React external, Lit included.
 */
const root = join(import.meta.dirname, '../..');

const PAIRS = [
  ['LogoutButton', 'sessionkit/logout-button'],
  ['SessionList', 'sessionkit/session-list'],
  ['SessionExpiredHandler', 'sessionkit/session-expired'],
] as const;

describe('React tree-shaking', () => {
  let whole: ReturnType<typeof measureEntry> | undefined;
  /** All of sessionkit/react, measured once for every comparison. */
  const everythingOnce = () => (whole ??= measureEntry(root, 'sessionkit/react', { react: true }));

  it('needs the build', () => {
    expect(existsSync(join(root, 'dist/react/index.js')), 'dist/ is missing: run npm run build first').toBe(true);
  });

  for (const [component, element] of PAIRS) {
    it(`import { ${component} } from 'sessionkit/react' costs what ${element} costs, plus at most the wrappers' budget`, async () => {
      const [alone, wrapped, everything] = await Promise.all([
        measureEntry(root, element, { react: true }),
        measureModule(root, `export { ${component} } from 'sessionkit/react';`, REACT_EXTERNALS),
        everythingOnce(),
      ]);
      const label = `${component}: ${wrapped.brotli} B brotli, ${element}: ${alone.brotli} B, all of sessionkit/react: ${everything.brotli} B`;
      expect(wrapped.brotli, label).toBeLessThanOrEqual(alone.brotli + BUDGETS.reactDelta);
      // And clearly less than the whole kit: the other elements were left out.
      expect(wrapped.brotli, label).toBeLessThan(everything.brotli - 1024);
    });
  }
});
