import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentSettings, useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import { defaultSettings, loadSettings } from '../../api/settings';
import { renderWithProviders } from '../../test/render';
import { markAsServedByProxy, removeProxyMarker } from '../../test/proxy-marker';
import { PROXY_UNAVAILABLE, SettingsDialog } from './settings-dialog';

describe('Settings dialog', () => {
  afterEach(() => {
    removeProxyMarker();
    localStorage.clear();
    sessionStorage.clear();
    applySettingsForRequests(defaultSettings);
  });

  it('saves the standalone simulator with credentials, token in sessionStorage only', async () => {
    const user = userEvent.setup();
    const close = vi.fn();
    const onSaved = vi.fn();
    renderWithProviders(<SettingsDialog close={close} onSaved={onSaved} />);
    expect(screen.getByRole('radio', { name: 'Embedded simulator (in this browser)' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Standalone simulator server' }));
    const url = screen.getByRole('textbox', { name: 'Simulator server URL' });
    expect(url).toHaveValue('http://localhost:8787');
    await user.clear(url);
    await user.type(url, 'http://localhost:9999');
    await user.type(screen.getByLabelText('Access token'), 'secret-token');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaved).toHaveBeenCalled();
    expect(close).toHaveBeenCalled();
    expect(loadSettings()).toMatchObject({ target: 'standalone', standaloneUrl: 'http://localhost:9999', accessToken: 'secret-token' });
    expect(localStorage.getItem('cm-console.api-settings')).not.toContain('secret-token');
    expect(currentSettings().target).toBe('standalone');
  });

  it('requires a URL for another API server', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    renderWithProviders(<SettingsDialog close={() => {}} onSaved={onSaved} />);
    await user.click(screen.getByRole('radio', { name: 'Another Cloud Manager API server' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /API server URL/ }), 'https://cloudmanager.adobe.io');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaved).toHaveBeenCalled();
    expect(loadSettings()).toMatchObject({ target: 'custom', customUrl: 'https://cloudmanager.adobe.io' });
  });

  it('offers the local proxy only on a page the proxy served, saying why otherwise', () => {
    renderWithProviders(<SettingsDialog close={() => {}} onSaved={() => {}} />);
    expect(screen.getByRole('radio', { name: 'Cloud Manager through the local proxy' })).toBeDisabled();
    expect(screen.getByRole('radiogroup', { name: 'Cloud Manager API' })).toHaveAccessibleDescription(PROXY_UNAVAILABLE);
  });

  describe('on a page the local proxy served', () => {
    it('has the proxy chosen, without credential fields (they live in the proxy’s environment)', () => {
      markAsServedByProxy();
      renderWithProviders(<SettingsDialog close={() => {}} onSaved={() => {}} />);
      const proxy = screen.getByRole('radio', { name: 'Cloud Manager through the local proxy' });
      expect(proxy).toBeEnabled();
      expect(proxy).toBeChecked();
      expect(screen.getByRole('radiogroup', { name: 'Cloud Manager API' })).not.toHaveAccessibleDescription(PROXY_UNAVAILABLE);
      expect(screen.queryByRole('textbox', { name: 'API key' })).not.toBeInTheDocument();
      expect(screen.queryByLabelText('Access token')).not.toBeInTheDocument();
      expect(screen.getByText(/this browser never sees them/)).toBeInTheDocument();
    });

    it('keeps another choice saved on this origin, and can come back to the proxy', async () => {
      markAsServedByProxy();
      const user = userEvent.setup();
      const { unmount } = renderWithProviders(<SettingsDialog close={() => {}} onSaved={() => {}} />);
      await user.click(screen.getByRole('radio', { name: 'Embedded simulator (in this browser)' }));
      expect(screen.getByRole('textbox', { name: 'API key' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(loadSettings().target).toBe('embedded');
      unmount();

      renderWithProviders(<SettingsDialog close={() => {}} onSaved={() => {}} />);
      expect(screen.getByRole('radio', { name: 'Embedded simulator (in this browser)' })).toBeChecked();
      await user.click(screen.getByRole('radio', { name: 'Cloud Manager through the local proxy' }));
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(loadSettings().target).toBe('proxy');
      expect(currentSettings().target).toBe('proxy');
    });
  });
});
