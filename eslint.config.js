// eslint (flat config): typescript-eslint's recommended rules over the sources, tests and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.cache/', '.tmp/', 'examples/', 'test/typings/node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A ternary inside a ternary is a decision table written on one line: give it a name, a switch or an if.
      'no-nested-ternary': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // CommonJS: jest's suites and the matrix's shared suite, loaded by require as a jest user's are.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
    // `const { expect, test } = require('@jest/globals')` shadows the injected globals on purpose.
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': 'off' },
  },
  {
    files: ['test/matrix/deno.test.mjs'],
    languageOptions: { globals: { Deno: 'readonly' } },
  },
  {
    // Terminal escape sequences are what these match: ANSI colour codes in runner output, ESC in hostile bodies.
    files: ['scripts/**', 'test/**', 'bench/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Type tests and runner fixtures: `any`, empty interfaces and unused declarations are what they test.
    files: [
      'test/typings/**',
      'test/matrix/types/**',
      'src/vitest.ts',
      'src/jest.ts',
      'src/openapi/vitest.ts',
      'src/openapi/jest.ts',
    ],
    rules: {
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-namespace': 'off',
      // Merged declarations must repeat the runners' type parameters, used or not.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
);
