/** The Settings dialog, loaded when it is first opened (it is not needed for the first paint, issue #5). */
import { lazy, Suspense } from 'react';

const SettingsDialog = lazy(() => import('./settings-dialog').then((m) => ({ default: m.SettingsDialog })));

/** The Settings dialog's content for a DialogTrigger; its code loads on first open. */
export function LazySettingsDialog({ close }: { close: () => void }) {
  return (
    <Suspense fallback={null}>
      <SettingsDialog close={close} />
    </Suspense>
  );
}

/** Renders the dialog for `SettingsDialogProvider` (components/open-settings-button). */
export const renderSettingsDialog = (close: () => void) => <LazySettingsDialog close={close} />;
