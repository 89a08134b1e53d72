import { setupServer } from 'msw/node';
import { restBackend } from '../../../core/index.js';
import { FakeAuthServer } from '../../../core/msw/index.js';
import { runBackendContract } from './contract.js';

const ORIGIN = 'http://localhost';

runBackendContract('restBackend + FakeAuthServer', async () => {
  const fake = new FakeAuthServer({ baseUrl: `${ORIGIN}/api/auth` });
  const empty = new FakeAuthServer({ baseUrl: `${ORIGIN}/other/auth` });
  const server = setupServer(...fake.handlers, ...empty.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  fake.signIn();
  const others = fake.addOtherDevices(2);

  return {
    backend: restBackend({ baseUrl: fake.baseUrl, retries: 0 }),
    otherIds: others.map((session) => session.id),
    signedOutBackend: () => restBackend({ baseUrl: empty.baseUrl, retries: 0 }),
    async isAlive(id) {
      // The fake knows one browser: look through the eyes of the session asked about.
      const here = fake.currentId;
      fake.currentId = id;
      const alive = typeof fake.authenticate() !== 'string';
      fake.currentId = here;
      return alive;
    },
    breakServer: (kind) => fake.fail({ status: kind === 'network' ? 'network' : 503, times: Infinity }),
    heal: () => fake.clearFaults(),
    secrets: () => [],
    capabilities: { list: true, revoke: true, revokeOthers: true, signOutAll: true, refresh: true },
    dispose: () => server.close(),
  };
});
