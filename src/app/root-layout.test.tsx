import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useSettingsForRequests as applySettingsForRequests } from '../api/client';
import { defaultSettings } from '../api/settings';
import { setupFixtureServer } from '../test/fixture-server';
import { createTestQueryClient } from '../test/render';
import { ColorSchemeContext } from './color-scheme';
import { paths } from '../lib/paths';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

function Boom(): never {
  throw new Error('The page broke.');
}

function renderShell(url: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <RootLayout />,
        children: [
          { index: true, element: <Where /> },
          { path: paths.overview.path, element: <Where /> },
          { path: paths.activity.path, element: <Where /> },
          { path: paths.pipelines.path, element: <Where /> },
          { path: '/boom', element: <Boom />, errorElement: <RouteError /> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  let preference = 'system';
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <ColorSchemeContext.Provider value={{ preference: 'system', scheme: 'light', setPreference: (p) => (preference = p) }}>
        <RouterProvider router={router} />
      </ColorSchemeContext.Provider>
    </QueryClientProvider>,
  );
  return { router, preference: () => preference };
}

describe('Shell', () => {
  setupFixtureServer();

  it('has a home link, the organisation, and no program nav on My Programs', async () => {
    renderShell('/');
    expect(screen.getByRole('link', { name: 'Cloud Manager — My Programs' })).toHaveAttribute('href', '/');
    expect(screen.getByText('Simulated Org')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Program' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Simulator controls' })).toBeInTheDocument();
  });

  describe('on another API than the simulator', () => {
    afterEach(() => applySettingsForRequests(defaultSettings));

    it('names the organisation from Settings and offers no simulator controls', () => {
      applySettingsForRequests({
        ...defaultSettings,
        target: 'custom',
        customUrl: 'https://cm.example.test',
        imsOrgId: 'ACME1234@AdobeOrg',
      });
      renderShell('/');
      expect(screen.getByText('ACME1234@AdobeOrg')).toBeInTheDocument();
      expect(screen.queryByText('Simulated Org')).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Simulator controls' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
    });
  });

  it("lists Cloud Manager's other services under SERVICES, as text marked not in this console", async () => {
    renderShell('/program/1/activity');
    const nav = await screen.findByRole('navigation', { name: 'Program' });
    const services = within(nav).getByRole('list', { name: 'Services' });
    const items = within(services)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items[0]).toBe('Environments');
    expect(items.slice(1)).toEqual(
      [
        'Edge Delivery Sites',
        'Domain Settings',
        'SSL Certificates',
        'Domain Mappings',
        'IP Allow Lists',
        'Content Sets',
        'Copy Content Activity',
        'Network Infrastructures',
      ].map((name) => `${name} (not in this console)`),
    );
    expect(
      within(services)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Environments']);
  });

  it('shows the program nav with the current item marked, and the hamburger hides it', async () => {
    const user = userEvent.setup();
    renderShell('/program/1/activity');
    const nav = await screen.findByRole('navigation', { name: 'Program' });
    const items = (group: string) =>
      within(within(nav).getByRole('list', { name: group }))
        .getAllByRole('link')
        .map((link) => link.textContent);
    expect(items('Program')).toEqual(['Overview', 'Activity', 'Pipelines', 'Repositories', 'Reports']);
    expect(items('Services')).toEqual(['Environments']);
    expect(within(nav).getByRole('link', { name: 'Environments' })).toHaveAttribute('href', '/program/1/environments');
    expect(within(nav).getByRole('link', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
    await user.click(within(nav).getByRole('link', { name: 'Pipelines' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/program/1/pipelines');
    expect(within(nav).getByRole('link', { name: 'Pipelines' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'Hide side navigation' }));
    expect(screen.queryByRole('navigation', { name: 'Program' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show side navigation' }));
    expect(await screen.findByRole('navigation', { name: 'Program' })).toBeInTheDocument();
  });

  it('lists RESOURCES → Learning Paths: Experience League in a new tab, said so', async () => {
    renderShell('/program/1');
    const nav = await screen.findByRole('navigation', { name: 'Program' });
    const resources = within(nav).getByRole('list', { name: 'Resources' });
    const learning = within(resources).getByRole('link', { name: 'Learning Paths (opens in a new tab)' });
    expect(within(resources).getAllByRole('link')).toEqual([learning]);
    expect(learning.getAttribute('href')).toMatch(/^https:\/\/experienceleague\.adobe\.com\//);
    expect(learning).toHaveAttribute('target', '_blank');
    expect(learning.getAttribute('rel')).toMatch(/\bnoopener\b/);
    expect(within(learning).getByText('(opens in a new tab)', { exact: false })).toHaveClass('visually-hidden');
  });

  it('shows each program after a thumbnail of its initials, hidden from assistive technology', async () => {
    const user = userEvent.setup();
    renderShell('/program/1');
    const picker = screen.getByRole('button', { name: /Program/ });
    await within(picker).findByText('WKND Sites');
    const thumb = within(picker).getByText('WS');
    expect(thumb).toHaveAttribute('aria-hidden', 'true');
    expect(thumb.className).toMatch(/\bprogram-thumb-[0-3]\b/);
    await user.click(picker);
    const option = await screen.findByRole('option', { name: 'Sandbox Playground' });
    expect(within(option).getByText('SP')).toHaveAttribute('aria-hidden', 'true');
  });

  it('switches program from the header', async () => {
    const user = userEvent.setup();
    renderShell('/program/1');
    const picker = screen.getByRole('button', { name: /Program/ });
    await within(picker).findByText('WKND Sites');
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: 'Sandbox Playground' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/program/2');
  });

  it('changes the colour scheme from the theme menu', async () => {
    const user = userEvent.setup();
    const { preference } = renderShell('/');
    await user.click(screen.getByRole('button', { name: 'Colour scheme: System' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    expect(preference()).toBe('dark');
  });

  it('shows a route error with Try again instead of a blank page', async () => {
    renderShell('/boom');
    expect(await screen.findByRole('alert')).toHaveTextContent('The page broke.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // the shell stays around the error
    expect(screen.getByRole('link', { name: 'Cloud Manager — My Programs' })).toBeInTheDocument();
  });
});
