import type { SessionClient, SessionState } from '../../../core/index.js';

const ended = ({ status }: SessionState) => status === 'expired' || status === 'signed-out';

/**
 * Hides what only a signed-in person can use (logging out, signing in other devices) while the
 * session has ended, so that a page left open after the expired dialog closes does not offer
 * actions that can only fail. They come back if the person signs in again in place.
 */
export function hideWhileSignedOut(client: SessionClient, elements: HTMLElement[], onEnd: () => void) {
  client.subscribe((state) => {
    for (const element of elements) element.hidden = ended(state);
    if (ended(state)) onEnd();
  });
}
