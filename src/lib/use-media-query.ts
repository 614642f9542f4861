/**
 * Media queries as React state, following `window.matchMedia` (false where it is missing): the
 * system colour scheme (src/app/color-scheme.ts) and the narrow layout below.
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia?.(query);
      media?.addEventListener?.('change', onChange);
      return () => media?.removeEventListener?.('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(query).matches ?? false,
    () => false,
  );
}

/** Narrower than the desktop layout (1024 px, Spectrum's L breakpoint): a phone or a tablet, where the side menu is a drawer and the header condenses. */
export const NARROW_QUERY = '(max-width: 1023.98px)';

export const useNarrow = () => useMediaQuery(NARROW_QUERY);
