/** Accessibility helpers for the e2e specs: axe scans and the colour scheme. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Locator, type Page, type ViewportSize } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The WCAG 2.0 / 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where the console keeps the colour scheme chosen in its theme menu (src/app/color-scheme.ts). */
const THEME_STORAGE_KEY = 'cm-console.color-scheme';

/** Sets the console's colour scheme before any page script runs, on every load of the page. */
export async function useTheme(page: Page, theme: Theme) {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
}

/** Stores a chosen colour scheme in the open page, as its theme menu does; the next load applies it. */
export async function storeTheme(page: Page, theme: Theme) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
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

/** A phone's screen in CSS pixels: the phone project's viewport, and the desktop projects' axe scans' second size. */
export const PHONE_VIEWPORT: ViewportSize = { width: 390, height: 844 };

/**
 * The WCAG A/AA rules whose outcome depends on colours: text contrast, and links told apart from
 * the text around them. A scheme changes colours only (the same elements, names and roles), so a
 * second scheme at the same size is scanned with these.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * One pass of an axe scan: the page in `scheme`, at `viewport` (the page's own size when absent),
 * checked with `rules` (every WCAG A/AA rule when absent).
 */
export interface AxePass {
  scheme: Theme;
  viewport?: ViewportSize;
  rules?: readonly string[];
}

/** Both schemes at the page's own size: light with every rule, dark with the colour rules (the default). */
export const BOTH_SCHEMES: readonly AxePass[] = [{ scheme: 'light' }, { scheme: 'dark', rules: COLOUR_RULES }];

/**
 * The desktop projects' scans: every rule in the light scheme at the desktop size, and every rule
 * again at a phone's size in the dark scheme (the layout follows the width: the side navigation
 * becomes a drawer, the header folds into More). So each screen is checked in both schemes, and
 * what a phone's width shows in both (the phone project scans its screens in light). Scheme and
 * size change together, in one layout. The shell's screens are also checked in dark at the
 * desktop size (e2e/a11y.spec.ts), for what only a wide screen shows: the side navigation open,
 * the header's items.
 */
export const DESKTOP_PASSES: readonly AxePass[] = [{ scheme: 'light' }, { scheme: 'dark', viewport: PHONE_VIEWPORT }];

/**
 * The passes of each scan of a page: the `axePasses` option of the test the page belongs to (set by
 * its project or by `test.use`), which the fixtures' page records here (e2e/fixtures.ts).
 */
export const AXE_PASSES = new WeakMap<Page, readonly AxePass[]>();
const axePasses = (page: Page) => AXE_PASSES.get(page) ?? BOTH_SCHEMES;

/**
 * Switches the console's colour scheme in place (the page must follow the system's: no theme
 * chosen, the fixtures' default) and resizes its viewport, each only if it changes, in one layout;
 * waits until the console has laid itself out at that width and every Spectrum provider, dialogs
 * included, has the scheme.
 */
async function showPass(page: Page, from: { scheme: Theme; size: ViewportSize }, to: { scheme: Theme; size: ViewportSize }) {
  const newScheme = to.scheme !== from.scheme;
  const newSize = to.size.width !== from.size.width || to.size.height !== from.size.height;
  if (newScheme) await page.emulateMedia({ colorScheme: to.scheme });
  if (newSize) {
    await page.setViewportSize(to.size);
    await page.waitForFunction((width) => window.innerWidth === width, to.size.width);
  }
  if (newScheme)
    await page.waitForFunction((wanted) => {
      const providers = [...document.querySelectorAll<HTMLElement>('[style*="color-scheme"]')];
      return providers.length > 0 && providers.every((provider) => provider.style.colorScheme === wanted);
    }, to.scheme);
  // media-query state re-renders the shell synchronously; two frames let layout and paint follow
  if (newSize) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** axe-core's browser build, put into a page once per document (see `withAxe`). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe-core into the page's document unless it is there already: a navigation within the
 * console keeps the document, a page load starts a new one. (@axe-core/playwright evaluated the
 * 560 kB script twice on every scan.)
 */
async function withAxe(page: Page) {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/**
 * axe's violations on the page as it is now, one readable line per rule and element: every WCAG
 * A/AA rule, or only the given rules. axe runs in the page itself, on the whole document (the
 * console has no frames); only violations are collected, not the details of every passing element.
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await settle(page);
  await withAxe(page);
  const options: RunOptions = {
    runOnly: rules ? { type: 'rule', values: [...rules] } : { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  };
  const violations = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
    const results = await axe.run(document, runOptions);
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
    }));
  }, options);
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
}

/**
 * Scans the page with axe (WCAG 2.x A + AA) in each pass of the project (`axePasses`), switching
 * the scheme and resizing in place (open dialogs stay open); fails with a readable list of the
 * violations of every pass. The page is expected in the light scheme at its own size, and is left
 * so (both restored together: one layout, not two).
 */
export async function expectNoAxeViolations(page: Page, screen: string) {
  const passes = axePasses(page);
  const own = page.viewportSize();
  if (!own) throw new Error('axe scans need a page with a viewport');
  let shown = { scheme: 'light' as Theme, size: own };
  for (const pass of passes) {
    const next = { scheme: pass.scheme, size: pass.viewport ?? own };
    await showPass(page, shown, next);
    shown = next;
    const report = await axeViolations(page, pass.rules);
    const label = [pass.scheme, pass.viewport && `${pass.viewport.width} × ${pass.viewport.height}`].filter(Boolean).join(', ');
    // soft: a journey goes on to scan its later screens and reports every violation at the end
    expect.soft(report, `axe violations on ${passes.length > 1 ? `${screen} (${label})` : screen}`).toEqual([]);
  }
  await showPass(page, shown, { scheme: 'light', size: own });
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

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * The colour a user sees behind the element a locator finds: the background of the element or of
 * its nearest ancestor that paints one (computed style, transparent layers skipped).
 */
export function backgroundBehind(locator: Locator): Promise<Rgb> {
  return locator.evaluate((element) => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const match = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(getComputedStyle(node).backgroundColor);
      if (match && (match[4] === undefined || Number(match[4]) > 0)) return { r: +match[1], g: +match[2], b: +match[3] };
    }
    return { r: 255, g: 255, b: 255 };
  });
}

/** Relative luminance (WCAG 2.x) of a colour: 0 for black, 1 for white. */
export function luminance({ r, g, b }: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Whether a colour reads as red: red clearly stronger than green and blue. */
export const isRed = ({ r, g, b }: Rgb) => r > 120 && r > 1.6 * g && r > 1.6 * b;

/** How the live region around the element a locator finds announces changes ('polite', 'assertive'), or undefined. */
export function livePoliteness(locator: Locator): Promise<string | undefined> {
  return locator.evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live') ?? undefined);
}
