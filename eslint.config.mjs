// The pure language service must stay editor- and platform-independent: no `vscode`, no LSP
// connection, no Node built-ins. The server, the CLI and the tests all share it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/**/*.js', 'test-output/**', '**/*.mjs', 'bin/**', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The language service is platform-independent: pass data in from server/src/node.' })),
            { name: 'vscode', message: 'The language service is editor-independent.' },
            { name: 'vscode-languageserver', message: 'Use vscode-languageserver-types for protocol types.' },
            { name: 'vscode-languageserver/node', message: 'The connection belongs in server/src/server.ts.' },
          ],
        },
      ],
    },
  },
);
