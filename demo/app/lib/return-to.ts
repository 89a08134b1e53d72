const AUTH_PAGES = ['/login', '/signup'];

/**
 * Where to go after signing in: the `return_to` query parameter when it is a path on this site,
 * else `fallback`. A single leading `/` is required: `//host` and `/\host` name another host.
 */
export function returnTo(fallback = '/account'): string {
  const value = new URLSearchParams(location.search).get('return_to');
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  const url = new URL(value, location.origin);
  // Coming back to a sign-in page would only ask again.
  if (url.origin !== location.origin || AUTH_PAGES.includes(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}
