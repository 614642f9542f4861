// Which Chromium the end-to-end tests drive: CHROME_PATH, else Playwright's own downloaded
// browser, else a system Chromium. Returns undefined when there is none.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/**
 * The flags a system Chromium is launched with (the e2e tests and the bench): this sandboxed
 * machine needs `--no-sandbox` and has no GPU; the rest keep the browser from doing anything of its
 * own (updates, sync, background requests) while it is measured or tested.
 */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium() {
  if (process.env.CHROME_PATH) {
    return existsSync(process.env.CHROME_PATH) ? { kind: 'path', path: process.env.CHROME_PATH } : undefined;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { kind: 'playwright', path: own };
  } catch {
    // Playwright's browser is not installed.
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  return system ? { kind: 'path', path: system } : undefined;
}
