/**
 * The shell on a phone or tablet (below 1024 px; matchMedia mocked to say so), against the real
 * simulator: the side menu is a drawer, closed by default, opened by the hamburger, closed by a link,
 * Escape or the backdrop, focus back on the hamburger; the header's More menu holds Settings,
 * Simulator, the colour scheme, the bell and the signed-in user.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NARROW_QUERY } from '../lib/use-media-query';
import { paths } from '../lib/paths';
import { createTestQueryClient } from '../test/render';
import { setupSimulatorServer } from '../test/simulator-server';
import { ColorSchemeContext } from './color-scheme';
import { RootLayout } from './root-layout';

function Here() {
  return <p data-testid="here">{useLocation().pathname}</p>;
}

function renderNarrowShell(url: string) {
  const screens = [paths.overview.path, paths.activity.path, paths.pipelines.path].map((path) => ({ path, element: <Here /> }));
  const router = createMemoryRouter([{ path: '/', element: <RootLayout />, children: screens }], { initialEntries: [url] });
  const setPreference = vi.fn();
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <ColorSchemeContext.Provider value={{ preference: 'system', scheme: 'light', setPreference }}>
        <RouterProvider router={router} />
      </ColorSchemeContext.Provider>
    </QueryClientProvider>,
  );
  return { setPreference };
}

const hamburger = () => screen.getByRole('button', { name: /^(Show|Hide) side navigation$/ });
const drawer = () => screen.queryByRole('dialog', { name: 'Side navigation' });

async function openDrawer(user: ReturnType<typeof userEvent.setup>) {
  await user.click(hamburger());
  const opened = await screen.findByRole('dialog', { name: 'Side navigation' });
  await waitFor(() => expect(within(opened).getByRole('link', { name: 'Home' })).toHaveFocus());
  return opened;
}

describe('Shell below 1024 px', () => {
  setupSimulatorServer();
  beforeEach(() => {
    localStorage.clear();
    const matchMedia = (query: string) =>
      ({
        matches: query === NARROW_QUERY,
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
      }) as unknown as MediaQueryList;
    vi.spyOn(window, 'matchMedia').mockImplementation(matchMedia);
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps the side menu closed by default, even where the desktop column was left open', async () => {
    localStorage.setItem('cm-console.side-nav', 'open');
    renderNarrowShell('/program/1/activity');
    expect(hamburger()).toHaveAccessibleName('Show side navigation');
    expect(hamburger()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('navigation', { name: 'Program' })).not.toBeInTheDocument();
    expect(drawer()).not.toBeInTheDocument();
  });

  it('opens the drawer from the hamburger, the page behind inert; following a link closes it', async () => {
    const user = userEvent.setup();
    renderNarrowShell('/program/1/activity');
    const opened = await openDrawer(user);
    expect(opened).toHaveAttribute('aria-modal', 'true');
    expect(within(opened).getByRole('navigation', { name: 'Program' })).toBeInTheDocument();
    expect(hamburger().closest('[inert]')).not.toBeNull();
    expect(screen.getByTestId('here').closest('[inert]')).not.toBeNull();

    await user.click(within(opened).getByRole('link', { name: 'Pipelines' }));
    expect(screen.getByTestId('here')).toHaveTextContent('/program/1/pipelines');
    expect(drawer()).not.toBeInTheDocument();
    expect(hamburger()).toHaveAttribute('aria-expanded', 'false');
    expect(hamburger().closest('[inert]')).toBeNull();
  });

  it('closes on Escape and on the backdrop, giving focus back to the hamburger', async () => {
    const user = userEvent.setup();
    renderNarrowShell('/program/1');
    await openDrawer(user);
    expect(hamburger()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(drawer()).not.toBeInTheDocument();
    await waitFor(() => expect(hamburger()).toHaveFocus());

    const opened = await openDrawer(user);
    await user.click(opened.previousElementSibling as HTMLElement);
    expect(drawer()).not.toBeInTheDocument();
    await waitFor(() => expect(hamburger()).toHaveFocus());
    expect(screen.getByTestId('here')).toHaveTextContent('/program/1');
  });

  it('puts Settings, Simulator, the colour scheme, the bell and the user in the header’s More menu', async () => {
    const user = userEvent.setup();
    const { setPreference } = renderNarrowShell('/program/1');
    await user.click(await screen.findByRole('button', { name: 'More: settings, simulator, theme, notifications' }, { timeout: 5000 }));
    const more = await screen.findByRole('group', { name: 'More' });
    expect(within(more).getByText('Simulated Org')).toBeInTheDocument();
    expect(within(more).getByRole('button', { name: 'Settings' })).toHaveTextContent('Settings');
    expect(within(more).getByRole('button', { name: 'Simulator controls' })).toHaveTextContent('Simulator');
    expect(await within(more).findByRole('button', { name: /^Notifications, \d+ unread$|^Notifications, none unread$/ })).toHaveTextContent(
      /^Notifications/,
    );
    expect(await within(more).findByRole('button', { name: /^Signed in as / })).toBeInTheDocument();
    expect(within(more).getByRole('button', { name: 'Adobe Experience Cloud apps' })).toHaveTextContent('Adobe Experience Cloud apps');
    expect(within(more).getByRole('button', { name: 'Help' })).toBeInTheDocument();
    expect(within(more).getByRole('button', { name: 'Feedback' })).toBeInTheDocument();

    await user.click(within(more).getByRole('button', { name: 'Colour scheme: System' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    expect(setPreference).toHaveBeenCalledWith('dark');

    // Settings opens alone over the page; Escape closes it and gives focus back to it in the menu
    await user.click(within(more).getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(more).getByRole('button', { name: 'Settings' })).toHaveFocus());
    // Escape in the menu closes it, focus back on More
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'More' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^More: / })).toHaveFocus();
  });
});
