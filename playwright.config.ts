import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium.ts';

// E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4319);
const origin = `http://127.0.0.1:${PORT}`;

/**
 * A real Postgres server for the second run of the main flows (.ci/run starts a throwaway one). Its
 * database should be empty and yours to lose: the demo creates its tables there.
 */
const databaseUrl = process.env.SESSIONKIT_E2E_DATABASE_URL;
/** What the Postgres run covers: sign up, two devices, revoke, sign out (everywhere), by mouse and keyboard. */
const POSTGRES_SPECS = ['pages.spec.ts', 'two-devices.spec.ts', 'keyboard.spec.ts'];

if (!databaseUrl) {
  const needs =
    'SESSIONKIT_E2E_DATABASE_URL is not set, so the e2e suite runs on PGlite only. The demo on a real ' +
    'Postgres server needs an empty database: SESSIONKIT_E2E_DATABASE_URL=postgres://user@127.0.0.1:5432/db ' +
    '(or run `bash .ci/run`, which starts a throwaway one).';
  // In CI the Postgres run is part of the suite: missing it is a failure, not a skip.
  if (process.env.CI) throw new Error(needs);
  if (!process.env.SESSIONKIT_E2E_DATA_DIR) console.warn(`\n${needs}\n`);
}

/**
 * Every run starts from an empty database in a new folder. Workers load this file too; they inherit
 * the variable, so only the runner creates the folder, and it removes it when it exits.
 */
function freshDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sessionkit-e2e-'));
  process.env.SESSIONKIT_E2E_DATA_DIR = folder;
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

const dataDir = process.env.SESSIONKIT_E2E_DATA_DIR ?? freshDataDir();

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>;

/** The demo, built and started exactly as `npm start` does, with real better-auth. */
function demo(server: Omit<WebServer, 'command'>): WebServer {
  return {
    command: 'node demo/start.mjs',
    ...server,
    env: { BETTER_AUTH_SECRET: 'sessionkit-e2e-secret-0123456789abcdef0123456789', ...server.env },
    // Never another server's data: each run needs its own empty database.
    reuseExistingServer: false,
    timeout: 120_000,
  };
}

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  // Limits that catch a hang, not a busy machine: on 2 loaded cores a page load and its first session
  // check took over expect's default 5 s, and a whole flow over 30 s. Waits end as soon as the page is right.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'pglite', use: { baseURL: origin } },
    // Its origin is known once its demo has started (below); the workers, started after, read it.
    ...(databaseUrl ? [{ name: 'postgres', testMatch: POSTGRES_SPECS, use: { baseURL: process.env.SESSIONKIT_E2E_POSTGRES_ORIGIN } }] : []),
  ],
  webServer: [
    demo({ url: `${origin}/login`, env: { PORT: String(PORT), DEMO_DATA_DIR: dataDir, DATABASE_URL: '' } }),
    // PORT=0: any free port, as `npm start` takes it; the origin the demo prints is where the tests go.
    ...(databaseUrl
      ? [demo({ env: { PORT: '0', DATABASE_URL: databaseUrl }, wait: { stdout: /sessionkit demo: (?<sessionkit_e2e_postgres_origin>http:\/\/[\d.:]+)/ } })]
      : []),
  ],
});
