import { defineConfig, devices } from '@playwright/test';
import { findChromium, SYSTEM_CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import type { E2eOptions } from './e2e/fixtures';
import { DESKTOP_PASSES, PHONE_VIEWPORT } from './e2e/a11y-helpers';

const chromium = findChromium();
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The production build to serve (`vite build --outDir <dir>`); lets parallel runs keep apart.
const DIST = process.env.E2E_DIST ?? 'dist';

// Playwright's own browser wants channel 'chromium' for headless runs; a system Chromium is
// launched by path with the flags this sandboxed machine needs.
const launch =
  chromium?.kind === 'playwright'
    ? { channel: 'chromium' as const }
    : {
        launchOptions: {
          executablePath: chromium?.path,
          args: SYSTEM_CHROMIUM_ARGS,
        },
      };

export default defineConfig<E2eOptions>({
  testDir: './e2e',
  // Tests, not files, are shared out between the workers, so neither waits for the other's last file.
  fullyParallel: true,
  // Two on two cores. Three were measured too (a journey spends much of its time waiting for polls:
  // two workers use about 1.5 cores): 7.1 → 6.4–6.8 minutes, but journeys timed out under the load.
  workers: 2,
  forbidOnly: !!process.env.CI,
  // One retry everywhere, not only where CI is set: on a slow 2-core machine (2026-12-01: the same
  // tree ran Playwright in 845 s instead of 408 s) a journey now and then loses a race with a poll
  // (a cancel that did not take, a finished page still polling once). A retried test shows as
  // flaky in the report, with its trace (test-results/); it is not hidden.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    // The browser prefers reduced motion: toasts then come and go without their view transition's
    // slide (src/styles/app.css), which a software-rendered headless Chromium draws frame by frame
    // over the whole page. What the console does is the same; e2e/a11y.spec.ts checks both ways.
    reducedMotion: 'reduce',
    ...launch,
  },
  projects: [
    // A phone (Chromium, not devices['iPhone …'], which is WebKit): the deploy journey at 390 × 844
    // with touch, with axe scans of its screens (the desktop projects scan every screen at this size, in dark).
    // Listed first so its long journey starts first: with it last, one worker ran it alone at the end.
    {
      name: 'phone',
      testMatch: /phone\.spec\.ts$/,
      use: {
        hrefLayout: 'standard',
        // the light scheme: the desktop projects scan this size in the dark one
        axePasses: [{ scheme: 'light' }],
        viewport: PHONE_VIEWPORT,
        // Layout is in CSS pixels whatever the density; at 3× the software-rendered page would
        // cost nine times the pixels on the CI machine (the screenshots use 3×).
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
        ...launch,
      },
    },
    // The alternate href layout serves every href under /api/alt-layout/: only a console that
    // follows links keeps working there, and one that does works in Adobe's layout too (it builds no
    // API URL), so the journeys tagged @links run in this layout only. A journey is tagged when it
    // follows a relation no other tagged journey does (holds, cancel, re-execute, logs and a link to
    // a line, artifacts and metrics, history through list links, pipeline and environment
    // operations); rejecting an approval uses the same `cancel` link as cancelling a build, so only
    // the cancel is tagged. Adobe's layout is what every other journey runs on.
    // Its journeys scan their screens with axe like the other desktop project's (e2e/a11y-helpers.ts).
    // Listed before Adobe's layout: its journeys are the longest (the deploy journey with 9 scans),
    // and started last they left one worker running alone at the end.
    {
      name: 'alternate-hrefs',
      use: { hrefLayout: 'alternate', axePasses: DESKTOP_PASSES },
      grep: /@links/,
      testIgnore: /phone\.spec\.ts$/,
    },
    // Adobe's href layout: every journey but those tagged @links. Its axe scans check each screen in
    // light at this size and in dark at a phone's size (e2e/a11y-helpers.ts).
    {
      name: 'standard-hrefs',
      use: { hrefLayout: 'standard', axePasses: DESKTOP_PASSES },
      grepInvert: /@links/,
      testIgnore: /phone\.spec\.ts$/,
    },
  ],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
