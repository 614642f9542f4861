/**
 * The header's Feedback pill, apps grid (solution switcher) and help menu (cm-ui §0), in Cloud
 * Manager's order around the organisation name, against the real simulator.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { setupSimulatorServer } from '../test/simulator-server';
import { AppHeader } from './app-header';

const NEW_TAB = ' (opens in a new tab)';

function renderHeader() {
  return renderWithProviders(<AppHeader programId="1" navOpen onToggleNav={() => {}} />, { url: '/program/1' });
}

describe('Header: Feedback, apps grid and help', () => {
  setupSimulatorServer();
  beforeEach(() => localStorage.clear());

  it("comes in Cloud Manager's order: Feedback, organisation, apps grid, help, …, bell, avatar", async () => {
    renderHeader();
    // the first render loads the header's lazy chunk
    const feedback = await screen.findByRole('button', { name: 'Feedback' }, { timeout: 5000 });
    const org = screen.getByText('Simulated Org');
    const apps = await screen.findByRole('button', { name: 'Adobe Experience Cloud apps' });
    const help = screen.getByRole('button', { name: 'Help' });
    const bell = await screen.findByRole('button', { name: /^Notifications/ });
    const avatar = await screen.findByRole('button', { name: /^Signed in as / });
    const order = [feedback, org, apps, help, bell, avatar];
    for (let i = 1; i < order.length; i++)
      expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING, `${i}`).toBeTruthy();
  });

  it('the Feedback pill says feedback on this console goes to its issue tracker, not to Adobe', async () => {
    const user = userEvent.setup();
    renderHeader();
    await user.click(await screen.findByRole('button', { name: 'Feedback' }));
    const dialog = await screen.findByRole('dialog', { name: 'Feedback' });
    expect(dialog).toHaveTextContent("not Adobe's product: feedback given here does not reach Adobe");
    expect(dialog).toHaveTextContent("issues in the project's issue tracker");
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('the apps grid lists Adobe sites opening in new tabs, with Cloud Manager current', async () => {
    const user = userEvent.setup();
    renderHeader();
    await user.click(await screen.findByRole('button', { name: 'Adobe Experience Cloud apps' }));
    const grid = await screen.findByRole('dialog', { name: 'Adobe Experience Cloud' });
    expect(within(grid).getByText('Cloud Manager')).toHaveAttribute('aria-current', 'true');
    expect(within(grid).queryByRole('link', { name: /Cloud Manager/ })).not.toBeInTheDocument();
    const links = within(grid).getAllByRole('link');
    expect(within(grid).getByRole('link', { name: `Admin Console${NEW_TAB}` })).toBe(links[1]);
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [`Experience Cloud home${NEW_TAB}`, 'https://experience.adobe.com/'],
      [`Admin Console${NEW_TAB}`, 'https://adminconsole.adobe.com/'],
      [`Adobe Developer Console${NEW_TAB}`, 'https://developer.adobe.com/console'],
      [`Experience League${NEW_TAB}`, 'https://experienceleague.adobe.com/'],
      [`Adobe Learning Manager${NEW_TAB}`, 'https://learningmanager.adobe.com/'],
      [`Adobe Status${NEW_TAB}`, 'https://status.adobe.com/'],
    ]);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('rel')).toMatch(/\bnoopener\b/);
    }
  });

  it('help offers the documentation and Experience League in new tabs, and About this console', async () => {
    const user = userEvent.setup();
    renderHeader();
    await user.click(await screen.findByRole('button', { name: 'Help' }));
    const help = await screen.findByRole('dialog', { name: 'Help' });
    const links = within(help).getAllByRole('link');
    expect(within(help).getByRole('link', { name: `Experience League${NEW_TAB}` })).toBe(links[1]);
    expect(links.map((link) => link.textContent)).toEqual([`Cloud Manager documentation${NEW_TAB}`, `Experience League${NEW_TAB}`]);
    expect(links[0].getAttribute('href')).toMatch(/^https:\/\/experienceleague\.adobe\.com\/.*\/cloud-manager\//);
    expect(links[1]).toHaveAttribute('href', 'https://experienceleague.adobe.com/');
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('rel')).toMatch(/\bnoopener\b/);
    }
    await user.click(within(help).getByRole('button', { name: 'About this console' }));
    const about = await screen.findByRole('dialog', { name: 'About this console' });
    expect(about).toHaveTextContent('It is not made, endorsed or supported by Adobe.');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Help' })).not.toBeInTheDocument());
    await user.click(within(about).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
