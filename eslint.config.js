import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'public/', 'node_modules/', 'custom-elements.json', 'bench/.tmp/', '.demo-data/', 'cdn/', '.packed/', 'examples/*/.next/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeScript checks names; the browser and Node globals both appear here.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Session data is text, never markup.' },
      ],
    },
  },
  {
    // Tests write fixed markup of their own to build pages.
    files: ['test/**', 'stories/**', 'demo/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The core must stay framework-free: no Lit, no React.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '@lit/*', 'react', 'react-dom', 'react-dom/*'] }],
    },
  },
);
