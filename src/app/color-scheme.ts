/** The colour scheme: Light, Dark, or System (follows `prefers-color-scheme`), kept in localStorage. */
import { createContext, useCallback, useContext, useState } from 'react';
import { useMediaQuery } from '../lib/use-media-query';

export type ColorSchemePreference = 'light' | 'dark' | 'system';
export type ColorScheme = 'light' | 'dark';

const STORAGE_KEY = 'cm-console.color-scheme';
const QUERY = '(prefers-color-scheme: dark)';

function readPreference(): ColorSchemePreference {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export interface ColorSchemeState {
  preference: ColorSchemePreference;
  scheme: ColorScheme;
  setPreference: (preference: ColorSchemePreference) => void;
}

export function useColorSchemeState(): ColorSchemeState {
  const [preference, setPreferenceState] = useState<ColorSchemePreference>(readPreference);
  const system: ColorScheme = useMediaQuery(QUERY) ? 'dark' : 'light';
  const setPreference = useCallback((next: ColorSchemePreference) => {
    setPreferenceState(next);
    try {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }, []);
  return { preference, scheme: preference === 'system' ? system : preference, setPreference };
}

export const ColorSchemeContext = createContext<ColorSchemeState>({ preference: 'system', scheme: 'light', setPreference: () => {} });

export function useColorScheme(): ColorSchemeState {
  return useContext(ColorSchemeContext);
}
