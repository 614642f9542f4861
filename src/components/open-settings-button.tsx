/**
 * "Open Settings": the way out of a 401/403 (a missing or wrong API key, token or org). The
 * Settings dialog is the settings feature's; the app hands its renderer down through
 * `SettingsDialogProvider`, so shared pieces (failed loads) can offer it without importing a feature.
 */
import { Button, DialogTrigger } from '@adobe/react-spectrum';
import { createContext, useContext, type ReactElement } from 'react';

type RenderSettingsDialog = (close: () => void) => ReactElement;

const SettingsDialogContext = createContext<RenderSettingsDialog | null>(null);

export const SettingsDialogProvider = SettingsDialogContext.Provider;

export function OpenSettingsButton() {
  const renderDialog = useContext(SettingsDialogContext);
  if (!renderDialog) return null;
  return (
    <DialogTrigger>
      <Button variant="secondary">Open Settings</Button>
      {(close) => renderDialog(close)}
    </DialogTrigger>
  );
}
