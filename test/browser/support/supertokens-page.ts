/**
 * A page where SuperTokens' API is the fake of test/unit/backends/fake-supertokens.ts, served by
 * msw's worker, and this browser signs in through `POST /auth/signin` (any recipe's sign-in: it
 * answers with the session's tokens). Used by the suites with and without SuperTokens' real SDK.
 */
import { afterEach } from 'vitest';
import { FakeSupertokens, type FakeStOptions } from '../../unit/backends/fake-supertokens.js';
import { worker } from '../support.js';

/** A fresh fake SuperTokens for this test, with `others` sessions of the same user on other devices. */
export function fakeSupertokens(others = 2, options: Partial<FakeStOptions> = {}) {
  const fake = new FakeSupertokens({ origin: location.origin, sessionRouteExpiry: true, ...options });
  worker.use(...fake.handlers);
  const otherSessions = ['Firefox on Linux', 'Safari on iPhone', 'Edge on Windows']
    .slice(0, others)
    .map((userAgent, index) => fake.signIn({ current: false, userAgent, ipAddress: `198.51.100.${index + 2}` }));
  return { fake, otherSessions };
}

/** Signs this browser in (through whatever fetch the page has: SuperTokens' interceptor, where loaded). */
export async function signInHere(fake: FakeSupertokens, init: RequestInit = {}) {
  const response = await fetch('/auth/signin', { method: 'POST', ...init });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return fake.sessions.get(fake.currentHandle()!)!;
}

/** Forgets the cookies SuperTokens' SDK (and the SDK-less backend) keep on the page. */
export function clearPageCookies() {
  for (const cookie of document.cookie.split('; ')) if (cookie) document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
}

afterEach(clearPageCookies);
