import type { SessionClient } from './client.js';

let defaultClient: SessionClient | undefined;
const watchers = new Set<() => void>();

/** The client elements use when neither a `client` property nor a provider gives them one. */
export function setDefaultClient(client: SessionClient | undefined) {
  defaultClient = client;
  for (const watcher of [...watchers]) watcher();
}

export const getDefaultClient = () => defaultClient;

/** Lets an element that found no client pick up a default set later. */
export function onDefaultClientChange(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}
