import type { SessionClient, SessionStatus } from '../../../core/index.js';

const TEXT: Record<SessionStatus, string> = {
  unknown: 'Checking…',
  active: 'Signed in',
  degraded: 'Signed in, but the server cannot be reached right now; checking again soon',
  expired: 'Ended',
  'signed-out': 'Signed out',
};

/** Shows the client's state as it changes (`data-status` carries the raw status), to watch the kit work. */
export function showSessionStatus(client: SessionClient, element: HTMLElement) {
  client.subscribe(({ status, reason }) => {
    element.dataset.status = status;
    element.textContent = reason ? `${TEXT[status]} (reason: ${reason})` : TEXT[status];
  });
}
