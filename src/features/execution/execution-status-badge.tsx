import { Badge, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import Clock from '@spectrum-icons/workflow/Clock';
import CloseCircle from '@spectrum-icons/workflow/CloseCircle';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';
import Refresh from '@spectrum-icons/workflow/Refresh';
import { executionStatusInfo } from '../../components/execution-status';

/**
 * The execution's status badge (icon + word) in a polite live region, so a status change is
 * announced. Unknown statuses read "Unknown", never success.
 */
export function ExecutionStatusBadge({ status }: { status: string | undefined }) {
  const info = executionStatusInfo(status, 'page');
  const variant = info.variant === 'notice' ? 'yellow' : info.variant;
  const icon = !info.known ? (
    <HelpOutline aria-hidden />
  ) : status === 'NOT_STARTED' ? (
    <Clock aria-hidden />
  ) : info.variant === 'info' ? (
    <Refresh aria-hidden />
  ) : info.variant === 'positive' ? (
    <CheckmarkCircle aria-hidden />
  ) : status === 'CANCELLED' || status === 'CANCELLING' ? (
    <CloseCircle aria-hidden />
  ) : (
    <Alert aria-hidden />
  );
  return (
    <div role="status" aria-live="polite" aria-atomic="true" aria-label="Execution status" className="execution-status-badge">
      <Badge variant={variant} aria-label={`Execution status: ${info.word}`}>
        {icon}
        <Text>{info.word}</Text>
      </Badge>
    </div>
  );
}
