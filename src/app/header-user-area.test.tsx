/**
 * The header's user area against the real simulator: the avatar names the signed-in user (Marco
 * Bianchi, the embedded simulator's default), its account shows email and roles, and "Switch user…"
 * signs in as another user: saved, sent as x-sim-user from then on, and everything read again.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentSettings, useSettingsForRequests as applySettingsForRequests } from '../api/client';
import { loadSettings } from '../api/settings';
import { paths } from '../lib/paths';
import { renderWithProviders } from '../test/render';
import { setupSimulatorServer } from '../test/simulator-server';
import { HeaderUserArea } from './header-user-area';
import { initials } from './user-menu';

const SAM = 'C0FFEE1234567890ABCDEF12@AdobeID';

describe('Header: the signed-in user', () => {
  const sim = setupSimulatorServer();
  beforeEach(() => localStorage.clear());
  afterEach(() => applySettingsForRequests({ ...currentSettings(), simUser: '' }));

  it('initials of a name', () => {
    expect(initials('Marco Bianchi')).toBe('MB');
    expect(initials('Dana  Q. Whitfield')).toBe('DW');
    expect(initials('Cher')).toBe('C');
  });

  it('shows who is signed in, and Switch user… signs in as someone else everywhere', async () => {
    const sentAs: (string | null)[] = [];
    sim.server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/api/')) sentAs.push(request.headers.get('x-sim-user'));
    });
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<HeaderUserArea />);
    const avatar = await screen.findByRole('button', { name: 'Signed in as Marco Bianchi' });
    expect(avatar).toHaveTextContent('MB');
    await user.click(avatar);
    const account = await screen.findByRole('dialog', { name: 'Marco Bianchi' });
    expect(account).toHaveTextContent('marco.bianchi@example.com');
    expect(account).toHaveTextContent('Roles: Deployment Manager');
    expect(within(account).getByRole('link', { name: 'Waiting for me' })).toHaveAttribute('href', paths.waiting.href());
    await user.click(within(account).getByRole('button', { name: /Switch user…/ }));
    const before = sentAs.length;
    expect(sentAs.length).toBeGreaterThan(0);
    await user.click(await screen.findByRole('option', { name: /Sam Okafor/ }));

    expect(await screen.findByRole('button', { name: 'Signed in as Sam Okafor' })).toHaveTextContent('SO');
    expect(loadSettings().simUser).toBe(SAM);
    // what was read as Marco is read again as Sam
    await waitFor(() => expect(sentAs.slice(before)).toContain(SAM));
    expect(sentAs.slice(before).every((id) => id === SAM)).toBe(true);
    expect(queryClient.getQueryData<{ name: string }>(['cm', '_sim', 'whoami'])?.name).toBe('Sam Okafor');
  });

  it('Waiting for me in the account goes there and closes the account', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<HeaderUserArea />);
    await user.click(await screen.findByRole('button', { name: 'Signed in as Marco Bianchi' }));
    const account = await screen.findByRole('dialog', { name: 'Marco Bianchi' });
    await user.click(within(account).getByRole('link', { name: 'Waiting for me' }));
    expect(router.state.location.pathname).toBe(paths.waiting.href());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
