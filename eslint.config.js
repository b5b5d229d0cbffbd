import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layer rules of DESIGN §2 and §6: the contract imports nothing environment-specific, only ipc/ touches
// ipcMain, only the preload touches ipcRenderer, and the renderer reaches main only through its bridge.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'events'];
// Test-only code (vitest, the helpers in test-support/ and src-main/testing/) is for tests: the program never ships it.
const testOnly = ['vitest', 'vitest/*', '@vitest/*', '**/test-support/**', '**/testing/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.tools/**', 'test-results/**', 'e2e/artifacts/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'no focused tests' },
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='skip']", message: 'no skipped tests' },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'node-powershell', '../src-main/*', '../src-renderer/*'],
              message: 'src-shared is pure: no Node, Electron or DOM',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    // The report page is the one React in the contract: rendered to a string (react-dom/server), so it runs the same
    // in the CLI and in the renderer. Otherwise as pure as the rest of src-shared.
    files: ['src-shared/**/*.tsx'],
    ignores: ['src-shared/**/*.test.tsx'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'react-dom/*', '!react-dom/server', 'node-powershell', '../src-main/*', '../src-renderer/*'],
              message: 'src-shared is pure: no Node, Electron or DOM (react-dom/server renders the report to a string)',
            },
          ],
          paths: [{ name: 'react-dom', message: 'src-shared is pure: no DOM (react-dom/server renders the report to a string)' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    // A separate rule from the layer rules' no-restricted-imports, so neither block overrides the other.
    files: ['src-shared/**/*.{ts,tsx}', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src-main/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: testOnly, message: 'test-only code: import it from *.test.ts files only' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    // This test reads the renderer's sources from disk (what the first screen imports); it never runs in the page.
    ignores: ['src-renderer/startScreenImports.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'node-powershell', '**/src-main/**'],
              message: 'the renderer has no Node and no Electron; talk to main through bridge.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/ipc/**', 'src-main/preload.ts', 'src-main/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'only src-main/ipc/ touches ipcMain' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'only the preload touches ipcRenderer' },
      ],
    },
  },
);
