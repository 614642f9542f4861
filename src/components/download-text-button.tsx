/**
 * A button that reads a text (a log, a CSV) and saves exactly that text as a file. A failure is
 * shown in place, as text, with Retry; the button shows progress while it reads. An outlined pill
 * (Spectrum's secondary outline), as Cloud Manager's step buttons.
 */
import { ActionButton, Button, Flex, ProgressCircle, Text } from '@adobe/react-spectrum';
import Download from '@spectrum-icons/workflow/Download';
import { useState } from 'react';
import { saveTextFile } from '../lib/save-text-file';

interface DownloadTextButtonProps {
  label: string;
  /** The saved file's name, e.g. "build-1234.log". */
  filename: string;
  /** What is downloaded, for the error ("the log", "the issues"). */
  what: string;
  /** Reads the text to save (a string, or a Blob of text); undefined when there is nothing to download. */
  load: () => Promise<string | Blob | undefined>;
  /** The file's MIME type (plain text unless said; a Blob keeps its own). */
  type?: string;
  /** Filled instead of outlined, as Cloud Manager fills Download Details when there are issues. */
  emphasized?: boolean;
}

export function DownloadTextButton({ label, filename, what, load, type, emphasized = false }: DownloadTextButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const text = await load();
      if (text === undefined) throw new Error('The API offered no file.');
      saveTextFile(filename, text, type);
    } catch (failure) {
      setError(`Could not download ${what}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex alignItems="center" gap="size-100" wrap>
      <Button variant="secondary" style={emphasized ? 'fill' : 'outline'} onPress={() => void download()} isDisabled={busy}>
        {busy ? <ProgressCircle size="S" isIndeterminate aria-label="Downloading…" /> : <Download />}
        <Text>{label}</Text>
      </Button>
      {error ? (
        <>
          <div role="alert" className="download-error">
            <Text>{error}</Text>
          </div>
          <ActionButton isQuiet onPress={() => void download()} aria-label={`Retry: ${label}`}>
            Retry
          </ActionButton>
        </>
      ) : null}
    </Flex>
  );
}
