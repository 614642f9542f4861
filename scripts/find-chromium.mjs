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
