import { describe, expect, it, vi } from 'vitest';
import { createSessionClient, restBackend, type SessionState } from '../../core/index.js';
import { manualEnvironment } from '../support/manual-environment.js';
import { BASE, ORIGIN, expiries, setup } from './setup.js';


/** A second "tab": another client on the same backend key, in the same process. */
function secondTab() {
  const client = createSessionClient({ backend: restBackend({ baseUrl: BASE }), environment: manualEnvironment(), allowedOrigins: [ORIGIN] });
  const states: SessionState[] = [];
  client.subscribe((state) => states.push(state));
  return { client, states };
}

describe('across tabs', () => {
  it('signing out in one tab signs the other out with reason signed-out-elsewhere, and it sends nothing more', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    const other = secondTab();
    await other.client.getSession();
    const requestsBefore = fake.requests.length;

    await client.signOut();
    await vi.waitFor(() => expect(other.client.getState().status).toBe('signed-out'));

    expect(other.client.getState()).toEqual({ status: 'signed-out', session: null, reason: 'signed-out-elsewhere' });
    expect(expiries(other.states)).toHaveLength(1);
    await expect(other.client.listSessions()).rejects.toThrow();
    expect(fake.requests.length).toBe(requestsBefore + 1); // the sign-out itself
    other.client.dispose();
  });

  it('a sign-in announced by one tab makes the other check the server and become active', async () => {
    const { fake, client } = setup();
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    expect(other.client.getState().status).toBe('signed-out');

    fake.signIn();
    await client.notifySignedIn();

    await vi.waitFor(() => expect(other.client.getState().status).toBe('active'));
    other.client.dispose();
  });

  it('a revoke in one tab tells the other tab its list changed', async () => {
    const { fake, client } = setup();
    fake.signIn();
    const [device] = fake.addOtherDevices(1);
    const other = secondTab();
    await Promise.all([client.getSession(), other.client.getSession()]);
    let changes = 0;
    other.client.onSessionsChange(() => changes++);

    await client.revokeSession(device.id);
    await vi.waitFor(() => expect(changes).toBeGreaterThan(0));

    expect(changes).toBe(1);
    other.client.dispose();
  });

  it('messages of the wrong shape are ignored', async () => {
    const { fake, client } = setup();
    fake.signIn();
    await client.getSession();
    const channel = new BroadcastChannel(`sessionkit:rest:${BASE}`);
    channel.postMessage({ type: 'signed-out' });
    channel.postMessage('signed-out');
    channel.postMessage({ sk: 1, type: 'explode' });
    // Then a well-formed cue to ask the server: once its request comes, the messages before it were read.
    const checks = fake.count('GET', '/session');
    channel.postMessage({ sk: 1, type: 'signed-in' });
    await vi.waitFor(() => expect(fake.count('GET', '/session')).toBe(checks + 1));
    expect(client.getState().status).toBe('active');
    channel.postMessage({ sk: 1, type: 'signed-out' });
    await vi.waitFor(() => expect(client.getState().reason).toBe('signed-out-elsewhere'));
    channel.close();
  });
});
