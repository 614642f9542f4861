import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ColorSchemeContext, useColorSchemeState } from './color-scheme';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** The console: one QueryClient, the colour scheme, and the router (whose root layout holds the Spectrum Provider). */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  const colorScheme = useColorSchemeState();
  return (
    <QueryClientProvider client={queryClient}>
      <ColorSchemeContext.Provider value={colorScheme}>
        <RouterProvider router={router} />
      </ColorSchemeContext.Provider>
    </QueryClientProvider>
  );
}
