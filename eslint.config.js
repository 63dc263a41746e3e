// Lint enforces the layer rules of ARCHITECTURE.md: a wrong import fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Raw IPC belongs only in main/electron/ipc-register.ts, ipc-main-binding.ts and preload.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is pure: no Node built-ins.',
            })),
            { name: 'electron', message: 'shared/ is pure: no electron.' },
            { name: 'react', message: 'shared/ is pure: no react.' },
            { name: 'react-dom', message: 'shared/ is pure: no react.' },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ imports nothing from main/ or renderer/.',
            },
            { group: ['react-dom/*', 'electron/*'], message: 'shared/ is pure.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer is sandboxed: no Node built-ins.',
            })),
            { name: 'electron', message: 'The renderer talks to main only through the contract.' },
          ],
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'renderer/ never imports main/.' },
          ],
        },
      ],
    },
  },
  {
    // Long functions hide their decisions: split along the seams, each part named for what it decides.
    // Data tables are not functions, so they are not counted.
    files: ['shared/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 100, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    files: [
      'main/electron/ipc-register.ts',
      'main/electron/ipc-main-binding.ts',
      'main/electron/preload.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
