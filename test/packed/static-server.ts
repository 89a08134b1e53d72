// A plain static file server (what a page without a bundler gets from any host or CDN), with
// sessionkit's REST protocol answered by the packed package's own FakeAuthServer under /api/auth.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { getResponse } from 'msw';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from '../chromium.js';
import { consumer, installed } from './consumer.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

type Fake = { handlers: Parameters<typeof getResponse>[0]; signIn(): unknown; addOtherDevices(count: number): unknown };

/** The packed package's `sessionkit/msw`, imported from where the tarball was installed. */
export const packedMsw = () => import(join(installed, 'dist/core/msw/index.js')) as Promise<{ FakeAuthServer: new (options: object) => Fake }>;

export interface StaticServer {
  origin: string;
  fake: Fake;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

async function toRequest(origin: string, message: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url!, origin), { method: message.method, headers: message.headers as Record<string, string>, body });
}

/** Serves `dir` on a free port; `/api/auth/*` goes to a FakeAuthServer. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const { FakeAuthServer } = await packedMsw();
  const requests: string[] = [];
  // Made once the port, and so the absolute base URL msw needs in Node, is known.
  const backend = {} as { fake: Fake };
  const server = createServer(async (message, response) => {
    const path = new URL(message.url!, 'http://host').pathname;
    requests.push(path);
    if (path.startsWith('/api/auth/')) {
      const answer = await getResponse(backend.fake.handlers, await toRequest(origin, message));
      response.writeHead(answer?.status ?? 404, Object.fromEntries(answer?.headers ?? []));
      response.end(answer ? Buffer.from(await answer.arrayBuffer()) : undefined);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  backend.fake = new FakeAuthServer({ baseUrl: `${origin}/api/auth` });
  return { origin, fake: backend.fake, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * For a test file: the consumer project served as a static site (its node_modules included, as a
 * host would serve them) with `others` devices signed in besides this one, and Chromium.
 */
export function staticSite(others: number) {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveStatic(consumer);
    site.server.fake.signIn();
    site.server.fake.addOtherDevices(others);
    site.browser = await chromium.launch(chromiumLaunchOptions);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
