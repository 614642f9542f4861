/**
 * Logs (issue #5): a 200,000-line (~15 MB) build log in the production build, in Chromium.
 * The log file request is answered inside the page by a fetch wrapper with a generated log (the
 * simulator's logs are a few thousand lines), so what is measured is the console: reading the
 * text, splitting it into lines and painting the first screen; find; scrolling.
 *
 * Also exports the helpers the other bench modules and e2e/log-viewer-scale.spec.ts share:
 * launching the bench browser, installing the big log, and finding log lines (a list of lines, each
 * found by the number shown beside it). The timings run inside the page, frame by frame, so they
 * find the viewer's parts with DOM queries on its roles and ARIA attributes (never its CSS classes).
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { SimulatorControls, stepItem } from '../e2e/fixtures';
import type { Bench, BenchContext, BenchRow } from './report';
import { SYSTEM_CHROMIUM_ARGS } from '../scripts/find-chromium.mjs';

export const BIG_LOG_LINES = 200_000;
/** Lines the viewer renders around the visible ones (src/components/log-viewer LOG_OVERSCAN × 2 + 1). */
export const LOG_DOM_MARGIN = 61;
export const LOG_LINE_PX = 20;

/** The Chromium of the bench, launched like playwright.config.ts launches it. */
export function launchBenchBrowser(ctx: BenchContext): Promise<Browser> {
  return chromium.launch(
    ctx.chromiumPath
      ? {
          executablePath: ctx.chromiumPath,
          args: SYSTEM_CHROMIUM_ARGS,
        }
      : { channel: 'chromium' },
  );
}

/**
 * `npm run bench` runs under tsx, whose esbuild transform wraps named functions in `__name(…)`;
 * functions handed to the page (evaluate, init scripts) then need that helper there too.
 */
export async function newBenchPage(browser: Browser, ctx: BenchContext): Promise<Page> {
  const page = await browser.newPage({ baseURL: ctx.baseUrl, viewport: { width: 1280, height: 900 } });
  await page.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  return page;
}

/**
 * A new page on My Programs, with the embedded simulator answering, and its controls; with
 * `fakeClock`, the page runs on Playwright's fake clock (page.clock), installed before it loads.
 */
export async function openBenchConsole(
  browser: Browser,
  ctx: BenchContext,
  { fakeClock = false } = {},
): Promise<{ page: Page; sim: SimulatorControls }> {
  const page = await newBenchPage(browser, ctx);
  if (fakeClock) await page.clock.install();
  await page.goto('/');
  await page.getByRole('heading', { name: 'My Programs' }).waitFor();
  return { page, sim: new SimulatorControls(page) };
}

export interface BigLogTiming {
  /** performance.now() when the log's response was handed to the console. */
  responseAt?: number;
  /** performance.now() of the frame after the first log line was in the DOM (painted). */
  firstLineAt?: number;
}

/**
 * From the next navigation on, any `.log` file under /files/ (a step log's redirect target) is
 * answered with a generated log of `lines` lines (every 50th an ANSI-coloured `[ERROR]`, every
 * 7th a `[WARNING]`), honouring `Range`. Timings land in `window.__bigLog`.
 */
