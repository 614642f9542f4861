/**
 * Starts a screen's reads in the background (route-prefetch.ts, its own small chunk, which arrives
 * before the screen's and stays out of My Programs' first load): from a route's loader while the
 * screen's code loads (issue #17).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RouteIds } from './route-prefetch';

export function startPrefetch(client: QueryClient, ids: RouteIds, options: { pipelines?: boolean } = {}): void {
  void import('./route-prefetch').then(({ prefetchRoute }) => prefetchRoute(client, ids, options));
}
