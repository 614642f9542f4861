/**
 * Issue #6: axe finds no WCAG 2.1 A/AA violation on any screen or dialog. Each scan makes the
 * project's passes (`axePasses`; on the desktop light at its size and dark at a phone's; see
 * a11y-helpers); the shell's screens here are also scanned in dark at the desktop size.
 * Screens that a functional journey reaches anyway are scanned in that journey (the execution page
 * in deploy.spec, the Experience Audit in experience-audit.spec, environments, repositories and
 * Reports in environments.spec, pipeline configuration in configure-pipelines.spec, users and roles
 * in roles.spec); this file scans the rest, and checks the themes and the scans themselves.
 */
import { deployAndBuild, expect, openHeaderItem, openSideNavLink, showHeaderItems, test } from './fixtures';
import {
  axeViolations,
  backgroundBehind,
  BOTH_SCHEMES,
  COLOUR_RULES,
  expectNoAxeViolations,
  luminance,
  PHONE_VIEWPORT,
  storeTheme,
  THEMES,
} from './a11y-helpers';

test('the light and the dark theme are each applied when chosen', { tag: '@any-viewport' }, async ({ page, openConsole }) => {
  await openConsole();
  for (const theme of THEMES) {
    await test.step(`the ${theme} theme`, async () => {
      // chosen before the page loads (what the theme menu stores)
      await storeTheme(page, theme);
      await page.reload();
      await showHeaderItems(page);
      await expect(page.getByRole('button', { name: `Colour scheme: ${theme === 'dark' ? 'Dark' : 'Light'}` })).toBeVisible();
      // What the user sees: a dark page behind the heading in the dark theme, a light one in the light theme.
      const background = luminance(await backgroundBehind(page.getByRole('heading', { name: 'My Programs' })));
      if (theme === 'dark') expect(background).toBeLessThan(0.2);
      else expect(background).toBeGreaterThan(0.8);
    });
  }
});

test.describe('reduced motion', () => {
  test.use({ outcome: 'pass', speed: 1 });

  test('a toast comes without its slide when the user prefers reduced motion, and with it otherwise', async ({ page, openConsole }) => {
    await openConsole();
    // React Spectrum brings toasts in and out through a view transition; its animations start on the document.
    await page.evaluate(() => {
      const names: string[] = [];
      Object.assign(window, { viewTransitionAnimations: names });
      document.documentElement.addEventListener('animationstart', (event) => {
        if (event.pseudoElement.startsWith('::view-transition')) names.push(event.animationName);
      });
    });
    const animations = () =>
      page.evaluate(() => (window as unknown as { viewTransitionAnimations: string[] }).viewTransitionAnimations.splice(0));

    // the projects' browser prefers reduced motion (playwright.config.ts)
    await deployAndBuild(page, 'WKND Sites');
    await expect(page.getByRole('alertdialog').filter({ hasText: 'started.' })).toBeVisible();
    expect(await animations()).toEqual([]);

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel execution', exact: true }).click();
    await expect(page.getByRole('alertdialog').filter({ hasText: 'The execution is being cancelled.' })).toBeVisible();
    await expect.poll(animations).not.toEqual([]);
  });
});

test.describe('accessibility (axe)', () => {
  // the shell at the desktop size in dark too: what only a wide screen shows (the side navigation
  // open, the header's items) is then checked in both schemes. (An array is given as [value, options]:
  // test.use would read a bare array as a fixture's definition.)
  test.use({ axePasses: [[...BOTH_SCHEMES, { scheme: 'dark', viewport: PHONE_VIEWPORT }], { scope: 'test' }] });

  test(
    'the scans report what they look for: a button without a name, text readable in the light scheme only',
    { tag: '@any-viewport' },
    async ({ page, openConsole }) => {
      await openConsole();
      await page.evaluate(() => {
        // a style sheet built in script (the console's CSP refuses inline styles)
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(
          '#planted-text { color: #111; background: #fff } @media (prefers-color-scheme: dark) { #planted-text { color: #3a3a3a; background: #2c2c2c } }',
        );
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        const text = Object.assign(document.createElement('p'), { id: 'planted-text', textContent: 'Planted text' });
        const button = Object.assign(document.createElement('button'), { id: 'planted-button' });
        document.querySelector('main')!.append(text, button);
      });
      const light = (await axeViolations(page)).join('\n');
      expect(light).toMatch(/^button-name .*\n.*#planted-button/m);
      expect(light).not.toContain('#planted-text');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => page.locator('#planted-text').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(58, 58, 58)');
      const dark = (await axeViolations(page, COLOUR_RULES)).join('\n');
      expect(dark).toMatch(/^color-contrast .*\n.*#planted-text/m);
      expect(dark).not.toContain('#planted-button');
    },
  );

  test('My Programs, Overview with the header’s dialogs and menus, Pipelines, Activity, 404', async ({ page, openConsole }) => {
    test.setTimeout(120_000);
    await openConsole();
    await expectNoAxeViolations(page, 'My Programs');
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    await expect(page.getByRole('heading', { name: 'Pipelines' }).first()).toBeVisible();
    await expectNoAxeViolations(page, 'Program Overview');

    await test.step('settings dialog and simulator panel', async () => {
      await openHeaderItem(page, 'Settings');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoAxeViolations(page, 'settings dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await openHeaderItem(page, 'Simulator controls');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page.getByText('Simulated time:')).toBeVisible();
      await expectNoAxeViolations(page, 'simulator panel');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    await test.step('the apps grid, help and About this console', async () => {
      await openHeaderItem(page, 'Adobe Experience Cloud apps');
      const apps = page.getByRole('dialog', { name: 'Adobe Experience Cloud' });
      await expect(apps.getByRole('link', { name: 'Admin Console (opens in a new tab)' })).toBeVisible();
      await expectNoAxeViolations(page, 'apps grid');
      await page.keyboard.press('Escape');
      await expect(apps).toHaveCount(0);

      await openHeaderItem(page, 'Help');
      const help = page.getByRole('dialog', { name: 'Help' });
      await expect(help.getByRole('link', { name: 'Cloud Manager documentation (opens in a new tab)' })).toBeVisible();
      await expectNoAxeViolations(page, 'help');
      await help.getByRole('button', { name: 'About this console' }).click();
      const about = page.getByRole('dialog', { name: 'About this console' });
      await expect(about).toContainText('not made, endorsed or supported by Adobe');
      await expectNoAxeViolations(page, 'About this console');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    await test.step('program switcher menu', async () => {
      await page
        .getByRole('button', { name: /Program/ })
        .first()
        .click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectNoAxeViolations(page, 'program switcher menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox')).toHaveCount(0);
    });

    await openSideNavLink(page, 'Pipelines');
    await expect(page).toHaveURL(/\/pipelines$/);
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expectNoAxeViolations(page, 'Pipelines');
    await openSideNavLink(page, 'Activity');
    await expect(page).toHaveURL(/\/activity$/);
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expectNoAxeViolations(page, 'Activity');
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading').first()).toBeVisible();
    await expectNoAxeViolations(page, '404 page');
  });
});
