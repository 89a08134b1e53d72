import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { consumer, requireInstalled, writeFiles } from './consumer.js';

/**
 * A small TypeScript app that uses every entry of the installed tarball, compiled under each
 * `moduleResolution` people use. `node` (node10) ignores `exports`, so it goes through
 * `typesVersions`; the others through `exports`. The deliberate mistakes prove the types were
 * really found: were an entry typed `any`, its `@ts-expect-error` would be unused, itself an error.
 */
const app = join(consumer, 'module-resolution');

const source = `
import { createSessionClient, restBackend, SessionExpiredError, type Session } from 'sessionkit/core';
import { safeUrl } from 'sessionkit';
import { SkLogoutButton } from 'sessionkit/logout-button';
import 'sessionkit/session-list';
import 'sessionkit/session-expired';
import 'sessionkit/session-provider';
import { LogoutButton, SessionExpiredHandler, SessionList, SessionProvider, useSession } from 'sessionkit/react';
import { betterAuthBackend } from 'sessionkit/backends/better-auth';
import { supertokensBackend } from 'sessionkit/backends/supertokens';
import { stytchBackend } from 'sessionkit/backends/stytch';
import { FakeAuthServer } from 'sessionkit/msw';
import { createSessionClient as fromCdn } from 'sessionkit/cdn/sessionkit.js';
import type {} from 'sessionkit/vue';

const client = createSessionClient({ backend: restBackend({ baseUrl: '/api/auth' }) });
const first: Session | null = client.getState().session;
const button: SkLogoutButton = document.createElement('sk-logout-button');
button.scope = 'others';
document.addEventListener('sk-session-expired', (event) => console.log(event.detail.reason));
console.log(first, safeUrl, SessionExpiredError, betterAuthBackend, supertokensBackend, stytchBackend, FakeAuthServer, fromCdn === createSessionClient);

export function App() {
  const { status } = useSession();
  return (
    <SessionProvider baseUrl="/api/auth" csrfHeader="x-csrf-token" csrfCookie="csrf">
      <p>{status}</p>
      <LogoutButton scope="all" onLogout={(event) => console.log(event.detail.serverRevoked)} />
      <SessionList pageSize={10} onSessionRevoke={(event) => console.log(event.detail.session.id)} />
      <SessionExpiredHandler loginUrl="/login" onSessionExpired={(event) => console.log(event.detail.reason)} />
    </SessionProvider>
  );
}

// @ts-expect-error the base URL is a string
restBackend({ baseUrl: 42 });
// @ts-expect-error no such scope
button.scope = 'everywhere';
// @ts-expect-error the element's props are typed in React too
export const wrong = <LogoutButton scope="everywhere" />;
`;

const MODES = {
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  // @lit/react's types import React as a default import: node10 needs esModuleInterop (README says so).
  node: { module: 'esnext', moduleResolution: 'node', esModuleInterop: true },
} as const;

/** Parsed files shared by every compilation: lib.dom.d.ts and React's types are parsed once, not four times. */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Compiles the app in-process under `options`; returns the diagnostics as tsc prints them, and the resolution trace. */
function compile(options: Record<string, unknown>) {
  const { options: compilerOptions, errors } = ts.convertCompilerOptionsFromJson(
    { ...options, target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [], traceResolution: true },
    app,
  );
  expect(errors).toEqual([]);
  const host = ts.createCompilerHost(compilerOptions);
  const trace: string[] = [];
  host.trace = (line) => trace.push(line);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const key = `${file}:${JSON.stringify(language)}`;
    if (!parsed.has(key)) parsed.set(key, read(file, language, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram([join(app, 'src/app.tsx')], compilerOptions, host);
  const diagnostics = ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), { getCanonicalFileName: (f) => f, getCurrentDirectory: () => app, getNewLine: () => '\n' });
  return { diagnostics, trace: trace.join('\n') };
}

beforeAll(() => {
  requireInstalled();
  writeFiles(app, { 'package.json': JSON.stringify({ name: 'module-resolution', private: true, type: 'module' }), 'src/app.tsx': source });
});

describe('the packed package compiles in a TypeScript app', () => {
  for (const [mode, options] of Object.entries(MODES)) {
    it(`with moduleResolution "${mode}"`, () => {
      expect(compile(options).diagnostics).toBe('');
    });
  }

  it('and "node" finds sessionkit/core through typesVersions', () => {
    const { trace } = compile(MODES.node);
    expect(trace).toMatch(/'typesVersions' entry '\*' that matches compiler version '[\d.]+', looking for a pattern to match module name 'core'/);
    expect(trace).toMatch(/Module name 'sessionkit\/core' was successfully resolved to '.*node_modules\/sessionkit\/dist\/core\/index\.d\.ts'/);
  });
});
