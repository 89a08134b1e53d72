'use client';
import { useState } from 'react';
import { SessionExpiredHandler, useSession } from 'sessionkit/react';

/** The expired dialog with a handler, and the state from the layout's provider. */
export function SessionEvents() {
  const { status } = useSession();
  const [ended, setEnded] = useState<string>();
  return (
    <>
      <p>
        Session: <output data-testid="status">{status}</output>
      </p>
      {ended && <p data-testid="ended">Your session ended ({ended}).</p>}
      <SessionExpiredHandler loginUrl="/api/auth/sign-in" onSessionExpired={(event) => setEnded(event.detail.reason)} />
    </>
  );
}
