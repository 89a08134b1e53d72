import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const require = createRequire(import.meta.url);

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // msw-storybook-addon is wired in preview.ts.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['../public'], // serves mockServiceWorker.js
  core: { disableTelemetry: true },
  // Pre-bundle up front: otherwise lit/directive-helpers.js is served raw (a second copy of Lit),
  // and late-discovered dependencies trigger a reload in the middle of a test run.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // The repository has a `react/` folder (sessionkit/react). Under Vitest the dependency
      // optimizer resolved the bare `react` to it instead of the package; pin the package.
      resolve: { alias: [{ find: /^react$/, replacement: require.resolve('react') }] },
      optimizeDeps: {
        include: [
          'lit',
          'lit/directives/if-defined.js',
          'lit/directive-helpers.js',
          '@lit/context',
          '@lit/react',
          'react',
          'react-dom/client',
          'react/jsx-runtime',
          'react/jsx-dev-runtime',
          'msw',
          'msw/browser',
          'msw-storybook-addon',
          'axe-core',
        ],
      },
    }),
};
export default config;
