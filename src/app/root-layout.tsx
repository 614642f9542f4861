/** The shell around every screen: header, side nav inside a program, and the page. */
import { Flex, View } from '@adobe/react-spectrum';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useMatches } from 'react-router';
import { useOpenHere } from '../components/use-open-here';
import { useNarrow } from '../lib/use-media-query';
import { AppHeader } from './app-header';
import { ProxyBanner } from './proxy-banner';
import { ProxyGate } from './proxy-gate';

// Inside a program only: My Programs' first load does without it (and its icons).
const ProgramSideNav = lazy(() => import('./program-side-nav').then((m) => ({ default: m.ProgramSideNav })));
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
  // The side menu: on a desktop a column, open or closed as last chosen (localStorage); below 1024 px
  // a drawer, closed by default and open only at the location it was opened at, so any navigation
  // closes it.
  const narrow = useNarrow();
  const [columnOpen, setColumnOpen] = useState(readSideNavOpen);
  const [drawerHere, setDrawerHere] = useOpenHere();
  const drawerOpen = narrow && drawerHere;
  const toggleNav = () =>
    narrow
      ? setDrawerHere(!drawerOpen)
      : setColumnOpen((open) => {
          try {
            localStorage.setItem(SIDE_NAV_KEY, open ? 'closed' : 'open');
          } catch {
            // ignore
          }
          return !open;
        });
  return (
    <SpectrumProvider>
      <div inert={drawerOpen}>
        <Flex direction="column" minHeight="100vh">
          <AppHeader programId={programId} navOpen={narrow ? drawerOpen : columnOpen} onToggleNav={toggleNav} />
          <ProxyBanner />
          <Flex flexGrow={1} minHeight={0}>
            {programId && !narrow && columnOpen ? (
              <Suspense fallback={<div className="side-nav" aria-hidden />}>
                <ProgramSideNav programId={programId} />
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
      </div>
      {programId && drawerOpen ? (
        <Suspense fallback={null}>
          <ProgramSideNav programId={programId} onClose={() => setDrawerHere(false)} />
        </Suspense>
      ) : null}
    </SpectrumProvider>
  );
}
