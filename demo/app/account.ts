/**
 * The account page: every sessionkit element on one page, sharing one client that the page builds
 * for the backend chosen with `?backend=` (REST protocol by default, or `better-auth`).
 * `?idle=SECONDS` turns on the idle timeout.
 */
import { BACKENDS, chosenBackend, createClient, type BackendName } from './lib/backend.js';
import { wireDemoDevices } from './lib/demo-devices.js';
import { showSessionStatus } from './lib/session-status.js';
import { hideWhileSignedOut } from './lib/signed-out-view.js';

const params = new URLSearchParams(location.search);
const byId = (id: string) => document.getElementById(id)!;

/** Names the active backend and points each toggle link at its flavour, keeping the other parameters. */
function showBackend(active: BackendName) {
  byId('backend-name').textContent = BACKENDS[active];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-backend]')) {
    const name = link.dataset.backend as BackendName;
    const linkParams = new URLSearchParams(params);
    if (name === 'rest') linkParams.delete('backend');
    else linkParams.set('backend', name);
    link.search = linkParams.size ? `?${linkParams}` : '';
    if (name === active) link.setAttribute('aria-current', 'page');
  }
}

const backend = chosenBackend(params);
const client = await createClient(backend);
// Set before the elements are defined, so none of them ever finds itself without a client.
document.querySelector('sk-session-provider')!.client = client;
await import('../../components/index.js');
showBackend(backend);
showSessionStatus(client, byId('session-status'));
wireDemoDevices(client, document.querySelector('sk-session-list')!, byId('device-status'));
hideWhileSignedOut(
  client,
  [document.querySelector('header sk-logout-button')!, document.querySelector('.actions')!, byId('everywhere-heading').closest('section')!],
  () => (byId('device-status').textContent = ''),
);

const idle = Number(params.get('idle'));
if (Number.isInteger(idle) && idle > 0) {
  document.querySelector('sk-session-expired')!.setAttribute('idle-timeout', String(idle));
  byId('idle-note').textContent = `Idle timeout: ${idle} seconds without input in any tab signs you out.`;
}
