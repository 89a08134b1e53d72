import type { SessionClient } from './kit.js';
import { fake, host, macrotask, newClient, resetFake } from './shared.js';

/**
 * What is mounted and unmounted, as in the README. Elements outside a provider get the shared
 * client through their `client` property; a provider with `base-url` creates a client on connect
 * and disposes it on disconnect.
 */
export const MEMORY_SCENARIOS = {
  'sk-logout-button': '<sk-logout-button redirect-to="/login" confirm></sk-logout-button>',
  'sk-session-list': '<sk-session-list refresh-interval="60"></sk-session-list>',
  'sk-session-expired': '<sk-session-expired login-url="/login" warn-before="120" idle-timeout="1800"></sk-session-expired>',
  'sk-session-provider base-url': '<sk-session-provider base-url="/api/auth"></sk-session-provider>',
  'provider base-url + all three': `<sk-session-provider base-url="/api/auth"><sk-logout-button redirect-to="/login"></sk-logout-button
    ><sk-session-list refresh-interval="60"></sk-session-list><sk-session-expired login-url="/login" warn-before="120" idle-timeout="1800"></sk-session-expired
  ></sk-session-provider>`,
} as const;

export type MemoryScenario = keyof typeof MEMORY_SCENARIOS;

let client: SessionClient | undefined;

/** A signed-in session with three other devices, and the shared client, active. */
export async function prepareMemory() {
  resetFake({ others: 3 });
  client ??= newClient();
  await client.getSession();
  return client.getState().status;
}

type KitElement = HTMLElement & { client?: SessionClient; updateComplete?: Promise<unknown> };

/**
 * `cycles` times: mount the scenario's markup, let it render and run one macrotask (requests
 * start; the list's may not have answered yet), remove it. Returns the requests the fake saw.
 */
export async function mountCycles(scenario: MemoryScenario, cycles: number) {
  const template = document.createElement('template');
  template.innerHTML = MEMORY_SCENARIOS[scenario];
  const root = host();
  const from = fake.requests.length;
  for (let i = 0; i < cycles; i++) {
    const fragment = document.importNode(template.content, true);
    const elements = [...fragment.querySelectorAll<KitElement>('*')].filter((element) => element.localName.startsWith('sk-'));
    const top = [...fragment.children] as KitElement[];
    for (const element of top) if (element.localName !== 'sk-session-provider') element.client = client;
    root.append(fragment);
    for (const element of elements) await element.updateComplete;
    await macrotask();
    for (const element of top) element.remove();
  }
  root.remove();
  const requests = fake.requests.length - from;
  // The fake's request log is the bench's, not the kit's: do not let it count as heap growth.
  fake.requests.length = 0;
  return requests;
}
