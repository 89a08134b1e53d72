import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { README_COMPILER_OPTIONS } from '../support/readme-compiler.js';
import { bin, consumer, requireInstalled, root, runFailing, writeFiles } from './consumer.js';
import { staticSite } from './static-server.js';

/**
 * Every code block in README.md, against the installed tarball: TypeScript, TSX and JavaScript
 * blocks are compiled (strict), Vue blocks go through vue-tsc, HTML blocks are served as pages and
 * run in Chromium, shell blocks may only name npm scripts that exist. A block in any other language
 * fails the test: nothing in README goes unchecked.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  lang: match[1],
  code: match[2],
  line: readme.slice(0, match.index).split('\n').length,
}));
const of = (...langs: string[]) => blocks.filter((block) => langs.includes(block.lang));

/** Names the snippets leave to the reader's app. */
const GLOBALS = `
declare function needsStepUp(session: import('sessionkit/core').Session): boolean;
declare function track(reason: string): void;
declare const authClient: Parameters<typeof import('sessionkit/backends/better-auth').betterAuthBackend>[0];
declare const stytchClient: Parameters<typeof import('sessionkit/backends/stytch').stytchBackend>[0];
declare const fn: () => void;
declare const id: string;
declare const body: string;
declare const client: import('sessionkit/core').SessionClient;
declare function render(snapshot: import('sessionkit/core').SessionClient['sessions'] extends { getSnapshot(): infer S } ? S : never): void;
declare const Session: import('sessionkit/backends/supertokens').SupertokensSessionLike;
declare const events: import('sessionkit/backends/supertokens').SupertokensEventSource;
`;

const dir = join(consumer, 'readme');

beforeAll(() => {
  requireInstalled();
  writeFiles(dir, { 'package.json': JSON.stringify({ name: 'readme-snippets', private: true, type: 'module' }) });
});

describe('README code blocks', () => {
  it('are all in a language this test checks', () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.filter((block) => !['sh', 'html', 'js', 'ts', 'tsx', 'vue'].includes(block.lang)).map((block) => `line ${block.line}: \`\`\`${block.lang}`)).toEqual([]);
  });

  it('TypeScript, TSX and JavaScript blocks compile against the packed package', () => {
    const files: Record<string, string> = { 'globals.d.ts': GLOBALS };
    for (const { lang, code, line } of of('ts', 'tsx', 'js')) {
      // Each block is its own module, as in the reader's app.
      files[`line-${line}.tsx`] = /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`;
      expect(lang).toMatch(/^(ts|tsx|js)$/);
    }
    writeFiles(join(dir, 'ts'), files);
    const program = ts.createProgram(Object.keys(files).map((file) => join(dir, 'ts', file)), README_COMPILER_OPTIONS);
    const diagnostics = ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), { getCanonicalFileName: (f) => f, getCurrentDirectory: () => join(dir, 'ts'), getNewLine: () => '\n' });
    expect(diagnostics).toBe('');
  });

  it('Vue blocks pass vue-tsc with sessionkit/vue', () => {
    const vue = of('vue');
    expect(vue.length).toBeGreaterThan(0);
    writeFiles(join(dir, 'vue'), {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'dom'], strict: true, noEmit: true, skipLibCheck: true, types: ['sessionkit/vue'] },
        vueCompilerOptions: { strictTemplates: true },
        include: ['*.vue'],
      }),
      ...Object.fromEntries(vue.map(({ code, line }) => [`Line${line}.vue`, code])),
    });
    const { status, output } = runFailing(bin('vue-tsc'), ['-p', 'tsconfig.json'], join(dir, 'vue'));
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('shell blocks name only npm scripts that exist', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const named = of('sh').flatMap(({ code }) => [...code.matchAll(/\bnpm (?:run ([\w:-]+)|(start|test)\b)/g)].map((match) => match[1] ?? match[2]));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !(name in scripts))).toEqual([]);
  });

  describe('HTML blocks', () => {
    const served = staticSite(1);

    it('run as static pages: every element upgrades and works, nothing fails', async () => {
      const html = of('html');
      expect(html.length).toBeGreaterThan(0);
      for (const { code, line } of html) {
        writeFiles(join(dir, 'html'), { [`line-${line}.html`]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>\n${code}</body></html>` });
        const tab = await served.browser.newPage();
        const problems: string[] = [];
        tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        tab.on('pageerror', (error) => problems.push(error.message));
        await tab.goto(`${served.server.origin}/readme/html/line-${line}.html`);
        const tags = [...new Set([...code.matchAll(/<(sk-[\w-]+)/g)].map((match) => match[1]))];
        expect(tags.length, `README line ${line}`).toBeGreaterThan(0);
        await expect
          .poll(() => tab.evaluate((names) => names.filter((name) => !document.querySelector(name)?.shadowRoot), tags), { message: `README line ${line}: elements not upgraded` })
          .toEqual([]);
        if (tags.includes('sk-session-list')) await expect.poll(() => tab.locator('sk-session-list').getByRole('listitem').count()).toBe(2);
        expect(problems, `README line ${line}`).toEqual([]);
        await tab.close();
      }
    });
  });
});
