/**
 * The console on a phone (issue #17), in the `phone` project (390 × 844, touch): the deploy journey
 * with the code-quality override, the approval and the schedule, then a step's log. After each
 * screen the page itself never scrolls sideways, and the side menu is a drawer that is closed after
 * every navigation. Axe scans its main screens with touch (Spectrum's large scale); the desktop
 * projects' axe journeys scan every screen at this size too, in the dark scheme.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y-helpers';
import { decide, expect, programCards, statusBadge, stepItem, test } from './fixtures';

/** The page is no wider than the screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, screen: string) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `${screen}: the page scrolls sideways`).toBeLessThanOrEqual(widths.screen);
}

const hamburger = (page: Page) => page.getByRole('button', { name: /^(Show|Hide) side navigation$/ });
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Side navigation' });

/** After a navigation: the drawer is gone and the hamburger says the menu is closed. */
async function expectDrawerClosed(page: Page) {
  await expect(drawer(page)).toHaveCount(0);
  await expect(hamburger(page)).toHaveAttribute('aria-expanded', 'false');
}

/** Opens the drawer with the hamburger and taps one of its links. */
async function tapSideNavLink(page: Page, name: string) {
  await hamburger(page).tap();
  await drawer(page).getByRole('link', { name, exact: true }).tap();
  await expectDrawerClosed(page);
}

test.describe('on a phone', () => {
  test.use({ outcome: 'importantQualityFailure', speed: 3000 });

  test('My Programs → a program → Deploy → Build → override → approve → schedule Now → finished, then a step log', async ({
    page,
    openConsole,
  }) => {
    await openConsole();
    await expect(programCards(page).first()).toBeVisible();
    await expectNoSidewaysScroll(page, 'My Programs');
    await expectNoAxeViolations(page, 'My Programs');

    await test.step('the header: one row as high as on a desktop, the rest behind More', async () => {
      expect((await page.getByRole('banner').boundingBox())!.height).toBeCloseTo(45, 0);
      const more = page.getByRole('button', { name: /^More: / });
      await more.tap();
      const menu = page.getByRole('group', { name: 'More' });
      for (const name of ['Settings', 'Simulator', 'Notifications']) await expect(menu.getByText(name, { exact: true })).toBeVisible();
      // the colour scheme's name is drawn from its aria-label (app.css)
      const scheme = menu.getByRole('button', { name: 'Colour scheme: System' });
      expect(await scheme.evaluate((button) => getComputedStyle(button, '::after').content)).toBe('"Colour scheme: System"');
      await more.tap();
      await expect(menu).toHaveCount(0);
    });

    await test.step('a program: the side menu is a closed drawer', async () => {
      await page.getByRole('link', { name: 'WKND Sites' }).first().tap();
      await expect(page.getByRole('heading', { name: 'Pipelines' }).first()).toBeVisible();
      await expectDrawerClosed(page);
      await expect(page.getByRole('navigation', { name: 'Program' })).toHaveCount(0);
      await expectNoSidewaysScroll(page, 'Overview');
    });

    await test.step('the Overview opened by a link: nothing moves while its cards load', async () => {
      await page.reload();
      await expect(page.getByRole('region', { name: 'Deployment' }).getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByRole('link', { name: 'View all activity' })).toBeVisible();
      // The layout shifts since the page started loading (buffered), the way Lighthouse's CLS adds them up.
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
                if (!entry.hadRecentInput) total += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 200);
          }),
      );
      expect(shift, 'cumulative layout shift of the Overview').toBeLessThan(0.1);
    });

    await test.step('the drawer: Escape closes it and gives focus back to the hamburger; a link closes it', async () => {
      await hamburger(page).tap();
      await expect(drawer(page)).toBeVisible();
      await expect(hamburger(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(drawer(page).getByRole('link', { name: 'Home' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expectDrawerClosed(page);
      await expect(hamburger(page)).toBeFocused();

      await tapSideNavLink(page, 'Pipelines');
      await expect(page).toHaveURL(/\/pipelines$/);
      await expect(page.getByRole('grid', { name: 'Pipelines' })).toBeVisible();
      await expectNoSidewaysScroll(page, 'Pipelines');
      await expectNoAxeViolations(page, 'Pipelines');
      await tapSideNavLink(page, 'Overview');
      await expect(page.getByRole('button', { name: 'Deploy', exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page, 'Overview');
    });

    await test.step('Deploy → Build', async () => {
      await page.getByRole('button', { name: 'Deploy', exact: true }).tap();
      await expectDrawerClosed(page);
      await expectNoSidewaysScroll(page, 'not started');
      await page.getByRole('button', { name: 'Build', exact: true }).tap();
      await expect(page).toHaveURL(/\/execution\/\d+$/);
      await expectDrawerClosed(page);
    });

    await test.step('override the important code quality failures', async () => {
      await expect(page.getByRole('button', { name: 'Override', exact: true }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, 'code quality hold');
      await expectNoAxeViolations(page, 'code quality hold');
      await decide(page, 'Override');
    });
    await test.step('approve', async () => {
      await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, 'approval hold');
      await decide(page, 'Approve');
    });
    await test.step('schedule now', async () => {
      await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked();
      await expectNoSidewaysScroll(page, 'schedule hold');
      await decide(page, 'Confirm');
    });
    await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 20_000 });
    await expectNoSidewaysScroll(page, 'finished execution');
    await expectNoAxeViolations(page, 'finished execution');

    await test.step('the phase bar scrolls to a phase', async () => {
      const phases = page.getByRole('navigation', { name: 'Phases' });
      await phases.getByRole('button', { name: /^Production Deployment/ }).tap();
      await expect(page.getByRole('heading', { name: 'Production Deployment', level: 2 })).toBeInViewport();
    });

    await test.step('a step log: its lines scroll inside the viewer, not the page', async () => {
      await stepItem(page, 'Build & Unit Testing').getByRole('button', { name: 'View log' }).tap();
      const dialog = page.getByRole('dialog');
      const lines = dialog.getByRole('region', { name: /lines\)$/ });
      await expect(lines.getByRole('listitem').first()).toBeVisible();
      await expectNoSidewaysScroll(page, 'log viewer');
      await expectNoAxeViolations(page, 'log viewer');
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    });
  });
});
