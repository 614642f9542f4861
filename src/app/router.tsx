/** The console's routes (paths.ts): every screen is lazy, so each is its own chunk; each has an error element. */
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
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

export const routes: RouteObject[] = [
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
      { index: true, ...page(() => import('../features/programs/programs-page')) },
      { path: paths.waiting.path, ...page(() => import('../features/notifications/waiting-page')) },
      { path: paths.overview.path, ...page(() => import('../features/overview/overview-page')) },
      { path: paths.activity.path, ...page(() => import('../features/activity/activity-page')) },
      { path: paths.pipelines.path, ...page(() => import('../features/pipelines/pipelines-page')) },
      { path: paths.repositories.path, ...page(() => import('../features/repositories/repositories-page')) },
      { path: paths.reports.path, ...page(() => import('../features/reports/reports-page')) },
      { path: paths.environments.path, ...page(() => import('../features/environments/environments-page')) },
      { path: paths.environment.path, ...page(() => import('../features/environments/environment-page')) },
      { path: paths.deploy.path, ...page(() => import('../features/execution/deploy-page')) },
      { path: paths.execution.path, ...page(() => import('../features/execution/execution-page')) },
      { path: '*', ...page(() => import('./not-found-page')) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
