import ts from 'typescript';

/**
 * How README's TypeScript examples are compiled, in the repository and against the packed package:
 * strict, as a reader's bundler-based app would, with nothing emitted and no ambient `@types`.
 */
export const README_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};
