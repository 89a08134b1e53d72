import { FakeAuthServer, type FakeSession } from '../../core/msw/index.js';

/** Where the fake auth server answers, in every story. */
export const API = '/api/auth';

/**
 * The one fake auth server of the Storybook preview. Its msw handlers are installed for every
 * story (`parameters.msw.handlers` in .storybook/preview.ts); its state is reset and seeded before
 * each story by the story environment (support/environment.ts).
 */
export const fake = new FakeAuthServer({ baseUrl: API });

/** "This browser": Chrome on a Mac, so the current row reads "Chrome on macOS". */
export const THIS_DEVICE: Partial<FakeSession> = {
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
  ipAddress: '192.0.2.10',
  location: 'Amsterdam, Netherlands',
  authMethods: ['password', 'totp'],
};

/**
 * The labels `fake.addOtherDevices` produces, most recently active first (they repeat every five).
 * `Chrome on Android` is an Android tablet.
 */
export const OTHER_DEVICES = ['Safari on iOS', 'Edge on Windows', 'Chrome on Android', 'Firefox on Linux', 'Safari on macOS'] as const;
export const THIS_DEVICE_LABEL = 'Chrome on macOS';

/** What a story does to the fake before it renders: sign in, add devices, inject faults, … */
export type FakeSetup = (server: FakeAuthServer) => void;

/** Signed in on this device, plus `others` sessions on other devices. */
export const signedIn =
  (others = 0, init: Partial<FakeSession> = {}): FakeSetup =>
  (server) => {
    server.signIn({ ...THIS_DEVICE, ...init });
    server.addOtherDevices(others);
  };

/** The failure modes a designer can switch on from the toolbar or the `failures` control. */
export type FailureMode = 'none' | '500' | 'network' | 'list-500' | 'all-500';

/**
 * `500` and `network`: every change (sign-out, revoke, revoke others) fails; reads keep working.
 * `list-500`: the session list fails to load. `all-500`: every request fails (a server that is down).
 */
export function failChanges(server: FakeAuthServer, mode: FailureMode) {
  if (mode === 'none') return;
  if (mode === 'list-500' || mode === 'all-500') {
    server.fail({ method: 'GET', path: mode === 'all-500' ? undefined : /^\/sessions$/, status: 500, times: Infinity });
    if (mode === 'list-500') return;
  }
  const status = mode === 'network' ? 'network' : 500;
  server.fail({ method: 'POST', path: /^\/(signout|sessions\/revoke-others|session\/refresh)$/, status, times: Infinity });
  server.fail({ method: 'DELETE', status, times: Infinity });
}
