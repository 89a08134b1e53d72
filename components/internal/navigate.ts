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

/**
 * Follows `target` only when it is http(s) on the page's origin or an allowed one; otherwise logs
 * why and stays. Returns whether it navigated.
 */
export function navigate(tag: string, attribute: string, target: string, allowedOrigins: readonly string[]): boolean {
  const url = safeUrl(target, allowedOrigins);
  if (!url) {
    console.error(`<${tag}>: refused to navigate to ${attribute}="${target}": only http(s) URLs on this origin or in allowed-origins are followed.`);
    return false;
  }
  location.assign(url.href);
  return true;
}

/** The page's own location as a path with a single leading slash, for `return_to`. */
export function currentPath(): string {
  return `/${(location.pathname + location.search + location.hash).replace(/^\/+/, '')}`;
}
