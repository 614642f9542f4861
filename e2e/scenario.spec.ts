/**
 * Issue #16: a scenario loaded from the console's Simulator panel into the embedded simulator
 * replaces its world (the programs list shows the scenario's program), and a broken file is
 * refused with its problems listed.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const GREEN_RELEASE = fileURLToPath(new URL('../scenarios/green-release.json', import.meta.url));

test.describe('Scenarios in the embedded simulator', () => {
  test('Load a scenario… replaces the world; a broken file is refused with every problem listed', async ({ page, openConsole }) => {
    await openConsole('/');
    await expect(page.getByRole('link', { name: 'WKND Sites' }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Simulator controls' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByText('Simulated time:')).toBeVisible();

    await test.step('a broken file: every problem listed, nothing changed', async () => {
      const chooser = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Load a scenario…' }).click();
      await (
        await chooser
      ).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "", "quirks": {"delayMs": -1}}') });
      await expect(panel.getByRole('heading', { name: 'The scenario was not loaded' })).toBeVisible();
      await expect(panel.getByRole('listitem')).toHaveText([
        /^\$\.name: expected a non-empty string/,
        /^\$\.quirks\.delayMs: expected an integer/,
      ]);
    });

    await test.step('green-release.json: its program replaces the seed programs', async () => {
      const chooser = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Load a scenario…' }).click();
      await (await chooser).setFiles(GREEN_RELEASE);
      await expect(panel.getByText('Scenario “green-release” loaded')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('link', { name: 'Green Release' }).first()).toBeVisible();
      await expect(page.getByRole('link', { name: 'WKND Sites' })).toHaveCount(0);
    });
  });
});
