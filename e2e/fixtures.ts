/**
 * Shared set-up for the journeys: each test gets a fresh browser context, so a fresh embedded
 * simulator (its state lives in that context's localStorage). Tests drive the simulator only
 * through its documented controls under /_sim, from inside the page (where the simulator runs),
 * and read the API only by following links (test-support/hal.ts, e2e/pipeline-api.ts).
 *
 * Options, set per describe block with `test.use({ ... })`:
 *   hrefLayout  the simulator's href layout (set by the Playwright project)
 *   outcome     outcome of the runs the test starts (`PUT /_sim/outcome`), default the simulator's own (mix)
 *   speed       simulated ms per wall ms (`PUT /_sim/speed`), default the simulator's own (30)
 *   fakeClock   the page runs on Playwright's fake clock (page.clock), installed before it loads
 *   theme       the console's colour scheme chosen before it loads ('light', 'dark'), default System
 *   axePasses   the scheme, size and rules of each pass of an axe scan (set by the Playwright project;
 *               e2e/a11y-helpers.ts), default both schemes at the page's own size
 * `openConsole` applies hrefLayout, outcome and speed once the simulator answers.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { OutcomePreset } from '../mocks/sim/model';
import { embedded, findLink, follow, programByName, type GetJson, type Hal } from '../test-support/hal';
import { AXE_PASSES, BOTH_SCHEMES, useTheme, type AxePass, type Theme } from './a11y-helpers';
import { PipelineApi, stepOf } from './pipeline-api';

/** The outcomes the simulator's controls accept (its own type, not Cloud Manager's). */
export type Outcome = OutcomePreset;

export interface E2eOptions {
  hrefLayout: 'standard' | 'alternate';
  outcome: Outcome | undefined;
  speed: number | undefined;
  fakeClock: boolean;
  theme: Theme | undefined;
  axePasses: readonly AxePass[];
}

export class SimulatorControls {
  constructor(private readonly page: Page) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.status === 204 ? undefined : response.json();
      },
      { method, path, body },
    );
  }

  speed(speed: number) {
    return this.call('PUT', '/_sim/speed', { speed });
  }

  outcome(outcome: Outcome) {
    return this.call('PUT', '/_sim/outcome', { outcome });
  }

  jump(advanceMs: number) {
    return this.call('POST', '/_sim/clock', { advanceMs });
  }

  layout(layout: 'standard' | 'alternate') {
    return this.call('PUT', '/_sim/layout', { layout });
  }

  pushUpdate(programId: string, pipelineId: string) {
    return this.call('POST', '/_sim/push-update', { programId, pipelineId });
  }

  /** GET an href (from a link) as JSON, inside the page: a `GetJson` for the HAL helpers. */
  readonly get: GetJson = <T = Hal>(href: string) => this.read<T>(href, 'application/json');

  /** GET an href (a log file) as text, inside the page. */
  readonly text = (href: string) => this.read<string>(href, 'text/plain');

  private read<T>(href: string, accept: string): Promise<T> {
    return this.page.evaluate(
      async ({ href, accept }) => {
        const response = await fetch(href, { headers: { accept } });
        if (!response.ok) throw new Error(`GET ${href}: ${response.status}`);
        return (accept.includes('json') ? response.json() : response.text()) as Promise<never>;
      },
      { href, accept },
    );
  }

  /** A pipeline read through links from /api/programs (without a name: the program's production pipeline). */
  pipeline(programName: string, pipelineName?: string): Promise<PipelineApi> {
    return PipelineApi.find(this.get, programName, pipelineName);
  }

  /** Ids of a pipeline's newest executions, newest first. */
  async executionIds(programName: string, pipelineName: string): Promise<string[]> {
    const pipeline = await this.pipeline(programName, pipelineName);
    return (await pipeline.executions()).map((execution) => String(execution.id));
  }

  /** The build step log text of an execution of any pipeline of the program. */
  async buildLogText(programName: string, executionId: string): Promise<string> {
    const program = await programByName(this.get, programName);
    for (const pipeline of embedded(await follow(this.get, program, 'pipelines'), 'pipelines')) {
      const execution = await follow(this.get, pipeline, 'execution/id', { executionId }).catch(() => undefined);
      if (!execution) continue;
      const { redirect } = await follow<{ redirect: string }>(this.get, stepOf(execution, 'build'), 'pipeline/logs');
      return this.text(redirect);
    }
    throw new Error(`no execution ${executionId} in ${programName}`);
  }
}

