import type { Loader, StoryContext } from '@storybook/web-components-vite';
import { createSessionClient, restBackend, type RestBackendOptions, type SessionClient } from '../../core/index.js';
import type { FakeAuthServer } from '../../core/msw/index.js';
import { API, failChanges, fake, signedIn, type FailureMode, type FakeSetup } from './fake.js';
import { scaleWaitsToLatency } from './dom.js';

/** What every story gets: the fake server, a fresh client for it, and a place to register cleanups. */
export interface StoryEnv {
  fake: FakeAuthServer;
  /** The client given to the story's elements (through `<sk-session-provider .client=…>`). */
  client: SessionClient;
  /** A second client on the same backend: another tab of the same browser. */
  otherTab(): SessionClient;
  /** Runs `cleanup` when the story is torn down (or rendered again with new args). */
  onCleanup(cleanup: () => void): void;
}

/** Story parameters the environment reads. */
export interface FakeParameters {
  /** Seeds the fake before the story renders. Default: signed in here with 4 other devices. */
  fake?: FakeSetup;
  /** Options for the story's REST backend (e.g. `capabilities`, `retries`, `timeout`). */
  backend?: Partial<RestBackendOptions>;
}

/** Args every story has, under "Fake backend" in the controls; unset, the toolbar's values apply. */
export interface FakeArgs {
  latency?: number;
  failures?: FailureMode;
}

const DEFAULT_SETUP = signedIn(4);
let active: { dispose(): void } | undefined;

/** Removes what earlier stories (or an earlier visit) left in storage: markers, leases, activity stamps. */
function clearKitStorage() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('sessionkit:')) localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept either.
  }
}

function createEnv(context: StoryContext): StoryEnv & { dispose(): void } {
  const parameters = context.parameters as FakeParameters;
  const args = context.args as FakeArgs;
  clearKitStorage();
  fake.reset();
  fake.latency = args.latency ?? Number(context.globals.latency ?? 0);
  fake.sessionTtl = 3_600_000;
  fake.noList = false;
  fake.noRefresh = false;
  fake.clockOffset = 0;
  (parameters.fake ?? DEFAULT_SETUP)(fake);
  failChanges(fake, args.failures ?? (context.globals.failures as FailureMode | undefined) ?? 'none');
  scaleWaitsToLatency(fake.latency);

  const cleanups: Array<() => void> = [];
  const newClient = () => {
    const backend = restBackend({ baseUrl: API, ...parameters.backend });
    // Each story is its own browser: tabs of this story hear each other, other stories (in other
    // Storybook tabs or docs iframes) do not. The key names the cross-tab channel and storage.
    const client = createSessionClient({ backend: { ...backend, key: `${backend.key}#${context.id}` } });
    cleanups.push(() => client.dispose());
    return client;
  };
  const client = newClient();
  let disposed = false;
  return {
    fake,
    client,
    otherTab: newClient,
    onCleanup: (cleanup) => void cleanups.push(cleanup),
    dispose() {
      if (disposed) return;
      disposed = true;
      while (cleanups.length) cleanups.pop()!();
    },
  };
}

/**
 * Loader: a fresh fake state and a fresh client for each render of each story. A story rendered
 * again (new args) first lets go of the previous render's client and React roots.
 */
export const storyEnvironment: Loader = (context) => {
  active?.dispose();
  const env = createEnv(context as StoryContext);
  active = env;
  return { env };
};

/** beforeEach: disposes the story's environment when Storybook tears the story down. */
export const disposeStoryEnvironment = (context: StoryContext) => {
  const env = (context.loaded as { env?: StoryEnv & { dispose(): void } }).env;
  return () => {
    env?.dispose();
    if (active === env) active = undefined;
  };
};

/** The story's environment, from a render function's or play function's context. */
export function envOf(context: { loaded: Record<string, unknown> }): StoryEnv {
  const env = context.loaded.env as StoryEnv | undefined;
  if (!env) throw new Error('No story environment: is storyEnvironment in the preview loaders?');
  return env;
}
