import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);
initialize({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });

const preview: Preview = {
  loaders: [mswLoader],
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error', options: { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    controls: { expanded: true },
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
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { latency: '0', failures: 'none' },
};
export default preview;
