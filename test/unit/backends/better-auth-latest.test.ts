/**
 * betterAuthBackend against the newest better-auth 1.7.x this registry installs, through the npm
 * alias `better-auth-latest` (package.json), beside the pinned one.
 */
import { betterAuth } from 'better-auth-latest';
import { createAuthClient } from 'better-auth-latest/client';
import { getMigrations } from 'better-auth-latest/db/migration';
import { toNodeHandler } from 'better-auth-latest/node';
import { betterAuthSuite, installedVersion, type BetterAuthRelease } from './better-auth-suite.js';

// The same API, but each release bundles its own @better-auth/core, so TypeScript sees distinct types.
betterAuthSuite({
  version: installedVersion('better-auth-latest'),
  betterAuth: betterAuth as unknown as BetterAuthRelease['betterAuth'],
  createAuthClient: createAuthClient as unknown as BetterAuthRelease['createAuthClient'],
  getMigrations: getMigrations as unknown as BetterAuthRelease['getMigrations'],
  toNodeHandler: toNodeHandler as unknown as BetterAuthRelease['toNodeHandler'],
});
