/**
 * The header's Settings and Simulator buttons with their dialogs: in the header row on a desktop,
 * in the header's More menu on a phone or tablet (src/app/header-more-menu.tsx).
 */
import { ActionButton, DialogTrigger, Text } from '@adobe/react-spectrum';
import Beaker from '@spectrum-icons/workflow/Beaker';
import Settings from '@spectrum-icons/workflow/Settings';
import { lazy, Suspense } from 'react';
import { LazySettingsDialog } from '../features/settings/settings-dialog-lazy';

const SimulatorPanel = lazy(() => import('../features/simulator/simulator-panel').then((m) => ({ default: m.SimulatorPanel })));

export function SettingsButton() {
  return (
    <DialogTrigger>
      <ActionButton isQuiet aria-label="Settings">
        <Settings />
        <Text>Settings</Text>
      </ActionButton>
      {(close) => <LazySettingsDialog close={close} />}
    </DialogTrigger>
  );
}

/** The simulation controls (only on a simulator): not part of Cloud Manager. */
export function SimulatorButton() {
  return (
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
  );
}
