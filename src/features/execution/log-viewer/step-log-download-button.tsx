import { fetchStepLogText } from '../../../api/step-logs';
import type { HalLink } from '../../../api/types';
import { DownloadTextButton } from '../../../components/download-text-button';

interface StepLogDownloadButtonProps {
  link: HalLink;
  /** The saved file's name, e.g. "build-1234.log". */
  filename: string;
  label: string;
  file?: string;
}

/** Fetches the whole log text and saves exactly that text as a file. */
export function StepLogDownloadButton({ link, filename, label, file }: StepLogDownloadButtonProps) {
  return <DownloadTextButton label={label} filename={filename} what="the log" load={() => fetchStepLogText(link, file)} />;
}
