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
