/**
 * `node demo/start.mjs`: builds the demo and serves it on http://127.0.0.1:3000 (PORT overrides;
 * PORT=0 takes any free port and prints it). Environment: PORT, DEMO_DATA_DIR (default .demo-data), DATABASE_URL (a real Postgres
 * server instead of PGlite), BETTER_AUTH_SECRET, DEMO_SESSION_SECONDS (session lifetime, default a day).
 */
import { pathToFileURL } from 'node:url';
import { buildDemo } from './build.mjs';

// The server bundle carries an inline source map: stack traces then point at demo/server/*.ts.
process.setSourceMapsEnabled(true);
const { serverFile, folders } = await buildDemo();
const { startDemo } = await import(pathToFileURL(serverFile).href);
await startDemo(folders);
