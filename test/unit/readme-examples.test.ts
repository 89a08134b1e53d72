/**
 * README examples that name a vendor SDK compile as written, against the SDKs' own types
 * (installed as dev dependencies) and sessionkit's sources.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { README_COMPILER_OPTIONS } from '../support/readme-compiler.js';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The fenced `lang` block of README that contains `marker`, dedented. */
function example(lang: string, marker: string): string {
  const blocks = [...readme.matchAll(new RegExp('^( *)```' + lang + '\\n([\\s\\S]*?)^\\1```', 'gm'))];
  const block = blocks.find((match) => match[2].includes(marker));
  if (!block) throw new Error(`README has no ${lang} example with ${marker}`);
  const indent = block[1].length;
  return block[2]
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

/** Type errors of each source compiled as a module of this package (sessionkit/* mapped to the sources), in one program. */
function typeErrors(sources: Record<string, string>): Record<string, string[]> {
  // Inside the repository, so the dev dependencies resolve from node_modules.
  const dir = join(root, 'node_modules', '.cache', 'sessionkit-readme');
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(sources).map(([name, source]) => {
    writeFileSync(join(dir, name), source);
    return join(dir, name);
  });
  const program = ts.createProgram(files, {
    ...README_COMPILER_OPTIONS,
    // The sources themselves are compiled too, with their decorators.
    experimentalDecorators: true,
    useDefineForClassFields: false,
    // Absolute, and no baseUrl: with one, `react` would resolve to this package's own react/ folder.
    paths: {
      'sessionkit/core': [join(root, 'core/index.ts')],
      'sessionkit/react': [join(root, 'react/index.ts')],
      'sessionkit/backends/*': [join(root, 'core/backends/*.ts')],
    },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return Object.fromEntries(
    Object.keys(sources).map((name, index) => [
      name,
      diagnostics
        .filter((diagnostic) => !diagnostic.file || diagnostic.file.fileName === files[index])
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    ]),
  );
}

describe('README examples', () => {
  const stytchReact = example('tsx', "from '@stytch/react'");
  const supertokens = example('ts', "from 'supertokens-web-js'");
  let errors: Record<string, string[]> | undefined;
  const compiled = () =>
    (errors ??= typeErrors({
      'stytch-react.tsx': stytchReact,
      'supertokens-sdk.ts': `import { createSessionClient } from 'sessionkit/core';\n${supertokens}\nexport { client };\n`,
    }));

  it("the Stytch React example (@stytch/react's useStytch) compiles", () => {
    expect(stytchReact).toContain('useStytch()');
    expect(compiled()['stytch-react.tsx']).toEqual([]);
  }, 120_000);

  it('the SuperTokens SDK example (supertokens-web-js) compiles', () => {
    expect(compiled()['supertokens-sdk.ts']).toEqual([]);
  });
});
