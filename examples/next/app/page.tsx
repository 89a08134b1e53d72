// Also a Server Component: elements with plain props come straight from sessionkit/react; event
// handlers are functions, which only a client component can pass, so they live in <SessionEvents>.
import { LogoutButton, SessionList } from 'sessionkit/react';
import { SessionEvents } from './session-events';

export default function Home() {
  return (
    <main>
      <h1>Your account</h1>
      <a href="/api/auth/sign-in">Sign in</a>
      <LogoutButton redirectTo="/" />
      <SessionList />
      <SessionEvents />
    </main>
  );
}
