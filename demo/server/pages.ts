/**
 * The demo's pages and browser assets. Pages are plain HTML files; the account page is only served
 * to a signed-in visitor (anyone else is sent to sign in and brought back). Assets are read once
 * at start into a fixed table, so no request path ever reaches the file system.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Auth } from './auth.js';
import { redirect, withCookies } from './http.js';

export interface PageFolders {
  /** The HTML pages (`demo/pages`). */
  pages: string;
  /** esbuild's output: scripts, their source maps and the stylesheet. */
  assets: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

interface File {
  body: Buffer;
  type: string;
}

/** Every file of a known type in `folder`, by name. */
async function readFolder(folder: string): Promise<Map<string, File>> {
  const files = new Map<string, File>();
  for (const name of await readdir(folder)) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: await readFile(join(folder, name)), type });
  }
  return files;
}

const respond = ({ body, type }: File, cacheControl: string) =>
  new Response(new Uint8Array(body), { headers: { 'content-type': type, 'cache-control': cacheControl } });

export async function demoPages(auth: Auth, folders: PageFolders) {
  const [pages, assets] = await Promise.all([readFolder(folders.pages), readFolder(folders.assets)]);
  const page = (name: string) => respond(pages.get(`${name}.html`)!, 'no-store');

  return async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (url.pathname.startsWith('/assets/')) {
      const asset = assets.get(url.pathname.slice('/assets/'.length));
      // Rebuilt at every start: the browser may keep a copy but must ask each time.
      return asset && respond(asset, 'no-cache');
    }
    if (url.pathname === '/login' || url.pathname === '/signup') return page(url.pathname.slice(1));
    if (url.pathname !== '/' && url.pathname !== '/account') return undefined;
    const { response: signedIn, headers } = await auth.api.getSession({ headers: request.headers, returnHeaders: true });
    if (url.pathname === '/') return withCookies(redirect(signedIn ? '/account' : '/login'), headers);
    if (!signedIn) return redirect(`/login?return_to=${encodeURIComponent(url.pathname + url.search)}`);
    return withCookies(page('account'), headers);
  };
}
