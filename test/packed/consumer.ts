// Where the packed package is installed, and how tests run commands there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const root = join(import.meta.dirname, '../..');
/**
 * The consumer project: inside the repository so that the tools a test drives (TypeScript, vue-tsc,
 * React, Vue) resolve from the repository's devDependencies, while `sessionkit` and its runtime
 * dependencies come from the tarball, installed in the consumer's own node_modules.
 */
export const consumer = join(root, '.packed/consumer');
export const tarball = join(root, '.packed/sessionkit.tgz');
export const installed = join(consumer, 'node_modules/sessionkit');

/** Runs a command and returns its output; on failure the error carries stdout and stderr. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

/** Like `run`, for commands expected to fail: their exit status and output. */
export function runFailing(command: string, args: string[], cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout?: string; stderr?: string };
    return { status, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

/** Writes files (path → text) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Fails loudly, naming the command to run, when the tarball was not installed. */
export function requireInstalled() {
  if (!existsSync(join(installed, 'package.json'))) throw new Error(`${installed} is missing: run these tests with npm run test:packed`);
  return JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
}

export const bin = (name: string) => join(root, 'node_modules/.bin', name);
