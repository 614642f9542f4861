#!/usr/bin/env node
// Makes sure Playwright has a Chromium to drive: its own downloaded browser, CHROME_PATH, or a
// system Chromium. With none, it installs Debian's chromium where it can (root on Debian) and
// otherwise stops with one line saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium (apt-get install -y chromium)…");
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
    found = findChromium();
  }
}
if (!found) {
  console.error(
    'No Chromium for the end-to-end tests: install one (Debian: `sudo apt-get install chromium`, or `npx playwright install chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}
console.log(`End-to-end tests will use ${found.kind === 'playwright' ? "Playwright's Chromium" : found.path}.`);
