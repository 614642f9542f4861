import { ActionButton, ProgressCircle, Text, ToastQueue } from '@adobe/react-spectrum';
import Download from '@spectrum-icons/workflow/Download';
import { useState } from 'react';
import { fetchStepLogText } from '../api/step-logs';
import type { HalLink } from '../api/types';
import { saveTextFile } from './log-viewer/log-search';

interface StepLogDownloadButtonProps {
  link: HalLink;
  /** The saved file's name, e.g. "build-1234.log". */
  filename: string;
  label: string;
  file?: string;
}

/** Fetches the whole log text and saves exactly that text as a file. */
export function StepLogDownloadButton({ link, filename, label, file }: StepLogDownloadButtonProps) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    try {
      saveTextFile(filename, await fetchStepLogText(link, file));
    } catch (error) {
      ToastQueue.negative(`Could not download the log: ${error instanceof Error ? error.message : String(error)}`, { timeout: 8000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionButton onPress={() => void download()} isDisabled={busy}>
      {busy ? <ProgressCircle size="S" isIndeterminate aria-label="Downloading…" /> : <Download />}
      <Text>{label}</Text>
    </ActionButton>
  );
}
