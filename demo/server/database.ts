import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { BetterAuthOptions } from 'better-auth';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DemoConfig } from './config.js';

export interface Database {
  /** What better-auth's `database` option takes. */
  option: NonNullable<BetterAuthOptions['database']>;
  close(): Promise<void>;
}

/**
 * Embedded Postgres (PGlite, WebAssembly: nothing to install) in `dataDir`, or a real Postgres when
 * `DATABASE_URL` is set. The `pg` driver is not a dependency of the demo, so it is loaded only then.
 */
export async function openDatabase(config: DemoConfig): Promise<Database> {
  if (config.databaseUrl) {
    // A variable specifier keeps bundlers and the type checker from requiring `pg` when it is unused.
    const driver = 'pg';
    const pg = await import(driver).catch(() => {
      throw new Error('DATABASE_URL needs the Postgres driver: run `npm install --no-save pg` first.');
    });
    const pool = new (pg.default ?? pg).Pool({ connectionString: config.databaseUrl });
    return { option: pool, close: () => pool.end() };
  }
  const folder = join(config.dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  const pglite = new PGlite(folder);
  await pglite.waitReady;
  return { option: { dialect: new PGliteDialect(pglite), type: 'postgres' }, close: () => pglite.close() };
}
