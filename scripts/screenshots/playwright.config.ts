/**
 * The README's screenshots (`npm run screenshots`): the e2e project's browser and server, this
 * folder's spec, and nothing else. Not part of `npm test`: the pictures are refreshed by hand when
 * the screens change, and committed under docs/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import type { E2eOptions } from '../../e2e/fixtures';
import base from '../../playwright.config';

export default defineConfig<E2eOptions>({
  ...base,
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  retries: 0,
  reporter: [['list']],
  projects: [{ name: 'screenshots', use: { hrefLayout: 'standard' } }],
  // the e2e server command, run from the project's root
  webServer: {
    ...(base.webServer as object),
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    reuseExistingServer: false,
  } as typeof base.webServer,
});
