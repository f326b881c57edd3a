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
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The language service is platform-independent: pass data in from server/src/node.',
            })),
            { name: 'vscode', message: 'The language service is editor-independent.' },
            { name: 'vscode-languageserver', message: 'Use vscode-languageserver-types for protocol types.' },
            { name: 'vscode-languageserver/node', message: 'The connection belongs in server/src/server.ts.' },
          ],
          patterns: [
            { group: ['**/scripts/**'], message: 'scripts/ (training, eval, bench) never ships: the service must not import it.' },
          ],
        },
      ],
    },
  },
  {
    // The server, CLI and client ship; training, eval and bench code under scripts/ must stay out of them.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/service/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/scripts/**'], message: 'scripts/ (training, eval, bench) never ships.' }] },
      ],
    },
  },
);
