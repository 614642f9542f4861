/** Accessibility helpers for the e2e specs: axe scans and the colour scheme. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The WCAG 2.0 / 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Sets the console's colour scheme (src/app/color-scheme.ts) before any page script runs. */
export async function useTheme(page: Page, theme: Theme) {
  await page.addInitScript((value) => localStorage.setItem('cm-console.color-scheme', value), theme);
}

/** Waits until finite animations and transitions (dialogs opening, menus fading in) have ended. */
export async function settle(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => {
      const timing = animation.effect?.getComputedTiming();
      return animation.playState !== 'running' || timing?.iterations === Infinity;
    }),
  );
}

/** Scans the page with axe (WCAG 2.x A + AA) and fails with a readable list of the violations. */
export async function expectNoAxeViolations(page: Page, screen: string) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
  // soft: a journey goes on to scan its later screens and reports every violation at the end
  expect.soft(report, `axe violations on ${screen}`).toEqual([]);
}

/** Whether the element a locator finds is the focused element (document.activeElement). */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Whether the focused element is inside the element a locator finds. */
export function holdsFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.contains(document.activeElement));
}

/**
 * Presses Tab (or Shift+Tab) until the element the locator finds has the focus — the keyboard
 * user's way to reach a control. Fails if it is not reached within `max` presses.
 */
export async function tabTo(page: Page, locator: Locator, { max = 80, backwards = false } = {}) {
  await expect(locator).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  expect(await isFocused(locator), `reached ${String(locator)} with ${max} presses of Tab`).toBe(true);
}
