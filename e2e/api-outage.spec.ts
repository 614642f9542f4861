/**
 * The API goes away (maintenance 503, then no network at all) while an execution page is open, then
 * comes back: the page says what is wrong in place and recovers by itself, without a reload.
 * The console talks to the standalone server here, so the browser's requests can be intercepted
 * (the embedded simulator answers inside a service worker, out of reach of page.route).
 */
import type { Route } from '@playwright/test';
import { statusBadge, visibleWithin, waitOnPageClock } from './fixtures';
import { expect, test } from './standalone-server';

// slow: the run stays in progress (and the page keeps polling) for the whole test. The page runs on
// Playwright's clock, so its backoffs (up to 30 s, src/api/polling.ts) can be waited out faster
// than real time; the server and its answers stay real.
test.use({ speed: 1, fakeClock: true });

test('an execution page says the API is down, then recovers by itself when it returns', async ({ page, standalone }) => {
  test.setTimeout(90_000);
  const base = standalone.base;
  const { path } = await standalone.startRun();
  await standalone.useIn(page);
  await page.goto(path);
  await expect(statusBadge(page, 'In progress')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Validation' })).toBeVisible();
  // a mark that a reload would wipe
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const maintenance = (route: Route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'Cloud Manager is in scheduled maintenance.',
      }),
    });
  await test.step('maintenance: a 503 is explained in place, with Retry', async () => {
    await page.route(`${base}/api/**`, maintenance);
    const alert = page.getByRole('alert').filter({ hasText: 'Cloud Manager is in scheduled maintenance.' });
    await waitOnPageClock(page, visibleWithin(alert));
    await expect(alert).toContainText('Cloud Manager is unavailable');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cloud Manager — My Programs' })).toBeVisible();
  });

  const offline = (route: Route) => route.abort('internetdisconnected');
  await test.step('network down: the page says the API cannot be reached', async () => {
    await page.unroute(`${base}/api/**`, maintenance);
    await page.route(`${base}/api/**`, offline);
    await waitOnPageClock(page, visibleWithin(page.getByRole('alert').filter({ hasText: 'Cannot reach the API' })));
  });

  await test.step('the API returns: the execution shows again without Retry or reload', async () => {
    await page.unroute(`${base}/api/**`, offline);
    await waitOnPageClock(page, visibleWithin(page.getByRole('heading', { level: 3, name: 'Validation' })));
    await expect(statusBadge(page, 'In progress')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /Cannot reach the API|maintenance/ })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
