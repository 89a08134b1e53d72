import { safeUrl } from '../../core/navigation.js';

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
