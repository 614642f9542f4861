import { defaultTheme, Provider, ToastContainer } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';
import { useRouterHref } from './router-href';
import { useColorScheme } from './color-scheme';
import { SettingsDialogProvider } from '../components/open-settings-button';
import { renderSettingsDialog } from '../features/settings/settings-dialog-lazy';

/** Spectrum's Provider inside the router, so Spectrum `href` props navigate client-side; one ToastContainer. */
export function SpectrumProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const { scheme } = useColorScheme();
  return (
    <Provider
      theme={defaultTheme}
      colorScheme={scheme}
      router={{ navigate: (to: string, options?: NavigateOptions) => void navigate(to, options), useHref: useRouterHref }}
      minHeight="100vh"
    >
      <SettingsDialogProvider value={renderSettingsDialog}>{children}</SettingsDialogProvider>
      <ToastContainer />
    </Provider>
  );
}
