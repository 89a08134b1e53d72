/**
 * `npm run bench`: size, render, requests, latency and memory of the BUILT package in headless
 * Chromium; writes bench/RESULTS.md and bench/results.json. Options: `--quick` (fewer runs, for
 * trying things out), `--only=size,render,requests,latency,memory`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright';
import { launch } from './browser.js';
import { benchLatency } from './latency.js';
import { benchMemory } from './memory.js';
import { benchRender } from './render.js';
import { failed, renderMarkdown, type Results } from './report.js';
import { benchRequests } from './requests.js';
import { buildPage, serve } from './server.js';
import { measureSizes } from './size.js';

const PARTS = ['size', 'render', 'requests', 'latency', 'memory'] as const;
type Part = (typeof PARTS)[number];

export async function main(root: string, argv: string[]): Promise<number> {
  const started = Date.now();
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((arg) => arg.startsWith('--only='));
  const only = new Set<Part>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Part[]) : PARTS);
  const runs = quick
    ? { render: 2, requests: 1, crossTab: 3, expiry: 2, cycles: 200 }
    : { render: 7, requests: 3, crossTab: 7, expiry: 5, cycles: 1000 };
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

  if (!existsSync(join(root, 'dist/components/index.js'))) {
    console.error('bench: dist/ is missing. Run `npm run build` first.');
    return 1;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      version: pkg.version,
      node: process.version,
      chromium: '',
      esbuild: esbuild.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
      durationS: 0,
      command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
      runs,
    },
  };
  const attempt = async <T>(part: Part, run: () => Promise<T>): Promise<T | { error: string } | undefined> => {
    if (!only.has(part)) return undefined;
    try {
      return await run();
    } catch (error) {
      console.error(`bench ${part} failed:`, error);
      return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
  };

  results.size = await attempt('size', async () => {
    const rows = await measureSizes(root);
    log(`size: ${rows.length} bundles measured`);
    return rows;
  });

  if (PARTS.slice(1).some((part) => only.has(part))) {
    const page = await buildPage(root);
    const server = await serve(root, page.script);
    let browser: Browser | undefined;
    try {
      browser = await launch();
      results.meta.chromium = browser.version();
      const b = browser;
      log(`Chromium ${b.version()}, bench page at ${server.url}`);
      results.render = await attempt('render', () => benchRender(b, server.url, runs.render, log));
      results.requests = await attempt('requests', () => benchRequests(b, server.url, runs.requests, log));
      results.latency = await attempt('latency', () => benchLatency(b, server.url, runs.crossTab, log, runs.expiry));
      results.memory = await attempt('memory', () => benchMemory(b, server.url, runs.cycles, page.instrument, log));
    } finally {
      await browser?.close();
      await server.close();
    }
  }

  results.meta.durationS = (Date.now() - started) / 1000;
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  const markdown = renderMarkdown(results);
  writeFileSync(join(root, 'bench/RESULTS.md'), markdown);
  log(`wrote bench/RESULTS.md and bench/results.json in ${results.meta.durationS.toFixed(0)} s`);
  const broken = PARTS.filter((part) => failed(results[part]));
  if (broken.length) console.error(`bench: ${broken.join(', ')} failed (see above)`);
  return broken.length ? 1 : 0;
}
