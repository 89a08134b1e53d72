import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumLaunchOptions } from './test/chromium.ts';

// A fresh object per project: Vitest mutates `instances`, and a shared one fails with
// "Cannot define a nested project for a chromium browser".
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
});

/**
 * Time limits that catch a hang, not a slow machine: Vitest's defaults (5 s a test, 10 s a hook) turned
 * CPU-bound tests (bundling and brotli for the size budgets, a real better-auth server on PGlite) into
 * speed assertions that failed on a loaded 2-core machine. Speed is measured in benchmarks instead.
 */
const limits = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          ...limits,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          ...limits,
          include: ['test/browser/**/*.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        // Every story is a test: it renders, its `play` function runs, and axe must find nothing
        // (`parameters.a11y.test: 'error'` in .storybook/preview.ts).
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          ...limits,
          browser: browser(),
        },
      },
    ],
  },
});