export const test = base.extend<E2eOptions & { sim: SimulatorControls; openConsole: (path?: string) => Promise<void> }>({
  hrefLayout: ['standard', { option: true }],
  outcome: [undefined, { option: true }],
  speed: [undefined, { option: true }],
  fakeClock: [false, { option: true }],
  theme: [undefined, { option: true }],
  axePasses: [BOTH_SCHEMES, { option: true }],
  page: async ({ page, fakeClock, theme, axePasses }, use) => {
    AXE_PASSES.set(page, axePasses);
    // Installed before the first navigation, so every timer of the page is on the fake clock.
    if (fakeClock) await page.clock.install();
    if (theme) await useTheme(page, theme);
    await use(page);
  },
  sim: async ({ page }, use) => {
    await use(new SimulatorControls(page));
  },
  /**
   * Opens the console at `path` with the simulator ready, in this project's href layout, with the
   * test's outcome and speed. In Adobe's layout the page opens at `path` at once, and the outcome
   * and speed are set once the simulator answers (they change only what happens from then on). The
   * alternate layout must be set before the console reads anything, so the page first opens on
   * the console's "Page not found" (it shows no data and starts the simulator), then at `path`.
   */
  openConsole: async ({ page, sim, hrefLayout, outcome, speed }, use) => {
    await use(async (path = '/') => {
      const loadAgain = hrefLayout !== 'standard';
      await page.goto(loadAgain ? '/starting-the-simulator' : path);
      // the shell renders only once the embedded simulator answers
      await expect(
        loadAgain ? page.getByRole('heading', { name: 'Page not found' }) : page.getByRole('link', { name: 'Cloud Manager — My Programs' }),
      ).toBeVisible();
      await sim.layout(hrefLayout);
      if (outcome !== undefined) await sim.outcome(outcome);
      if (speed !== undefined) await sim.speed(speed);
      const [first] = embedded(await sim.get('/api/programs'), 'programs');
      expect(findLink(first, 'self')?.href.startsWith('/api/alt-layout/')).toBe(hrefLayout === 'alternate');
      if (loadAgain) {
        await page.goto(path);
        await expect(page.getByRole('link', { name: 'Cloud Manager — My Programs' })).toBeVisible();
      }
    });
  },
});

export { expect };

/**
 * The step button whose action is confirmed in an AlertDialog: press it, then confirm. Tried again
 * while the confirmation has not been pressed: under load a poll can re-render the step while its
 * confirmation opens, closing it before the click lands. Once confirmed, the step button is not
 * pressed again; a confirmation still open 5 s later is confirmed again, as a user would (seen once
 * in CI: the schedule's Confirm was clicked and focused, and the dialog stayed open for 45 s). The
 * console sends a decision once while it is in flight (execution-page.failures.test.tsx).
 */
export async function decide(page: Page, button: string, confirm = button) {
  // Toasts are alert dialogs too: pick the confirmation by its button.
  const dialog = page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: confirm, exact: true }) });
  let confirmed = false;
  await expect(async () => {
    if (!confirmed && (await dialog.count()) === 0)
      await page.getByRole('button', { name: button, exact: true }).first().click({ timeout: 5000 });
    if (!confirmed || (await dialog.count()) > 0) {
      await dialog.getByRole('button', { name: confirm, exact: true }).click({ timeout: 5000 });
      confirmed = true;
    }
    await expect(dialog).toHaveCount(0, { timeout: 5000 });
  }).toPass({ timeout: 45_000 });
}

/**
 * Presses `button` until `shown` is visible (a dialog it opens, say). Tried again while it is not:
 * on a page that polls, a re-render can move the button as the click lands (seen once in CI: the
 * full report of a running execution did not open). A press that finds the dialog already open
 * does not press again.
 */
export async function pressUntilShown(button: Locator, shown: Locator) {
  await expect(async () => {
    if (!(await shown.isVisible())) await button.click({ timeout: 5000 });
    await expect(shown).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 30_000 });
}

/** The program cards on My Programs (each an article named by its program). */
export const programCards = (page: Page) => page.getByRole('list', { name: 'Programs' }).getByRole('article');

/** The execution page's status (a polite live region). */
export const executionStatus = (page: Page) => page.getByRole('status', { name: 'Execution status' });

