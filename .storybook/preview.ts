import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { disposeStoryEnvironment, storyEnvironment } from '../stories/support/environment.js';
import { fake } from '../stories/support/fake.js';
import { extractArgTypes, extractComponentDescription, manifest } from '../stories/support/manifest.js';
import { darkCanvas, storySource, withPage } from '../stories/support/page.js';
import './preview.css';

setCustomElementsManifest(manifest);
initialize({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });

const preview: Preview = {
  // mswLoader installs the fake's handlers; storyEnvironment resets and seeds the fake and makes
  // the story's client (they run side by side: the client sends nothing before the story renders).
  loaders: [mswLoader, storyEnvironment],
  beforeEach: [disposeStoryEnvironment, darkCanvas],
  decorators: [withPage],
  parameters: {
    // One fake auth server behind every story; each story seeds its own state (`parameters.fake`).
    msw: { handlers: { auth: fake.handlers } },
    a11y: { test: 'error', options: { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    controls: { expanded: true },
    layout: 'fullscreen',
    // API tables from custom-elements.json, one key per kind (see stories/support/manifest.ts).
    docs: { codePanel: true, extractArgTypes, extractComponentDescription, source: { transform: storySource } },
  },
  argTypes: {
    latency: {
      description: "Milliseconds the fake backend waits before every answer. Unset: the toolbar's Latency.",
      control: { type: 'number', min: 0, step: 100 },
      table: { category: 'Fake backend' },
    },
    failures: {
      description: "Make the fake backend fail: every change (500 or network), the list, or every request. Unset: the toolbar's Failures.",
      control: 'select',
      options: ['none', '500', 'network', 'list-500', 'all-500'],
      table: { category: 'Fake backend' },
    },
  },
  globalTypes: {
    latency: {
      description: 'Fake backend latency',
      toolbar: {
        title: 'Latency',
        icon: 'timer',
        items: [
          { value: '0', title: 'No latency' },
          { value: '400', title: '400 ms' },
          { value: '2000', title: '2 s' },
        ],
        dynamicTitle: true,
      },
    },
    failures: {
      description: 'Make the fake backend fail',
      toolbar: {
        title: 'Failures',
        icon: 'alert',
        items: [
          { value: 'none', title: 'No failures' },
          { value: '500', title: 'Every change answers 500' },
          { value: 'network', title: 'Every change fails (network)' },
          { value: 'list-500', title: 'The session list answers 500' },
          { value: 'all-500', title: 'Every request answers 500' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { latency: '0', failures: 'none' },
};
export default preview;
