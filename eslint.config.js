import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/** One "Bad layering" rule per layer: imports point down only (see README, Architecture). */
function layer(files, forbidden, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.paths.map((name) => ({ name, message: `Bad layering: ${why}` })),
          patterns: forbidden.patterns.map((group) => ({ group: [group], message: `Bad layering: ${why}` })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['shared/**'],
    { paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'sharp'], patterns: ['**/electron/**', '**/renderer/**', 'node:*'] },
    'shared/ is pure code: no Node, Electron, DOM or React.',
  ),
  layer(
    ['renderer/**'],
    { paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'sharp'], patterns: ['**/electron/**', 'node:*'] },
    'renderer/ talks to Node only through the typed API client.',
  ),
  layer(
    ['electron/services/**'],
    { paths: ['electron'], patterns: ['**/renderer/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**'] },
    'services get Electron features injected; they never import electron or a front door.',
  ),
  layer(
    ['electron/host/**', 'electron/cli/**'],
    { paths: ['electron'], patterns: ['**/renderer/**', '**/main/**', '**/preload/**'] },
    'the host and CLI run without Electron and serve the built renderer as files.',
  ),
  layer(
    ['electron/main/**', 'electron/preload/**'],
    { paths: [], patterns: ['**/renderer/**', '**/host/**', '**/cli/**'] },
    'the Electron shell uses services and shared code only.',
  ),
);
