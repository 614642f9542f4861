/**
 * Issue #6: the deploy journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape — no
 * mouse), focus moving into dialogs and back to their trigger, and status changes announced politely.
 * Time moves only through the simulator's controls (API calls).
 */
import type { Locator, Page } from '@playwright/test';
import { executionStatus, expect, statusBadge, stepItem, test } from './fixtures';
import { holdsFocus, isFocused, livePoliteness, tabTo } from './a11y-helpers';

/** What the execution page announces as its current step ("Running: …", "Waiting for your decision: …"). */
const currentStep = (page: Page) => page.getByText(/^(Running|Waiting for your decision): /);

/** The alert dialog that confirms a step's action (toasts are alert dialogs too: found by its button). */
const confirmDialog = (page: Page, confirm: string) =>
  page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: confirm, exact: true }) });

/**
 * With the keyboard: reach the step's button, open its confirmation with Enter, check focus went
 * into the dialog, Escape (focus back on the trigger), open it again and confirm with Tab + Enter.
 */
async function decideWithKeyboard(page: Page, trigger: Locator, confirm: string) {
  await tabTo(page, trigger);
  await page.keyboard.press('Enter');
  const dialog = confirmDialog(page, confirm);
  await expect(dialog).toBeVisible();
  await expect.poll(() => holdsFocus(dialog), { message: 'focus moves into the dialog' }).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => isFocused(trigger), { message: 'focus returns to the trigger' }).toBe(true);
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: confirm, exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test.describe('keyboard only', () => {
  test.describe('a passing run', () => {
    test.use({ outcome: 'pass', speed: 30 });

    test('Deploy → Build → approve → schedule Now → finished, announced politely; on the way, header dialogs and the theme menu', async ({
      page,
      sim,
      openConsole,
    }) => {
      test.setTimeout(120_000);
      await openConsole();

      await test.step('a program from My Programs', async () => {
        await tabTo(page, page.getByRole('link', { name: 'WKND Sites' }).first());
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/\/program\/1$/);
      });

      await test.step('header dialogs take the focus and give it back to their trigger; the theme menu works with arrows and Enter', async () => {
        for (const name of ['Settings', 'Simulator controls']) {
          const trigger = page.getByRole('button', { name, exact: true });
          await tabTo(page, trigger);
          await page.keyboard.press('Enter');
          const dialog = page.getByRole('dialog');
          await expect(dialog).toBeVisible();
          await expect.poll(() => holdsFocus(dialog), { message: `focus moves into the ${name} dialog` }).toBe(true);
          await page.keyboard.press('Escape');
          await expect(dialog).toHaveCount(0);
          await expect.poll(() => isFocused(trigger), { message: `focus returns to ${name}` }).toBe(true);
        }

        const trigger = page.getByRole('button', { name: /^Colour scheme:/ });
        await tabTo(page, trigger);
        await page.keyboard.press('Enter');
        const menu = page.getByRole('menu', { name: 'Colour scheme' });
        await expect(menu).toBeVisible();
        await expect.poll(() => holdsFocus(menu)).toBe(true);
        // Focus starts on the selected item (System by default): Light is two items up.
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        await expect(page.getByRole('menuitemradio', { name: 'Light' })).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(menu).toHaveCount(0);
        await expect(page.getByRole('button', { name: 'Colour scheme: Light' })).toBeFocused();
      });

      await test.step('Deploy, then Build', async () => {
        await tabTo(page, page.getByRole('button', { name: 'Deploy', exact: true }));
        await page.keyboard.press('Enter');
        await tabTo(page, page.getByRole('button', { name: 'Build', exact: true }));
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/\/execution\/\d+$/);
      });

      await expect(executionStatus(page)).toHaveText(/In progress/);
      expect(await livePoliteness(executionStatus(page)), 'the status is announced politely').toBe('polite');
      await expect(currentStep(page)).toHaveText(/^Running: /);
      expect(await livePoliteness(currentStep(page)), 'the current step is announced politely').toBe('polite');
      const firstStep = await currentStep(page).innerText();

      await sim.speed(3000);
      await test.step('the live region announces the next steps, up to the approval', async () => {
        await expect(page.getByText(firstStep, { exact: true })).toHaveCount(0, { timeout: 30_000 });
        await expect(currentStep(page)).toHaveText(/^Waiting for your decision: .*approv/i, { timeout: 30_000 });
      });

      await test.step('approve with the keyboard; focus stays in the decided step, not back at the start of the page', async () => {
        await decideWithKeyboard(page, page.getByRole('button', { name: 'Approve', exact: true }).first(), 'Approve');
        await expect(stepItem(page, 'Application for Approval').getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
        await expect
          .poll(() => holdsFocus(stepItem(page, 'Application for Approval')), { message: 'focus in the approval step' })
          .toBe(true);
      });

      await test.step('schedule Now with the keyboard', async () => {
        await expect(currentStep(page)).toHaveText(/^Waiting for your decision: .*schedul/i, { timeout: 30_000 });
        await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked();
        await decideWithKeyboard(page, page.getByRole('button', { name: 'Confirm', exact: true }).first(), 'Confirm');
      });

      await test.step('the end of the run is announced', async () => {
        await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 60_000 });
        await expect(executionStatus(page)).toHaveText(/Finished/);
        await expect(currentStep(page)).toHaveCount(0);
      });
    });
  });
});
