import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogoutButton, SessionExpiredHandler, SessionList, SessionProvider } from '../../react/index.js';

describe('React server rendering', () => {
  it('renders every component with react-dom/server in Node without throwing', () => {
    const markup = renderToString(
      <SessionProvider baseUrl="/api/auth">
        <LogoutButton scope="all" redirectTo="/bye" />
        <SessionList pageSize={5} hideIp />
        <SessionExpiredHandler loginUrl="/login" warnBefore={60} />
      </SessionProvider>,
    );
    expect(markup).toContain('<sk-session-provider');
    expect(markup).toContain('<sk-logout-button');
    expect(markup).toContain('<sk-session-list');
    expect(markup).toContain('<sk-session-expired');
  });
});

describe('useSessions() on the server', () => {
  it('renders loading, with no sessions, whatever the client', async () => {
    const { useSessions } = await import('../../react/index.js');
    const { createSessionClient, restBackend } = await import('../../core/index.js');
    const client = createSessionClient({ backend: restBackend({ baseUrl: 'http://localhost/api/auth' }) });
    function Sessions() {
      const { status, sessions } = useSessions();
      return <p>{`${status}:${sessions.length}`}</p>;
    }
    const markup = renderToString(
      <SessionProvider client={client}>
        <Sessions />
      </SessionProvider>,
    );
    expect(markup).toContain('loading:0');
    client.dispose();
  });
});
