import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';

/**
 * The console's layers, lowest first: a layer imports only from layers below it (src/ never from
 * mocks/). `lib` (generic helpers) and `api` (the HAL client and its types) are the floor;
 * `domain` (Cloud Manager's vocabulary, pure) may read `api`'s types; `components` are pieces
 * several features share; each `features/<name>` is one room that does not reach into another;
 * `app` (providers, router, shell) puts the rooms together.
 */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const layerZones = [
  {
    target: './src/lib',
    from: ['./src/api', './src/domain', './src/components', './src/features', './src/app'],
    message: 'src/lib is the floor: it imports no other layer.',
  },
  {
    target: './src/api',
    from: ['./src/domain', './src/components', './src/features', './src/app'],
    message: 'src/api imports only src/lib.',
  },
  {
    target: './src/domain',
    from: ['./src/components', './src/features', './src/app'],
    message: 'src/domain imports only src/lib and src/api (types).',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/app'],
    message: 'Shared components do not import features or the app: pass what they need in.',
  },
  { target: './src/features', from: ['./src/app'], message: 'Features do not import the app shell.' },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: `Features do not reach into each other: move what "${name}" shares with another feature down to src/components, src/domain or src/api.`,
  })),
  { target: './src', from: './mocks', message: 'The console talks to the simulator over HTTP only.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public/mockServiceWorker.js',
      'playwright-report',
      'test-results',
      'test-results-*',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', 'eslint.config.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['public/simulator-worker.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text is rendered as text, never as HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/main.tsx', 'src/app/start-simulator.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.css'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  prettier,
);
