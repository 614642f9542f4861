/**
 * An execution's status as Cloud Manager words it: an icon plus a word, never colour alone.
 * `executionStatusInfo` is the one mapping (the execution page uses it for its toolbar badge);
 * whether an execution can still change is `isExecutionActive` (src/api/polling.ts).
 */
import { Flex, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import CloseCircle from '@spectrum-icons/workflow/CloseCircle';
import Clock from '@spectrum-icons/workflow/Clock';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';

export type StatusVariant = 'neutral' | 'info' | 'positive' | 'negative' | 'notice';

export interface ExecutionStatusInfo {
  /** The word shown to the user ("In progress", "Failed", "Unknown (FOO)"). */
  word: string;
  /** Spectrum semantic variant (StatusLight / Badge). */
  variant: StatusVariant;
  /** False for a status this console does not know: it is never shown as success. */
  known: boolean;
}

/**
 * @param status the execution's `status` from the API (open: unknown values are shown as unknown)
 * @param context 'page' for the execution page badge ("In progress"), 'list' for tables ("Running")
 */
export function executionStatusInfo(status: string | undefined, context: 'page' | 'list' = 'page'): ExecutionStatusInfo {
  switch (status) {
    case 'NOT_STARTED':
      return { word: 'Not started', variant: 'neutral', known: true };
    case 'RUNNING':
      return { word: context === 'list' ? 'Running' : 'In progress', variant: 'info', known: true };
    case 'CANCELLING':
      return { word: context === 'list' ? 'Cancelling' : 'Cancelled', variant: 'negative', known: true };
    case 'CANCELLED':
      return { word: 'Cancelled', variant: 'negative', known: true };
    case 'FINISHED':
      return { word: 'Finished', variant: 'positive', known: true };
    case 'FAILED':
    case 'ERROR':
      return { word: 'Failed', variant: 'negative', known: true };
    default:
      return { word: status ? `Unknown (${status})` : 'Unknown', variant: 'notice', known: false };
  }
}

interface ExecutionStatusProps {
  status: string | undefined;
  context?: 'page' | 'list';
}

/** Icon + italic word, as in Cloud Manager's status columns. */
export function ExecutionStatus({ status, context = 'list' }: ExecutionStatusProps) {
  const info = executionStatusInfo(status, context);
  const icon = !info.known ? (
    <HelpOutline size="S" aria-hidden />
  ) : status === 'RUNNING' || status === 'CANCELLING' ? (
    <span className="spinner" aria-hidden />
  ) : info.variant === 'positive' ? (
    <CheckmarkCircle size="S" color="positive" aria-hidden />
  ) : status === 'CANCELLED' ? (
    <CloseCircle size="S" color="negative" aria-hidden />
  ) : info.variant === 'negative' ? (
    <Alert size="S" color="negative" aria-hidden />
  ) : (
    <Clock size="S" aria-hidden />
  );
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className={`status status--${info.variant}`}>
      {icon}
      <Text UNSAFE_className="status-word">{info.word}</Text>
    </Flex>
  );
}
