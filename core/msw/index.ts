/**
 * `sessionkit/msw`: an in-memory fake auth server speaking the REST protocol, as msw handlers.
 *
 * ```ts
 * const server = new FakeAuthServer({ baseUrl: 'http://localhost/api/auth' });
 * server.signIn();
 * server.addOtherDevices(2);
 * setupServer(...server.handlers).listen(); // or setupWorker(...) in a browser
 * ```
 */
export { FakeAuthServer } from './fake-auth-server.js';
export type { FakeAuthServerOptions, FakeSession, Fault, RecordedRequest } from './fake-auth-server.js';
export { SAMPLE_DEVICES } from './sample-devices.js';
