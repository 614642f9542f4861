/**
 * Issue #6: axe finds no WCAG 2.1 A/AA violation on any screen or dialog. Each scan covers the
 * colour schemes of the project's `axeSchemes` (light and dark on the desktop; see a11y-helpers).
 */
import { decide, deployAndBuild, expect, openHeaderItem, openSideNavLink, showHeaderItems, statusBadge, test } from './fixtures';
import { axeViolations, backgroundBehind, COLOUR_RULES, expectNoAxeViolations, luminance, THEMES } from './a11y-helpers';

for (const theme of THEMES) {
  test.describe(`the ${theme} theme`, () => {
    test.use({ theme });

    test('is applied when chosen', { tag: '@any-viewport' }, async ({ page, openConsole }) => {
      await openConsole();
      await showHeaderItems(page);
      await expect(page.getByRole('button', { name: `Colour scheme: ${theme === 'dark' ? 'Dark' : 'Light'}` })).toBeVisible();
      // What the user sees: a dark page behind the heading in the dark theme, a light one in the light theme.
      const background = luminance(await backgroundBehind(page.getByRole('heading', { name: 'My Programs' })));
      if (theme === 'dark') expect(background).toBeLessThan(0.2);
      else expect(background).toBeGreaterThan(0.8);
    });
  });
}

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

  test('My Programs, Overview, Pipelines, Activity, 404', async ({ page, openConsole }) => {
    await openConsole();
    await expectNoAxeViolations(page, 'My Programs');
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    await expect(page.getByRole('heading', { name: 'Pipelines' }).first()).toBeVisible();
    await expectNoAxeViolations(page, 'Program Overview');
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

  test('settings dialog, simulator panel, program switcher menu', async ({ page, openConsole }) => {
    await openConsole('/program/1');
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

    await page
      .getByRole('button', { name: /Program/ })
      .first()
      .click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await expectNoAxeViolations(page, 'program switcher menu');
  });

  test.describe('a run with every hold', () => {
    test.use({ outcome: 'importantQualityFailure' });

    test('execution: not started, running, each hold with its dialog, finished with the log viewer', async ({ page, sim, openConsole }) => {
      test.setTimeout(120_000);
      await openConsole();
      await test.step('not started', async () => {
        await page.getByRole('link', { name: 'WKND Sites' }).first().click();
        await page.getByRole('button', { name: 'Deploy', exact: true }).click();
        await expect(page.getByRole('button', { name: 'Build', exact: true })).toBeVisible();
        await expectNoAxeViolations(page, 'execution page, not started');
      });

      await test.step('running', async () => {
        await sim.speed(1);
        await page.getByRole('button', { name: 'Build', exact: true }).click();
        await expect(statusBadge(page, 'In progress')).toBeVisible();
        await expectNoAxeViolations(page, 'execution running');
      });

      await test.step('code quality hold and its Review Summary', async () => {
        await sim.speed(3000);
        // Override is enabled once the failing metrics are read (a disabled control is exempt from contrast rules, not from axe)
        await expect(page.getByRole('button', { name: 'Override', exact: true }).first()).toBeEnabled({ timeout: 30_000 });
        await expectNoAxeViolations(page, 'code quality hold');
        await page.getByRole('button', { name: 'Review Summary' }).first().click();
        await expect(page.getByRole('dialog').getByRole('grid', { name: 'Information' })).toBeVisible();
        await expectNoAxeViolations(page, 'Review Summary dialog');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
        await decide(page, 'Override');
      });

      await test.step('approval hold and its confirmation', async () => {
        await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeVisible({ timeout: 30_000 });
        await expectNoAxeViolations(page, 'approval hold');
        await page.getByRole('button', { name: 'Approve', exact: true }).first().click();
        // toasts are alert dialogs too: the confirmation is the one with the Approve button
        const confirm = page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Approve', exact: true }) });
        await expect(confirm).toBeVisible();
        await expectNoAxeViolations(page, 'approval confirm dialog');
        await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
        await expect(confirm).toHaveCount(0);
      });

      await test.step('schedule hold', async () => {
        await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked({ timeout: 30_000 });
        await expectNoAxeViolations(page, 'schedule hold');
        await decide(page, 'Confirm');
      });

      await test.step('finished, with the log viewer', async () => {
        await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 60_000 });
        await expectNoAxeViolations(page, 'finished execution');
        await page.getByRole('button', { name: 'View log' }).first().click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoAxeViolations(page, 'log viewer dialog');
      });
    });
  });
});
