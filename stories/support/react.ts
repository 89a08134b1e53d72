import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoryEnv } from './environment.js';

/**
 * Renders React into this web-components Storybook: a host element with its own React root,
 * unmounted when the story is torn down (one renderer per Storybook, so stories return the host).
 */
export function reactStory(env: StoryEnv, node: ReactNode): HTMLElement {
  const host = document.createElement('div');
  host.className = 'sk-story-react';
  const root = createRoot(host);
  root.render(node);
  env.onCleanup(() => root.unmount());
  return host;
}
