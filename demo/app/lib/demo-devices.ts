import { SessionExpiredError, type SessionClient } from '../../../core/index.js';
import { DEMO_DEVICES_PATH } from '../../shared/paths.js';

/**
 * <sk-session-list> has no public way to reload; moving it in the page makes it refetch quietly
 * (it keeps its rows meanwhile), which is what a new session elsewhere calls for.
 */
function reloadList(list: HTMLElement) {
  list.parentNode?.insertBefore(list, list.nextSibling);
}

/** Which simulated device a user agent is (the demo server's phone is an iPhone, its tablet an iPad). */
const deviceOf = (userAgent = '') => (/iPhone/.test(userAgent) ? 'phone' : /iPad/.test(userAgent) ? 'tablet' : undefined);

/**
 * The "Sign in from a phone / tablet" buttons: ask the demo server for another session of this
 * user. The call goes through `client.fetch`, as an app's own API calls should, so a session that
 * has ended meanwhile is noticed (and explained by <sk-session-expired>) like any other 401.
 */
export function wireDemoDevices(client: SessionClient, list: HTMLElement, status: HTMLElement) {
  // "Signed in on a phone" stops being true when that device is signed out from the list.
  list.addEventListener('sk-session-revoked', ({ detail }) => {
    const device = deviceOf(detail.session.userAgent);
    if (device && status.dataset.device === device) status.textContent = '';
  });
  list.addEventListener('sk-other-sessions-revoked', () => (status.textContent = ''));

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-device]')) {
    const device = button.dataset.device!;
    button.addEventListener('click', async () => {
      status.textContent = '';
      try {
        const response = await client.fetch(DEMO_DEVICES_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ device }),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        status.textContent = `Signed in on a ${device} (simulated).`;
        status.dataset.device = device;
        reloadList(list);
      } catch (error) {
        // An ended session is the expired dialog's to explain.
        if (!(error instanceof SessionExpiredError)) status.textContent = `Couldn't sign in on a ${device}. Try again.`;
      }
    });
  }
}
