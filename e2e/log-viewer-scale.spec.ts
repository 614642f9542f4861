/**
 * The log viewer at scale (issue #5), on the built console: a 200,000-line build log (served
 * inside the page by bench/log-viewer.ts's fetch wrapper) keeps only the visible lines plus a
 * margin in the DOM; a link to a line opens the log there; ANSI codes never show as raw text; and
 * a running log that grows keeps the lines already shown (same DOM nodes).
 */
import type { Page } from '@playwright/test';
import {
  BIG_LOG_LINES,
  LOG_DOM_MARGIN,
  LOG_LINE_PX,
  bigLogRegion,
  finishedProductionExecutionPath,
  installBigLog,
  logLine,
  logLines,
  markedLogLines,
} from '../bench/log-viewer';
import { deployAndBuild, expect, stepItem, test } from './fixtures';

const buildStep = (page: Page) => stepItem(page, 'Build & Unit Testing');

async function expectWindowed(page: Page) {
  const region = bigLogRegion(page);
  const visible = await region.evaluate((el) => Math.ceil(el.clientHeight / 20));
  expect(LOG_LINE_PX).toBe(20);
  const count = await logLines(region).count();
  expect(count).toBeGreaterThanOrEqual(visible);
  expect(count).toBeLessThanOrEqual(visible + LOG_DOM_MARGIN);
}

test.describe('log viewer at scale', () => {
  test('a 200,000-line log keeps only the visible lines plus a margin in the DOM, shows colours not escape codes, and finds', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    const path = await finishedProductionExecutionPath(sim);
    await installBigLog(page);
    await page.goto(path);
    await buildStep(page).getByRole('button', { name: 'View log' }).click();
    const region = bigLogRegion(page);
    await expect(region).toBeVisible();
    await expect(logLines(region).first()).toContainText('[INFO] 2026-11-28');
    await expectWindowed(page);

    await test.step('ANSI colours are styled text, never raw escape codes', async () => {
      await region.evaluate((el) => (el.scrollTop = 40 * 20));
      const error = logLine(region, 50);
      await expect(error).toBeVisible();
      const text = (await region.textContent()) ?? '';
      expect(text).not.toContain('\x1b');
      expect(text).not.toMatch(/\[\d+(;\d+)*m/);
      await expect(error).toContainText('[ERROR] 2026-11-28');
      const color = await error.getByText('[ERROR]', { exact: true }).evaluate((el) => getComputedStyle(el).color);
      expect(color).not.toBe(await error.evaluate((el) => getComputedStyle(el).color));
    });

    await test.step('scrolled to the middle and found, the DOM stays windowed', async () => {
      await region.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await expect(logLine(region, BIG_LOG_LINES / 2)).toBeAttached();
      await expectWindowed(page);
      await page.getByRole('searchbox', { name: 'Find in log' }).fill('error');
      await expect(page.getByText(`1/${BIG_LOG_LINES / 50}`, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Previous match' }).click();
      await expect(page.getByText(`${BIG_LOG_LINES / 50}/${BIG_LOG_LINES / 50}`, { exact: true })).toBeVisible();
      // the current match is the one line marked current, and in view
      await expect(markedLogLines(region)).toHaveCount(1);
      await expect(logLine(region, BIG_LOG_LINES)).toHaveAttribute('aria-current', 'true');
      await expect(logLine(region, BIG_LOG_LINES)).toBeInViewport();
      await expectWindowed(page);
    });
  });

  test(
    'a link to a line opens the step log with that line selected and in view; choosing a line updates the link',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      await openConsole();
      const path = await finishedProductionExecutionPath(sim);
      await installBigLog(page);
      await page.goto(`${path}#log-build-unit-testing-L123456`);
      const region = bigLogRegion(page);
      await expect(region).toBeVisible();
      // the selected line is the one line marked current, and in view
      await expect(markedLogLines(region)).toHaveCount(1);
      await expect(logLine(region, 123456)).toHaveAttribute('aria-current', 'true');
      await expect(logLine(region, 123456)).toBeInViewport();
      await expectWindowed(page);

      await test.step('Go to line (keyboard) selects another line and puts it in the URL', async () => {
        const field = page.getByRole('textbox', { name: 'Go to line' });
        await field.fill('42');
        await field.press('Enter');
        await expect(page).toHaveURL(/#log-build-unit-testing-L42$/);
        await expect(markedLogLines(region)).toHaveCount(1);
        await expect(logLine(region, 42)).toHaveAttribute('aria-current', 'true');
        await expect(logLine(region, 42)).toBeInViewport();
      });

      await test.step('clicking a line number selects that line', async () => {
        await logLine(region, 45).getByText('45', { exact: true }).click();
        await expect(page).toHaveURL(/#log-build-unit-testing-L45$/);
        await expect(markedLogLines(region)).toHaveCount(1);
        await expect(logLine(region, 45)).toHaveAttribute('aria-current', 'true');
        await expect(logLine(region, 42)).toBeAttached();
        await expect(logLine(region, 42)).not.toHaveAttribute('aria-current');
      });

      await test.step('closing the log clears the link', async () => {
        await page.getByRole('button', { name: 'Close' }).click();
        await expect(region).toHaveCount(0);
        await expect(page).toHaveURL(new RegExp(`${path}$`));
      });
    },
  );

  test.describe('a passing run at the default speed', () => {
    test.use({ outcome: 'pass', speed: 30 });

    test('a running log that grows keeps the lines already shown (same nodes)', async ({ page, openConsole }) => {
      await openConsole();
      await deployAndBuild(page, 'We.Retail Global');
      await expect(buildStep(page).getByText('Running…', { exact: true })).toBeVisible({ timeout: 30_000 });
      await buildStep(page).getByRole('button', { name: 'View log' }).click();
      const region = page.getByRole('region', { name: /^Build & Unit Testing log \(\d+ lines\)$/ });
      await expect(logLines(region).first()).toBeVisible();
      await page.getByRole('switch', { name: 'Follow' }).click();
      await expect(page.getByRole('switch', { name: 'Follow' })).not.toBeChecked();
      await region.evaluate((el) => (el.scrollTop = 0));
      const linesOf = async () => Number(/\((\d+) lines\)/.exec((await region.getAttribute('aria-label')) ?? '')![1]);
      const before = await linesOf();
      await logLine(region, 1).evaluate((el) => el.setAttribute('data-tag', 'kept'));
      await expect.poll(linesOf, { timeout: 30_000 }).toBeGreaterThan(before);
      await expect(logLine(region, 1)).toHaveAttribute('data-tag', 'kept');
    });
  });
});
