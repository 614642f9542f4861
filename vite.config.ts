import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './vite-csp';

const TEST_FILES = [
  'src/**/*.test.{ts,tsx}',
  'mocks/**/*.test.ts',
  'scripts/**/*.test.ts',
  'proxy/**/*.test.ts',
  'packaging/**/*.test.ts',
  'examples/**/*.test.ts',
];

// Test files that run in Node rather than jsdom (their first line is `// @vitest-environment node`),
// in a project of their own: a shared worker that meets a file of the other environment is replaced
// by a new one, which imports React Spectrum again. Mixed in one project they cost 33 new workers
// and about 60 s of a 250 s run. Read only when Vitest loads this config (not for a build).
const NODE_TEST_FILES = process.env.VITEST
  ? ['src', 'mocks', 'scripts', 'proxy', 'packaging', 'examples']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file.split('\\').join('/')}`))
      .filter((file) => /\.test\.tsx?$/.test(file) && !file.includes('node_modules'))
      .filter((file) => readFileSync(file, 'utf8').startsWith('// @vitest-environment node'))
  : [];

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // The embedded simulator sets no cookies: msw's cookie jar gets a stand-in in the browser, not
  // tough-cookie and its public-suffix list (mocks/browser-cookie-jar.ts, issue #17). Vitest keeps the real one.
  resolve: {
    alias: process.env.VITEST
      ? []
      : [{ find: /^tough-cookie$/, replacement: fileURLToPath(new URL('./mocks/browser-cookie-jar.ts', import.meta.url)) }],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // The manifest lets scripts/check-first-load.mjs and bench/first-load.ts tell the first-load chunks from the simulator's.
  build: { manifest: true },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    server: { deps: { inline: [/@adobe\/react-spectrum/, /@react-spectrum\//, /@spectrum-icons\//] } },
    // React Spectrum is bundled into one module for the jsdom tests (Vite's dependency optimizer)
    // instead of being run as its hundreds of ES modules, each transformed and imported on its own:
    // a worker's first import of it took about 7 s, now under 1 (unit tests 145–149 → 134 s on 2
    // cores, 2026-12-01). Its style sheets mean nothing to jsdom and become empty modules; React and
    // react-dom stay outside the bundle, so the tests and Spectrum share one React DOM.
    deps: {
      optimizer: {
        client: {
          enabled: true,
          include: ['@adobe/react-spectrum'],
          exclude: ['react', 'react-dom'],
          rolldownOptions: {
            plugins: [
              {
                name: 'css-as-nothing',
                resolveId: (id: string) => (id.endsWith('.css') ? '\0css-as-nothing' : null),
                load: (id: string) => (id === '\0css-as-nothing' ? '' : null),
              },
            ],
          },
        },
      },
    },
    // A guard against hangs, not a time limit: the longest tests type into several dialogs (about 10 s
    // on a quiet 2-core machine, twice that on a busy one).
    testTimeout: 45000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine. The
    // main process mostly waits, so every core gets a worker (unit tests 408 s → 260 s on 2 cores).
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules (React Spectrum is imported once per worker, not
    // once per file); src/test/setup.ts starts each file from a fresh page's state. Node's files
    // share workers of their own. No file mocks a module (scripts/vitest-isolation.test.ts): a
    // project of isolated files cost its own workers, which import React Spectrum again (unit tests
    // 167 → 145 s on 2 cores, 2026-12-01).
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          isolate: false,
          include: TEST_FILES,
          exclude: [...configDefaults.exclude, ...NODE_TEST_FILES],
        },
      },
      { extends: true, test: { name: 'node', isolate: false, environment: 'node', include: NODE_TEST_FILES } },
    ],
  },
});
