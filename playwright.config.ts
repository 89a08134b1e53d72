import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium.ts';

// E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4319);
const origin = `http://127.0.0.1:${PORT}`;

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

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: origin,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  webServer: {
    // The demo, built and started exactly as `npm start` does, with real better-auth.
    command: 'node demo/start.mjs',
    url: `${origin}/login`,
    env: {
      PORT: String(PORT),
      DEMO_DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: 'sessionkit-e2e-secret-0123456789abcdef0123456789',
    },
    // Never another server's data: each run needs its own empty database.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
