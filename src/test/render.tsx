/**
 * Test rendering with the console's real providers: a fresh QueryClient (retries off), a memory
 * router at `url`, and a Spectrum Provider. Signature is stable: `renderWithProviders(ui, { url, path })`.
 *
 * - `url`: the location the memory router starts at (default "/").
 * - `path`: the route pattern `ui` is mounted on, so `useParams()` works (default "*"); e.g.
 *   `renderWithProviders(<ExecutionPage />, { url: '/program/1/pipeline/2/execution/3', path: paths.execution.path })`.
 * Any other URL the UI navigates to renders a `<div data-testid="location">pathname+search</div>`.
 */
import { render, type RenderResult } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { defaultTheme, Provider, ToastContainer } from '@adobe/react-spectrum';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, beforeAll } from 'vitest';
import { createMemoryRouter, RouterProvider, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { useRouterHref } from '../app/router-href';
import { SettingsDialogProvider } from '../components/open-settings-button';
import { renderSettingsDialog } from '../features/settings/settings-dialog-lazy';

export interface RenderOptions {
  url?: string;
  path?: string;
  queryClient?: QueryClient;
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

function SpectrumWithRouter({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Provider
      theme={defaultTheme}
      colorScheme="light"
      router={{ navigate: (to: string, options?: NavigateOptions) => void navigate(to, options), useHref: useRouterHref }}
    >
      <SettingsDialogProvider value={renderSettingsDialog}>{children}</SettingsDialogProvider>
      <ToastContainer />
    </Provider>
  );
}

function Location() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

export function renderWithProviders(
  ui: ReactElement,
  options: RenderOptions = {},
): RenderResult & { queryClient: QueryClient; router: ReturnType<typeof createMemoryRouter> } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const path = options.path ?? '*';
  const routes = [{ path, element: <SpectrumWithRouter>{ui}</SpectrumWithRouter> }];
  if (path !== '*')
    routes.push({
      path: '*',
      element: (
        <SpectrumWithRouter>
          <Location />
        </SpectrumWithRouter>
      ),
    });
  const router = createMemoryRouter(routes, { initialEntries: [options.url ?? '/'] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, queryClient, router };
}

/**
 * Spectrum shows a ComboBox (and other pickers) in their phone form — a button and a tray — when
 * the screen is at most 700 px wide, and jsdom's screen is 0 px wide. Call in a describe block (or
 * at the top of a file) to render them as on a desktop: an input with a list box.
 */
export function desktopScreen() {
  let width: PropertyDescriptor | undefined;
  beforeAll(() => {
    width = Object.getOwnPropertyDescriptor(window.screen, 'width');
    Object.defineProperty(window.screen, 'width', { configurable: true, value: 1280 });
  });
  afterAll(() => {
    if (width) Object.defineProperty(window.screen, 'width', width);
    else delete (window.screen as { width?: number }).width;
  });
}
