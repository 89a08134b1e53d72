import type { SessionState, SkSessionProvider } from './kit.js';
import { absNow, fake, host, resetFake, until } from './shared.js';

/** What a tab saw, in epoch ms on the browser-wide clock (`absNow`). */
export interface TabTimes {
  /** The logout button was clicked (tab A). */
  clicked?: number;
  /** The client's state became `signed-out` or `expired`. */
  ended?: number;
  reason?: string;
  /** `sk-session-expired` reached the document. */
  expiredEvent?: number;
  expiredReason?: string;
}

const times: TabTimes = {};

/**
 * A signed-in page as an app would have it: `<sk-session-provider base-url>` with a logout button
 * and the session-expired handler. Resolves once the session is active; from then on `times` records
 * when this tab's session ended and when `sk-session-expired` fired.
 */
export async function signedInTab({ sessionTtl = 3_600_000 } = {}) {
  resetFake({ others: 0, sessionTtl });
  for (const key of Object.keys(times)) delete times[key as keyof TabTimes];
  const root = host();
  root.innerHTML =
    '<sk-session-provider base-url="/api/auth"><sk-logout-button></sk-logout-button><sk-session-expired login-url="/login"></sk-session-expired></sk-session-provider>';
  const provider = root.querySelector('sk-session-provider') as SkSessionProvider;
  await until(() => provider.providedClient?.getState().status === 'active', 10_000, 'an active session');
  const client = provider.providedClient!;
  client.subscribe((state: SessionState) => {
    if ((state.status === 'signed-out' || state.status === 'expired') && times.ended === undefined) {
      times.ended = absNow();
      times.reason = state.reason;
    }
  });
  document.addEventListener('sk-session-expired', (event) => {
    times.expiredEvent ??= absNow();
    times.expiredReason = (event as CustomEvent<{ reason: string }>).detail.reason;
  });
  return { expiresAt: fake.current()!.expiresAt };
}

/** Clicks the logout button (tab A), recording when. */
export function clickLogout() {
  const button = document.querySelector('sk-logout-button')!.shadowRoot!.querySelector<HTMLElement>('[part=button]')!;
  times.clicked = absNow();
  button.click();
  return times.clicked;
}

export const tabTimes = (): TabTimes => ({ ...times });

/** The server's expiry of this tab's session (epoch ms; the fake's clock is the browser's). */
export const serverExpiresAt = () => fake.current()?.expiresAt;
