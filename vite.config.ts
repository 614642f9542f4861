/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './vite-csp';

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
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'scripts/**/*.test.ts',
      'proxy/**/*.test.ts',
      'packaging/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    server: { deps: { inline: [/@adobe\/react-spectrum/, /@react-spectrum\//, /@spectrum-icons\//] } },
    // A guard against hangs, not a time limit: the longest tests type into several dialogs (about 10 s
    // on a quiet 2-core machine, twice that on a busy one).
    testTimeout: 45000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine. The
    // main process mostly waits, so every core gets a worker (unit tests 408 s → 260 s on 2 cores).
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