/** The execution's status word, e.g. "In progress" or "Finished". */
export const statusBadge = (page: Page, word: string) => executionStatus(page).getByText(word, { exact: true });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A step of the execution timeline (its list item), by the title its heading shows, e.g. "Code Scanning". */
export function stepItem(page: Page, title: string) {
  // A step that has not started says so in its heading, for screen readers.
  const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(title)}( \\(not started\\))?$`) });
  return page.getByRole('listitem').filter({ has: heading });
}

/** Opens a program from My Programs, then Deploy, then Build; returns the new execution's id. */
export async function deployAndBuild(page: Page, programName: string): Promise<string> {
  await page.getByRole('link', { name: programName }).first().click();
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page).toHaveURL(/\/execution\/\d+$/);
  return /\/execution\/(\d+)$/.exec(page.url())![1];
}

/**
 * Picks `option` in a Spectrum Picker of `scope` (its button is named by its value and its label),
 * and waits until the Picker shows it. Tried again while it does not: under load a click can land
 * on the list while its popover is still moving into place.
 */
export async function choose(page: Page, label: string, option: string, scope: Page | Locator = page) {
  const picker = scope.getByRole('button', { name: new RegExp(`${label}$`) });
  await expect(async () => {
    if ((await picker.getAttribute('aria-expanded')) !== 'true') await picker.click();
    await page.getByRole('option', { name: option, exact: true }).click({ timeout: 2000 });
    await expect(picker).toHaveAccessibleName(new RegExp(`^${escapeRegExp(option)}`), { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

/** Whether the page shows the console's narrow layout (below 1024 px: the side menu a drawer, the header's More menu). */
const isNarrow = (page: Page) => (page.viewportSize()?.width ?? 1280) < 1024;

/**
 * Follows a link of the side menu (Overview, Pipelines, …). On a phone or tablet the menu is a
 * drawer: opened with the hamburger first (it closes again on the navigation). On a desktop the
 * column, as it is.
 */
export async function openSideNavLink(page: Page, name: string) {
  if (isNarrow(page)) await page.getByRole('button', { name: 'Show side navigation' }).click();
  await page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name, exact: true }).click();
}

/**
 * Presses a header control by its name (Settings, Simulator controls, the bell, the avatar, Help, …).
 * On a phone or tablet these sit in the header's More menu: opened first unless it is open.
 */
export async function openHeaderItem(page: Page, name: string | RegExp, { timeout }: { timeout?: number } = {}) {
  await showHeaderItems(page, { timeout });
  await page.getByRole('button', { name, exact: true }).click({ timeout });
}

/** Makes the header's controls visible: on a phone or tablet opens the More menu unless it is open; on a desktop nothing to do. */
export async function showHeaderItems(page: Page, { timeout }: { timeout?: number } = {}) {
  if (!isNarrow(page)) return;
  const more = page.getByRole('button', { name: /^More: / });
  if ((await more.getAttribute('aria-expanded', { timeout })) !== 'true') await more.click({ timeout });
  await expect(page.getByRole('group', { name: 'More' })).toBeVisible({ timeout });
}

/** Signs in as `name` through the avatar's Switch user… (the simulator's users), in the header or its More menu. */
export async function switchUser(page: Page, name: string) {
  const signedIn = page.getByRole('button', { name: `Signed in as ${name}` });
  const account = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: /Switch user…/ }) });
  // Tried again until it shows: under load a click can land on the list while it is still moving.
  await expect(async () => {
    if (!(await account.isVisible())) await openHeaderItem(page, /^Signed in as /, { timeout: 2000 });
    const options = page.getByRole('listbox');
    if (!(await options.isVisible())) await account.getByRole('button', { name: /Switch user…/ }).click({ timeout: 2000 });
    await options.getByRole('option', { name }).click({ timeout: 2000 });
    await showHeaderItems(page, { timeout: 3000 });
    await expect(signedIn).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  // Choosing the user closes the dialog; choosing them again (a try that timed out after the first
  // choice landed) changes nothing and leaves it open, with the rest of the page inert.
  if (await account.isVisible()) await page.keyboard.press('Escape');
  await expect(account).toHaveCount(0);
}

/**
 * Scrolls a Spectrum table (a grid) to its last column (`end`) or back to its first. On a phone the
 * table scrolls sideways inside itself and renders only the columns in view; on a desktop every
 * column is in view already.
 */
export async function scrollGridSideways(grid: Locator, to: 'start' | 'end') {
  await grid.evaluate((element, end) => {
    for (const node of element.querySelectorAll<HTMLElement>('*'))
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible')
        node.scrollLeft = end ? node.scrollWidth : 0;
  }, to === 'end');
}

/**
 * On a page with the fake clock (`fakeClock`): waits until `shown` holds, moving the page's clock
 * on 5 s at a time. The page polls (and backs off, up to 30 s) on its own timers, so a recovery is
 * waited out faster than real time; nothing else makes the page ask again. Each try takes at least
 * a second of real time (`shown`'s own wait): with 2 s of page time a try and toPass's pauses, the
 * 40 s allowed covered less page time than the longest backoff, and a loaded CI machine (2 cores)
 * saw a page that had not asked again yet.
 */
export async function waitOnPageClock(page: Page, shown: (timeout: number) => Promise<void>) {
  await expect(async () => {
    await page.clock.runFor(5000);
    await shown(1000);
  }).toPass({ timeout: 40_000, intervals: [0] });
}
/** `waitOnPageClock`'s check that a locator is visible. */
export const visibleWithin = (locator: Locator) => (timeout: number) => expect(locator).toBeVisible({ timeout });
