/**
 * Scale (issue #5), on the built console with a populated simulator (1,000 programs, 10,000
 * executions on WKND Sites' production pipeline): My Programs and Activity render a page of rows,
 * never the whole list, and read only what that page needs. The page runs on Playwright's fake
 * clock (time flowing), so staleness and "no more requests" are page time, not waits.
 */
import { MAX_RENDERED_ROWS, SCALE, populateAndOpenProgram } from '../bench/scale';
import { ApiRequests, settleRequests } from '../bench/polling';
import { expect, programCards, test } from './fixtures';

test.describe('at scale', () => {
  test.use({ fakeClock: true });

  test(
    'Activity with 10,000 executions shows 20 a page and reads the next page through the list links; My Programs with 1,000 programs shows 50 at a time and reads only those',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      await openConsole();
      await populateAndOpenProgram(page, sim);

      await test.step('Activity: 20 of 10,000 a page, the next page through its list link', async () => {
        await page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Activity' }).click();
        const pages = page.getByRole('navigation', { name: 'Activity pages' });
        // (the history read before the scale data arrived may show first; then the whole of it)
        await expect(pages).toContainText(/1–20 of \d{5,}/);
        const total = Number(/of (\d+)/.exec((await pages.textContent()) ?? '')![1]);
        expect(total).toBeGreaterThanOrEqual(SCALE.executions);
        const rows = page.getByRole('grid', { name: 'Pipeline executions' }).getByRole('row');
        await expect(rows).toHaveCount(21);

        const requests = new ApiRequests(page);
        await pages.getByRole('button', { name: 'Next' }).click();
        await expect(pages).toContainText(`21–40 of ${total}`);
        await expect(rows).toHaveCount(21);
        await settleRequests(page, requests);
        // One more page of the long history (its list's next link), not the 10,000 rows.
        expect(requests.stop().total).toBeLessThanOrEqual(3);
      });

      await test.step('My Programs: 50 of 1,000 at a time, reading only those', async () => {
        const requests = new ApiRequests(page);
        await page.getByRole('link', { name: 'Cloud Manager — My Programs' }).click();
        const pages = page.getByRole('navigation', { name: 'Programs pages' });
        await expect(pages).toContainText(`1–50 of ${SCALE.programs}`);
        await expect(programCards(page)).toHaveCount(50);
        await settleRequests(page, requests);
        // The list, and one read per shown program (type, solutions), not 1,000; plus the four seed
        // programs, shown from the cache while the list is read again. Only program reads are counted:
        // on a loaded machine a poll the page sent as it was left lands in the window too.
        const read = requests.stop();
        const programReads = [...read.api].filter(([url]) =>
          /^\/api(\/alt-layout)?\/(programs|program\/[^/]+)$/.test(new URL(url).pathname),
        );
        const urls = [...read.api.keys()].join('\n');
        expect(programReads.length, `program resources read:\n${urls}`).toBeLessThanOrEqual(1 + 50 + 4);
        // (and at least the shown programs not read before: the four seed programs may be fresh)
        expect(programReads.length, `program resources read:\n${urls}`).toBeGreaterThanOrEqual(50 - 4);
        expect(
          programReads.filter(([, times]) => times > 1),
          'no program is read twice',
        ).toEqual([]);

        await pages.getByRole('button', { name: 'Next' }).click();
        await expect(pages).toContainText(`51–100 of ${SCALE.programs}`);
        await expect(page).toHaveURL(/[?&]page=2/);
        await page.getByRole('button', { name: 'List view' }).click();
        const rows = page.getByRole('grid', { name: 'Programs' }).getByRole('row');
        await expect(rows.nth(1)).toBeVisible();
        expect(await rows.count()).toBeLessThanOrEqual(51);
        expect(await programCards(page).count()).toBe(0);
        expect(await rows.count()).toBeLessThanOrEqual(MAX_RENDERED_ROWS);
      });
    },
  );
});
