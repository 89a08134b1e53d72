import { defineConfig } from 'vitest/config';

/**
 * Tests of the package as users install it: `npm pack`, the tarball installed into a consumer
 * project (and into examples/), then compiled, bundled, built and run there. Run after
 * `npm run build` (npm test does it) with `npm run test:packed`. One file at a time: a Next.js build
 * or a vue-tsc run takes both cores, and the timing-sensitive suites must not share them.
 */
export default defineConfig({
  test: {
    name: 'packed',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/packed/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/packed/pack.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
