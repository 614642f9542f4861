/**
 * The console on "a real Cloud Manager" through the local proxy (`npm run proxy`): the page the
 * proxy serves finds its marker and talks to the API through the proxy, which adds credentials
 * the browser never sees. The API here is the standalone simulator asking for those credentials
 * (--require-auth) and the tokens come from a fake Adobe IMS (e2e/proxy-fixture.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { embedded, href, type Hal } from '../test-support/hal';
import { raw } from '../proxy/testing';
import { decide, deployAndBuild, statusBadge, stepItem, visibleWithin, waitOnPageClock } from './fixtures';
import { stepOf } from './pipeline-api';
import { CLIENT_ID, ORGANISATION, expect, test } from './proxy-fixture';

/** The shell's connection bar (src/app/proxy-banner.tsx). */
const banner = (page: Page) => page.getByRole('status', { name: 'Connection' });

test.describe('through the local proxy', () => {
  // Tokens live 5 s: the proxy renews them several times during the journey. The page runs on
  // Playwright's clock, so its backoff during the outage is waited out faster than real time.
  test.use({ tokenLifetime: 5, fakeClock: true });

  test('list programs, run, survive an outage, approve, download a log: no credential ever reaches the page', async ({ page, cm }) => {
    test.setTimeout(180_000);
    const started = Date.now();
    const seen = cm.record(page);
    const pageTexts: string[] = [];
    await cm.control('PUT', 'outcome', { outcome: 'pass' });
    await cm.control('PUT', 'speed', { speed: 60 });

    await test.step('My Programs, with the banner, and no simulator in the browser', async () => {
      await page.goto(`${cm.url}/`);
      await expect(page.getByRole('heading', { name: 'My Programs' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'WKND Sites' }).first()).toBeVisible();
      await expect(banner(page)).toHaveText(`Connected to ${ORGANISATION} through the local proxy (${new URL(cm.simulatorBase()).host})`);
      await expect(banner(page)).not.toContainText('read-only');
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
      pageTexts.push(await page.locator('body').innerText());
    });

    let executionId = '';
    await test.step('Deploy → Build: the run starts and is followed live', async () => {
      executionId = await deployAndBuild(page, 'WKND Sites');
      await expect(statusBadge(page, 'In progress')).toBeVisible();
      await expect(stepItem(page, 'Validation')).toBeVisible();
    });

    await test.step('the API goes down: the proxy’s 502 shows in place; it comes back: the page recovers by itself', async () => {
      await cm.stopSimulator();
      await waitOnPageClock(page, visibleWithin(page.getByRole('alert').filter({ hasText: 'Cloud Manager did not answer' }).first()));
      pageTexts.push(await page.locator('body').innerText());
      await cm.startSimulator();
      // Polls back off up to 30 s during an outage (src/api/polling.ts), on the page's clock.
      await waitOnPageClock(page, async (timeout) => {
        await expect(page.getByRole('alert').filter({ hasText: 'Cloud Manager did not answer' })).toHaveCount(0, { timeout });
        await expect(statusBadge(page, 'In progress')).toBeVisible({ timeout });
      });
    });

    await test.step('approve at the approval hold, schedule now, and the run finishes', async () => {
      await cm.control('PUT', 'speed', { speed: 3000 });
      await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible({ timeout: 40_000 });
      await decide(page, 'Approve');
      await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked({ timeout: 20_000 });
      await decide(page, 'Confirm');
      await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 40_000 });
      pageTexts.push(await page.locator('body').innerText());
    });

    await test.step('Download build log: through the proxy’s rewritten link, the file as Cloud Manager stores it', async () => {
      const program = embedded(await cm.get('/api/programs'), 'programs').find((p) => p.name === 'WKND Sites') as Hal;
      const pipelines = embedded(await cm.get(href(await cm.get(href(program, 'self')), 'pipelines')), 'pipelines');
      const production = pipelines.find((p) => p.type === 'CI_CD' && p.name === 'Production Pipeline') ?? pipelines[0];
      const execution = await cm.get(href(production, 'execution/id', { executionId }));
      const { redirect } = await cm.get<{ redirect: string }>(href(stepOf(execution, 'build'), 'pipeline/logs'));
      const expected = await cm.text(redirect);
      expect(expected).toContain('BUILD SUCCESS');

      const fileRequest = page.waitForRequest((request) => request.url().startsWith(`${cm.url}/_proxy/file?u=`));
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download build log' }).first().click();
      expect((await fileRequest).url()).not.toContain(new URL(cm.simulatorBase()).host);
      expect(await readFile(await (await download).path(), 'utf8')).toBe(expected);
    });

    await test.step('one token per lifetime from IMS, with the client credentials', async () => {
      const elapsed = Date.now() - started;
      // One at start, then one per lifetime while the page keeps polling (renewed 0.5 s before
      // its end): never one per request.
      expect(cm.ims.calls).toBeGreaterThanOrEqual(2);
      expect(cm.ims.calls).toBeLessThanOrEqual(Math.ceil(elapsed / 4500) + 2);
      for (const form of cm.ims.forms) {
        expect(form.get('grant_type')).toBe('client_credentials');
        expect(form.get('client_id')).toBe(CLIENT_ID);
      }
    });

    await test.step('the secret and the tokens are nowhere the page can see', async () => {
      await seen.settle();
      const storage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
      const cookies = JSON.stringify(await page.context().cookies());
      expect(seen.responses.length).toBeGreaterThan(20);
      for (const secret of cm.secrets()) {
        for (const response of seen.responses) expect(response.includes(secret), response.slice(0, 200)).toBe(false);
        for (const text of pageTexts) expect(text).not.toContain(secret);
        for (const message of seen.console) expect(message).not.toContain(secret);
        expect(storage).not.toContain(secret);
        expect(cookies).not.toContain(secret);
        for (const line of cm.printed) expect(line).not.toContain(secret);
      }
      // The page sent no credentials either: the proxy adds them.
      expect(seen.requestHeaders.length).toBeGreaterThan(20);
      for (const headers of seen.requestHeaders) {
        expect(headers).not.toHaveProperty('authorization');
        expect(headers).not.toHaveProperty('x-api-key');
        expect(headers).not.toHaveProperty('x-gw-ims-org-id');
      }
    });

    await test.step('a request from another origin, or for another host, is refused', async () => {
      expect((await raw(`${cm.url}/api/programs`, { headers: { host: 'attacker.example' } })).status).toBe(403);
      expect((await raw(`${cm.url}/api/programs`, { headers: { origin: 'http://attacker.example' } })).status).toBe(403);
      expect((await raw(`${cm.url}/api/programs`)).status).toBe(200);
    });
  });
});

