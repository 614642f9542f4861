/** The shell around every screen: header, side nav inside a program, and the page. */
import { Flex, View } from '@adobe/react-spectrum';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useMatches } from 'react-router';
import { AppHeader } from './app-header';
import { ProxyBanner } from './proxy-banner';
import { ProxyGate } from './proxy-gate';

// Inside a program only: My Programs' first load does without it (and its icons).
const SideNav = lazy(() => import('./side-nav').then((m) => ({ default: m.SideNav })));
import { SpectrumProvider } from './spectrum-provider';

const SIDE_NAV_KEY = 'cm-console.side-nav';

/** The program id of the current route, if any (params of the deepest match). */
export function useRouteProgramId(): string | undefined {
  const matches = useMatches();
  return matches[matches.length - 1]?.params.programId;
}

function readSideNavOpen(): boolean {
  try {
    return localStorage.getItem(SIDE_NAV_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function RootLayout() {
  const programId = useRouteProgramId();
  const [navOpen, setNavOpen] = useState(readSideNavOpen);
  const toggleNav = () => {
    setNavOpen((open) => {
      try {
        localStorage.setItem(SIDE_NAV_KEY, open ? 'closed' : 'open');
      } catch {
        // ignore
      }
      return !open;
    });
  };
  return (
    <SpectrumProvider>
      <Flex direction="column" minHeight="100vh">
        <AppHeader programId={programId} navOpen={navOpen} onToggleNav={toggleNav} />
        <ProxyBanner />
        <Flex flexGrow={1} minHeight={0}>
          {programId && navOpen ? (
            <Suspense fallback={<div className="side-nav" aria-hidden />}>
              <SideNav programId={programId} />
            </Suspense>
          ) : null}
          <View flexGrow={1} minWidth={0} UNSAFE_className="page">
            <main>
              <ProxyGate>
                <Outlet />
              </ProxyGate>
            </main>
          </View>
        </Flex>
      </Flex>
    </SpectrumProvider>
  );
}
