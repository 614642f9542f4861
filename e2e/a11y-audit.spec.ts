/**
 * Issue #4 / #6: axe finds no WCAG 2.1 A/AA violation in the Experience Audit — tiles, failed
 * pages, trend chart and table — nor in its dialogs (slowest pages, full report, page details),
 * in light and dark. Keyboard: the buttons and trend points are reached with Tab.
 */
import { expect, test } from './fixtures';
import { expectNoAxeViolations, tabTo, THEMES, useTheme } from './a11y-helpers';

type Resource = { id: string; name: string; _links: Record<string, { href: string }>; _embedded: Record<string, Resource[]> };

for (const theme of THEMES) {
  test.describe(`experience audit accessibility (axe), ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => useTheme(page, theme));

    test('summary, trend and the three dialogs', async ({ page, sim, openConsole }) => {
      await openConsole();
      const programs = await sim.get<Resource>('/api/programs');
      const program = await sim.get<Resource>(programs._embedded.programs.find((p) => p.name === 'WKND Sites')!._links.self.href);
      const pipelines = await sim.get<Resource>(program._links['http://ns.adobe.com/adobecloud/rel/pipelines'].href);
      const pipeline = pipelines._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!;
      const [latest] = await sim.executionIds('WKND Sites', 'Production Pipeline');
      await page.goto(`/program/${program.id}/pipeline/${pipeline.id}/execution/${latest}`);

      const audit = page.locator('li.step-item[data-action="contentAudit"]');
      await expect(audit.getByRole('list', { name: 'Median scores' })).toBeVisible();
      const failed = audit.getByRole('button', { name: /could not be audited$/ });
      if (await failed.count()) await failed.click();
      await audit.getByRole('button', { name: 'Score trend' }).click();
      await audit.getByRole('switch', { name: 'Show as table' }).click();
      await expect(audit.getByRole('table', { name: 'Median scores by run, oldest first' })).toBeVisible();
      await expectNoAxeViolations(page, 'experience audit summary and trend');

      await test.step('a trend point and the dialog buttons are reached with Tab', async () => {
        await tabTo(page, audit.getByRole('button', { name: 'View slowest pages' }));
        await tabTo(
          page,
          audit
            .getByRole('group', { name: /Median scores of the last/ })
            .getByRole('link')
            .first(),
        );
      });

      await audit.getByRole('button', { name: 'View slowest pages' }).click();
      const slowest = page.getByRole('dialog', { name: 'Slowest pages' });
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
}