export async function installBigLog(page: Page, lines = BIG_LOG_LINES): Promise<void> {
  await page.addInitScript((count: number) => {
    type State = { text?: string; timing: { responseAt?: number; firstLineAt?: number } };
    const state: State = { timing: {} };
    (window as unknown as { __bigLog: State }).__bigLog = state;
    const generate = () => {
      const out: string[] = [];
      for (let i = 1; i <= count; i += 1) {
        const level = i % 50 === 0 ? '\x1b[1;31m[ERROR]\x1b[0m' : i % 7 === 0 ? '\x1b[33m[WARNING]\x1b[0m' : '[INFO]';
        out.push(
          `${level} 2026-11-28T10:${String(Math.floor(i / 6000) % 60).padStart(2, '0')}:00 module-${i % 97} Compiling com/adobe/wknd/core/Component${i}.java`,
        );
      }
      return `${out.join('\n')}\n`;
    };
    const watchFirstLine = () => {
      const check = () => {
        if (document.querySelector(`[role="region"][aria-label$="(${count} lines)"] [role="listitem"]`)) {
          requestAnimationFrame(() => (state.timing.firstLineAt = performance.now()));
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    };
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!/\/files\/.*\.log(\?|$)/.test(new URL(url, location.href).pathname)) return original(input, init);
      state.text ??= generate();
      const bytes = new TextEncoder().encode(state.text);
      const range = /bytes=(\d+)-/.exec(new Headers(init?.headers).get('range') ?? '');
      const from = range ? Number(range[1]) : 0;
      if (from >= bytes.length && range) return new Response(null, { status: 416 });
      state.timing.responseAt = performance.now();
      if (!range) watchFirstLine();
      return new Response(bytes.subarray(from), { status: range ? 206 : 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    };
  }, lines);
}

/** The console path of WKND Sites' newest finished production run (seed data), found by following links. */
export async function finishedProductionExecutionPath(sim: SimulatorControls): Promise<string> {
  const pipeline = await sim.pipeline('WKND Sites', 'Production Pipeline');
  const execution = (await pipeline.executions()).find((e) => e.status === 'FINISHED');
  if (!execution) throw new Error('no finished production run in the seed data');
  return pipeline.route(execution.id);
}

/** The build log's region, once it shows every line of the big log. */
export const bigLogRegion = (page: Page, lines = BIG_LOG_LINES) =>
  page.getByRole('region', { name: `Build & Unit Testing log (${lines} lines)` });

/** The lines of a log viewer that are in the DOM (the viewer keeps only the visible ones and a margin). */
export const logLines = (region: Locator) => region.getByRole('listitem');

/** Line `n` of a log viewer, found by the number shown beside it. */
export const logLine = (region: Locator, n: number) =>
  logLines(region).filter({ has: region.page().getByText(String(n), { exact: true }) });

/**
 * The lines marked current (`aria-current`): the selected line, or the current match of a find.
 * Playwright's role locators have no option for aria-current, hence the attribute.
 */
export const markedLogLines = (region: Locator) => logLines(region).and(region.page().locator('[aria-current="true"]'));

/** In the page: sets the Find field to `query` and resolves with ms until the match count shows (after a paint). */
function timeFind(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector('input[type="search"]') as HTMLInputElement;
        // the match count ("12/4000"): the viewer's polite live region beside the find field
        const count = () => [...document.querySelectorAll('[aria-live="polite"]')].find((el) => /^\d+\/\d+$/.test(el.textContent ?? ''));
        const start = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          if (count() && document.querySelector('[role="listitem"] mark')) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    query,
  );
}

/** In the page: presses Next match and resolves with ms until the current match line is shown (after a paint). */
function timeNextMatch(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const current = () => document.querySelector('[role="listitem"][aria-current="true"]')?.textContent;
        const before = current();
        const next = document.querySelector('button[aria-label="Next match"]') as HTMLButtonElement;
        const start = performance.now();
        next.click();
        const check = () => {
          const now = current();
          if (now && now !== before) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** In the page: scrolls the log `steps` times by `stepPx`, one step a frame; frame intervals in ms. */
function scrollFrames(page: Page, steps: number, stepPx: number): Promise<number[]> {
  return page.evaluate(
    ({ steps, stepPx }) =>
      new Promise<number[]>((resolve) => {
        const scroller = document.querySelector('[role="region"][aria-label$=" lines)"]') as HTMLElement;
        const intervals: number[] = [];
        let last = performance.now();
        let n = 0;
        const frame = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (n++ >= steps) return resolve(intervals.slice(1));
          scroller.scrollTop += stepPx;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { steps, stepPx },
  );
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

export const benchLogViewer: Bench = async (ctx) => {
  const browser = await launchBenchBrowser(ctx);
  try {
    const { page, sim } = await openBenchConsole(browser, ctx);
    const path = await finishedProductionExecutionPath(sim);
    await installBigLog(page);
    await page.goto(path);
    await stepItem(page, 'Build & Unit Testing').getByRole('button', { name: 'View log' }).click();
    await bigLogRegion(page).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (window as unknown as { __bigLog: { timing: { firstLineAt?: number } } }).__bigLog.timing.firstLineAt !== undefined,
    );
    const timing = await page.evaluate(() => (window as unknown as { __bigLog: { timing: BigLogTiming } }).__bigLog.timing);
    const firstScreen = timing.firstLineAt! - timing.responseAt!;
    const domLines = await logLines(bigLogRegion(page)).count();
    const visible = await bigLogRegion(page).evaluate((el) => Math.ceil(el.clientHeight / 20));

    const find = await timeFind(page, 'error');
    const jump = await timeNextMatch(page);
    const jumpBack = await timeNextMatch(page);
    await bigLogRegion(page).evaluate((region) => (region.scrollTop = 0));
    const frames = await scrollFrames(page, 120, 400);
    const domAfterScroll = await logLines(bigLogRegion(page)).count();

    const rows: BenchRow[] = [
      {
        figure: 'Log: first screen of a 200,000-line log after its text arrives',
        value: Math.round(firstScreen),
        unit: 'ms',
        budget: { max: 300 },
        note: 'response handed over → frame after the first line is in the DOM',
      },
      { figure: 'Log: find "error" (4,000 matches highlighted, count shown)', value: Math.round(find), unit: 'ms', budget: { max: 200 } },
      {
        figure: 'Log: jump to the next match',
        value: Math.round(Math.max(jump, jumpBack)),
        unit: 'ms',
        budget: { max: 200 },
        note: 'worst of two jumps',
      },
      {
        figure: 'Log: line elements in the DOM (200,000-line log)',
        value: Math.max(domLines, domAfterScroll),
        unit: 'lines',
        budget: { max: visible + LOG_DOM_MARGIN },
        note: `${visible} visible + ${LOG_DOM_MARGIN} margin`,
      },
      {
        figure: 'Log: scrolling, 95th percentile frame time',
        value: Math.round(percentile(frames, 0.95) * 10) / 10,
        unit: 'ms',
        budget: { max: 50 },
        note: `120 frames scrolling 400 px each; max ${Math.round(Math.max(...frames))} ms`,
      },
    ];
    return rows;
  } finally {
    await browser.close();
  }
};
