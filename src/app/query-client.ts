import { QueryClient } from '@tanstack/react-query';

/** The console's one QueryClient: one retry for reads, none for actions, refresh on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 1000 },
      mutations: { retry: false },
    },
  });
}
