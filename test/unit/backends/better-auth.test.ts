/** betterAuthBackend against the better-auth release the demo pins. */
import { betterAuth } from 'better-auth';
import { createAuthClient } from 'better-auth/client';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { betterAuthSuite, installedVersion } from './better-auth-suite.js';

betterAuthSuite({ version: installedVersion('better-auth'), betterAuth, createAuthClient, getMigrations, toNodeHandler });
