import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * The bench page: bench/page/main.ts bundled with esbuild (the kit from dist/, through package.json
 * exports), served with msw's service worker from a node:http server on 127.0.0.1.
 */
export async function buildPage(root: string) {
  const out = join(root, 'bench/.tmp/page/bench.js');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['bench/page/main.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: out,
    logLevel: 'warning',
  });
  const instrument = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['bench/page/instrument.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return { script: out, instrument: instrument.outputFiles[0].text };
}

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sessionkit bench</title></head><body><script type="module" src="/bench.js"></script></body></html>';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function serve(root: string, script: string): Promise<BenchServer> {
  const files: Record<string, [string, () => Buffer | string]> = {
    '/': ['text/html', () => PAGE],
    '/login': ['text/html', () => '<!doctype html><title>login</title>'],
    '/bench.js': ['text/javascript', () => readFileSync(script)],
    '/mockServiceWorker.js': ['text/javascript', () => readFileSync(join(root, 'public/mockServiceWorker.js'))],
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files[path];
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
