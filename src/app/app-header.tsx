/**
 * The top header bar: hamburger, Adobe mark + "Cloud Manager", program switcher, Feedback, org,
 * apps grid, help, Settings, Simulator (on a simulator only), theme, the bell and the avatar. One row
 * of the same height at every width: below 1024 px it holds the hamburger, the mark, the program
 * switcher and a More menu with the rest (src/app/header-more-menu.tsx).
 */
import { ActionButton, DialogTrigger, Flex, Text, View } from '@adobe/react-spectrum';
import Beaker from '@spectrum-icons/workflow/Beaker';
import Settings from '@spectrum-icons/workflow/Settings';
import ShowMenu from '@spectrum-icons/workflow/ShowMenu';
import { lazy, Suspense } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProgramSwitcher } from './program-switcher';
import { LazySettingsDialog } from '../features/settings/settings-dialog-lazy';
import { ThemeToggle } from './theme-toggle';
import { currentSettings } from '../api/client';
import { useProxyInfo } from '../api/proxy-info';
import { targetsSimulator } from '../api/settings';

// The dialogs are not needed for the first paint: their code loads when one is opened (issue #5).
// Feedback, the apps grid, help, the bell and the avatar are one lazy chunk, shown in three places.
type HeaderArea = typeof import('./header-user-area');
const fromHeaderArea = <K extends keyof HeaderArea>(name: K) =>
  lazy(() => import('./header-user-area').then((m) => ({ default: m[name] })));
const HeaderFeedback = fromHeaderArea('HeaderFeedback');
const HeaderAppsAndHelp = fromHeaderArea('HeaderAppsAndHelp');
const HeaderUserArea = fromHeaderArea('HeaderUserArea');
const SimulatorPanel = lazy(() => import('../features/simulator/simulator-panel').then((m) => ({ default: m.SimulatorPanel })));

interface AppHeaderProps {
  programId: string | undefined;
  navOpen: boolean;
  onToggleNav: () => void;
}

export const ORGANISATION_NAME = 'Simulated Org';

/** The organisation the console acts in: the simulator's, the proxy's, or the one given in Settings. */
function useOrganisation(): string | undefined {
  const settings = currentSettings();
  const proxy = useProxyInfo(settings.target === 'proxy');
  if (targetsSimulator(settings)) return ORGANISATION_NAME;
  if (settings.target === 'proxy') return proxy.data?.organisation;
  return settings.imsOrgId || undefined;
}

export function AppHeader({ programId, navOpen, onToggleNav }: AppHeaderProps) {
  const organisation = useOrganisation();
  // Shown in the row on a desktop, in the More menu below 1024 px (the same elements).
  const settings = (
    <DialogTrigger>
      <ActionButton isQuiet aria-label="Settings">
        <Settings />
        <Text>Settings</Text>
      </ActionButton>
      {(close) => <LazySettingsDialog close={close} />}
    </DialogTrigger>
  );
  const simulator = targetsSimulator(currentSettings()) ? (
    <DialogTrigger type="modal">
      <ActionButton isQuiet aria-label="Simulator controls">
        <Beaker />
        <Text>Simulator</Text>
      </ActionButton>
      {(close) => (
        <Suspense fallback={null}>
          <SimulatorPanel close={close} />
        </Suspense>
      )}
    </DialogTrigger>
  ) : null;
  const colourScheme = <ThemeToggle />;
  return (
    <header className="app-header">
      <View borderBottomWidth="thin" borderColor="default" paddingX="size-150" backgroundColor="gray-50" UNSAFE_className="app-header-bar">
        <Flex alignItems="center" gap="size-150" width="100%">
          {programId ? (
            <ActionButton
              isQuiet
              aria-label={navOpen ? 'Hide side navigation' : 'Show side navigation'}
              aria-expanded={navOpen}
              onPress={onToggleNav}
            >
              <ShowMenu />
            </ActionButton>
          ) : null}
          <RouterLink to="/" className="app-home-link" aria-label="Cloud Manager — My Programs">
            <svg className="app-logo" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <rect width="24" height="24" rx="4" fill="#EB1000" />
              <path d="M7 18 L12 6 L17 18 H14.4 L12 12.2 L9.6 18 Z" fill="#fff" />
            </svg>
            <span className="app-title">Cloud Manager</span>
          </RouterLink>
          <ProgramSwitcher programId={programId} />
          <Flex alignItems="center" gap="size-100" UNSAFE_className="app-header-wide">
            <Suspense fallback={null}>
              <HeaderFeedback />
            </Suspense>
            {organisation ? (
              <Text UNSAFE_className="app-org" aria-label={`Organisation: ${organisation}`}>
                {organisation}
              </Text>
            ) : null}
            <Suspense fallback={null}>
              <HeaderAppsAndHelp />
            </Suspense>
            {settings}
            {simulator}
            {colourScheme}
            <Suspense fallback={null}>
              <HeaderUserArea more={{ organisation, settings, simulator, colourScheme }} />
            </Suspense>
          </Flex>
        </Flex>
      </View>
    </header>
  );
}
