/**
 * The console's routes (paths.ts): every screen is lazy, so each is its own chunk; each has an
 * error element. With a QueryClient, each screen's loader starts its reads while the chunk loads
 * (api/route-prefetch.ts, issue #17); the loader does not wait for them, the screen shows its own
 * loading and error states.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { startPrefetch } from '../api/prefetch';
import { paths } from '../lib/paths';
import { RootLayout } from './root-layout';
import { LoadingPage } from './loading-page';
import { RouteError } from './route-error';
import { SpectrumProvider } from './spectrum-provider';

type PageModule = { default: ComponentType };

function page(load: () => Promise<PageModule>): Pick<RouteObject, 'lazy' | 'errorElement'> {
  return {
    lazy: async () => ({ Component: (await load()).default }),
    errorElement: <RouteError />,
  };
}

/** A loader that starts the reads of the screen at the route's ids (and `pipelines` with it). */
function prefetching(client: QueryClient | undefined, pipelines = false): Pick<RouteObject, 'loader'> {
  if (!client) return {};
  return {
    loader: ({ params }: LoaderFunctionArgs) => {
      // Its own small chunk: it arrives before the screen's and stays out of My Programs' first load.
      startPrefetch(client, params, { pipelines });
      return null;
    },
  };
}

/** The routes; with `client`, loaders prefetch each screen's data into it. */
export function createRoutes(client?: QueryClient): RouteObject[] {
  const reads = prefetching(client);
  const readsPipelines = prefetching(client, true);
  return [
    {
      path: '/',
      element: <RootLayout />,
      hydrateFallbackElement: <LoadingPage />,
      errorElement: (
        <SpectrumProvider>
          <RouteError />
        </SpectrumProvider>
      ),
      children: [
        { index: true, ...reads, ...page(() => import('../features/programs/programs-page')) },
        { path: paths.waiting.path, ...page(() => import('../features/notifications/waiting-page')) },
        { path: paths.overview.path, ...readsPipelines, ...page(() => import('../features/overview/overview-page')) },
        { path: paths.activity.path, ...readsPipelines, ...page(() => import('../features/activity/activity-page')) },
        { path: paths.pipelines.path, ...readsPipelines, ...page(() => import('../features/pipelines/pipelines-page')) },
        { path: paths.repositories.path, ...reads, ...page(() => import('../features/repositories/repositories-page')) },
        { path: paths.reports.path, ...readsPipelines, ...page(() => import('../features/reports/reports-page')) },
        { path: paths.environments.path, ...reads, ...page(() => import('../features/environments/environments-page')) },
        { path: paths.environment.path, ...reads, ...page(() => import('../features/environments/environment-page')) },
        { path: paths.deploy.path, ...reads, ...page(() => import('../features/execution/deploy-page')) },
        { path: paths.execution.path, ...reads, ...page(() => import('../features/execution/execution-page')) },
        { path: '*', ...page(() => import('./not-found-page')) },
      ],
    },
  ];
}

/** The routes without prefetching (tests render them with a QueryClient of their own). */
export const routes: RouteObject[] = createRoutes();

export function createAppRouter(client: QueryClient) {
  return createBrowserRouter(createRoutes(client));
}
