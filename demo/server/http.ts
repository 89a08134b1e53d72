/** Small helpers for the demo's fetch-style handlers (Request in, Response out). */

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('content-type', JSON_TYPE);
  return response;
}

/** The protocol's error shape: a code for programs, a message for people; nothing else. */
export const apiError = (status: number, code: string, message: string) => json(status, { error: { code, message } });

export const noContent = (headers?: HeadersInit) => new Response(null, { status: 204, headers });

/** 303: after a POST or for a page the visitor may not see, the browser follows with a GET. */
export const redirect = (location: string) => new Response(null, { status: 303, headers: { location } });

/** The request body as JSON, or undefined when it is missing or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request comes from one of our own pages. Browsers send `Origin` on every
 * POST and DELETE, so a missing one is refused too (the session cookie is SameSite=Lax as well).
 */
export const fromTrustedOrigin = (request: Request, trustedOrigins: readonly string[]) =>
  trustedOrigins.includes(request.headers.get('origin') ?? '');

/** Copies the `Set-Cookie` headers better-auth produced onto our response. */
export function withCookies(response: Response, from: Headers | undefined): Response {
  for (const cookie of from?.getSetCookie() ?? []) response.headers.append('set-cookie', cookie);
  return response;
}
