/**
 * Takes the README's screenshots into docs/screenshots/: My Programs, a Program Overview and an
 * execution waiting for its approval (its top, and the approval), each in the light and the dark theme, and that
 * execution on a phone (390 × 844, light). The simulator runs on
 * its default seed with the `pass` outcome (fast, so the run reaches its approval in seconds), so the pictures show the same data each time.
 */
import { fileURLToPath } from 'node:url';
import { deployAndBuild, expect, test } from '../../e2e/fixtures';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const size = { width: 1440, height: 900 };

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ theme, outcome: 'pass', speed: 3000, viewport: size });

    test(`screenshots (${theme})`, async ({ page, openConsole }) => {
      await openConsole();
      // the header's user area (bell, avatar) is a lazy chunk: in the picture once it is there
      await expect(page.getByRole('button', { name: /^Notifications/ })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Programs' }).getByRole('article').first()).toBeVisible();
      await page.screenshot({ path: `${OUT}my-programs-${theme}.png`, animations: 'disabled' });

      await page.getByRole('link', { name: 'WKND Sites' }).first().click();
      await expect(page.getByRole('heading', { name: 'Pipelines' }).first()).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Environments' }).first()).toBeVisible();
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true }).first()).toBeVisible();
      await page.screenshot({ path: `${OUT}overview-${theme}.png`, animations: 'disabled' });

      await page.goto('/');
      await deployAndBuild(page, 'WKND Sites');
      await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeVisible({ timeout: 30_000 });
      // the toast saying the run started would cover the steps
      const toasts = page.getByRole('alertdialog');
      await toasts.first().getByRole('button', { name: 'Close' }).click();
      await expect(toasts).toHaveCount(0);
      await page.screenshot({ path: `${OUT}execution-${theme}.png`, animations: 'disabled' });

      // the phase that waits, with its approval in view (and no focus ring)
      await page.getByText('Production Deployment', { exact: true }).first().click();
      await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeInViewport();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: `${OUT}approval-${theme}.png`, animations: 'disabled' });
    });
  });
}

test.describe('on a phone', () => {
  test.use({
    theme: 'light',
    outcome: 'pass',
    speed: 3000,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });

  test('screenshot of an execution waiting for its approval (light)', async ({ page, openConsole }) => {
    await openConsole();
    await deployAndBuild(page, 'WKND Sites');
    await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeVisible({ timeout: 30_000 });
    const toasts = page.getByRole('alertdialog');
    await toasts.first().getByRole('button', { name: 'Close' }).click();
    await expect(toasts).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^More: / })).toBeVisible();
    await page.screenshot({ path: `${OUT}execution-phone-light.png`, animations: 'disabled' });
  });
});
