/**
 * Issue #4 / #6: axe finds no WCAG 2.1 A/AA violation in the Experience Audit — tiles, failed
 * pages, trend chart and table — nor in its dialogs (slowest pages, full report, page details),
 * in light and dark. Keyboard: the buttons and trend points are reached with Tab.
 */
import { expect, stepItem, test } from './fixtures';
import { expectNoAxeViolations, tabTo } from './a11y-helpers';

test.describe('experience audit accessibility (axe)', () => {
  test('summary, trend and the three dialogs', async ({ page, sim, openConsole }) => {
    test.setTimeout(120_000);
    await openConsole();
    const pipeline = await sim.pipeline('WKND Sites', 'Production Pipeline');
    const [latest] = await pipeline.executions();
    await page.goto(pipeline.route(latest.id));

    const audit = stepItem(page, 'Experience Audit');
    await expect(audit.getByRole('list', { name: 'Median scores' })).toBeVisible();
    const failed = audit.getByRole('button', { name: /could not be audited$/ });
    if (await failed.count()) await failed.click();
    await audit.getByRole('button', { name: 'Score trend' }).click();
    await audit.getByRole('switch', { name: 'Show as table' }).click();
    await expect(audit.getByRole('table', { name: 'Median scores by run, oldest first' })).toBeVisible();
    await expectNoAxeViolations(page, 'experience audit summary and trend');

    await test.step('a trend point and the dialog buttons are reached with Tab', async () => {
      // from the table switch just pressed, View slowest pages is behind it (about 20 presses back, past the trend's points)
      await tabTo(page, audit.getByRole('button', { name: 'View slowest pages' }), { backwards: true, max: 30 });
      await tabTo(
        page,
        audit
          .getByRole('group', { name: /Median scores of the last/ })
          .getByRole('link')
          .first(),
      );
    });

    await audit.getByRole('button', { name: 'View slowest pages' }).click();
    const slowest = page.getByRole('dialog', { name: 'Slowest 5 pages' });
    await expect(slowest.getByRole('grid')).toBeVisible();
    await expectNoAxeViolations(page, 'slowest pages dialog');
    await slowest.getByRole('radio', { name: 'Desktop' }).check();
    await expect(slowest.getByRole('grid', { name: 'Slowest pages (Desktop)' })).toBeVisible();
    await expectNoAxeViolations(page, 'slowest pages dialog, desktop');

    await slowest.getByRole('button', { name: 'View full report' }).click();
    const report = page.getByRole('dialog', { name: 'Experience audit report' });
    await expect(report.getByRole('grid')).toBeVisible();
    await expectNoAxeViolations(page, 'full report dialog');

    await report.getByRole('grid').getByRole('rowheader').first().click();
    const details = page.getByRole('dialog', { name: /^Page details: / });
    await expect(details.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page, 'page details dialog');
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
    await expect(report).toBeVisible();
    // Focus goes back into the report (to the row that opened the details) before Escape closes it.
    await expect.poll(() => report.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(report).toHaveCount(0);
  });
});
