/**
 * The Settings dialog, loaded when it is first opened (it is not needed for the first paint,
 * issue #5), and the "Open Settings" button that failures about credentials offer.
 */
import { Button, DialogTrigger } from '@adobe/react-spectrum';
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

/** "Open Settings": the way out of a 401/403 (a missing or wrong API key, token or org). */
export function OpenSettingsButton() {
  return (
    <DialogTrigger>
      <Button variant="secondary">Open Settings</Button>
      {(close) => <LazySettingsDialog close={close} />}
    </DialogTrigger>
  );
}