test.describe('through the local proxy, read-only', () => {
  test.use({ proxyReadOnly: true });

  test('the console offers no change, says read-only, and the proxy refuses one', async ({ page, cm }) => {
    // A run held at its approval, started straight on the API.
    await cm.control('PUT', 'outcome', { outcome: 'pass' });
    const program = embedded(await cm.get('/api/programs'), 'programs').find((p) => p.name === 'WKND Sites') as Hal;
    const full = await cm.get(href(program, 'self'));
    const production = embedded(await cm.get(href(full, 'pipelines')), 'pipelines').find((p) => p.name === 'Production Pipeline')!;
    const started = await fetch(new URL(href(production, 'execution'), cm.simulatorBase()), {
      method: 'PUT',
      headers: { 'x-api-key': 'e2e', 'x-gw-ims-org-id': 'E2E@AdobeOrg', authorization: 'Bearer e2e' },
    });
    expect(started.status).toBe(201);
    const execution = (await started.json()) as Hal;
    await cm.control('POST', 'clock', { advanceMs: 3_600_000 });
    const held = stepOf(await cm.get(href(execution, 'self')), 'approval');
    expect(held?.status).toBe('WAITING');

    await page.goto(`${cm.url}/program/${String(full.id)}/pipeline/${String(production.id)}/execution/${String(execution.id)}`);
    await expect(banner(page)).toContainText(`Connected to ${ORGANISATION} through the local proxy`);
    await expect(banner(page)).toContainText('read-only');
    await expect(stepItem(page, 'Application for Approval')).toBeVisible();
    await expect(statusBadge(page, 'In progress')).toBeVisible();
    for (const name of ['Approve', 'Reject', 'Cancel']) await expect(page.getByRole('button', { name, exact: true }), name).toHaveCount(0);

    await test.step('an idle pipeline has no Build', async () => {
      const pipelines = embedded(await cm.get(href(full, 'pipelines')), 'pipelines');
      const idle = pipelines.find((p) => p.name === 'Code Quality')!;
      await page.goto(`${cm.url}/program/${String(full.id)}/pipeline/${String(idle.id)}`);
      await expect(page.getByRole('heading', { level: 3, name: 'Start Pipeline' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Build', exact: true })).toHaveCount(0);
    });

    await test.step('the pipelines’ menu offers only what reads', async () => {
      await page.goto(`${cm.url}/program/${String(full.id)}/pipelines`);
      await page.getByRole('button', { name: 'Actions for Code Quality' }).click();
      await expect(page.getByRole('menuitem')).toHaveText(['View variables', 'View last execution']);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: /Run selected/ })).toHaveCount(0);
    });

    await test.step('a change sent anyway is refused by the proxy (405), and nothing changed', async () => {
      const status = await page.evaluate(
        async (advance) => {
          const response = await fetch(advance, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ approved: true }),
          });
          return response.status;
        },
        href(held, 'pipeline/advance'),
      );
      expect(status).toBe(405);
      expect(stepOf(await cm.get(href(execution, 'self')), 'approval')?.status).toBe('WAITING');
    });

    // A token lives an hour here: the one the proxy got when it started served every request.
    expect(cm.ims.calls).toBe(1);
  });
});
