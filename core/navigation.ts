/**
 * Resolves a navigation target against the page and returns it only when it is http(s) on the
 * page's own origin or an allowed one; anything else (`javascript:`, `//evil.example`, other
 * hosts) is undefined.
 */
export function safeUrl(value: string | null | undefined, allowedOrigins: readonly string[] = [], base?: string): URL | undefined {
  const pageUrl = base ?? (typeof location === 'object' ? location.href : undefined);
  if (!value || !pageUrl) return undefined;
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin === new URL(pageUrl).origin || allowedOrigins.includes(url.origin) ? url : undefined;
}
