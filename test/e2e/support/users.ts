import { randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContext } from '@playwright/test';

export interface User {
  name: string;
  email: string;
  password: string;
}

/** A user no other test uses, so tests can run in any order and in parallel. */
export function newUser(): User {
  const id = randomUUID();
  return { name: 'Test User', email: `e2e-${id}@example.com`, password: `pw-${id}` };
}

/** better-auth refuses cookie-carrying POSTs without a trusted Origin, as a browser would send. */
async function post(request: APIRequestContext, baseURL: string, path: string, data: object) {
  const response = await request.post(path, { data, headers: { origin: baseURL } });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
}

/**
 * Creates `user` and signs them in within `context` (its API requests share the context's cookies,
 * so the context's pages are signed in too). Signing up through the page is tested separately.
 */
export async function signUp(context: BrowserContext, baseURL: string, user: User = newUser()): Promise<User> {
  await post(context.request, baseURL, '/api/auth/sign-up/email', user);
  return user;
}

/** Signs an existing user in within `context`: another device, as far as the server can tell. */
export async function signIn(context: BrowserContext, baseURL: string, user: User) {
  await post(context.request, baseURL, '/api/auth/sign-in/email', { email: user.email, password: user.password });
}

/** The better-auth session cookie's value in `context`, and the raw session token inside it. */
export async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === 'better-auth.session_token');
  if (!cookie) throw new Error('no better-auth session cookie');
  const value = decodeURIComponent(cookie.value);
  // The value is `<token>.<signature>`.
  return { value, token: value.slice(0, value.indexOf('.')) };
}
