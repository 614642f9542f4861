/** A pipeline's live status (pipeline.status): spinner + "Running…", waiting, or grey dot + "Not running". */
import { Flex, Text } from '@adobe/react-spectrum';
import Clock from '@spectrum-icons/workflow/Clock';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';

export function isPipelineRunning(status: string | undefined): boolean {
  return status === 'BUSY' || status === 'WAITING';
}

export function PipelineStatus({ status }: { status: string | undefined }) {
  if (status === 'BUSY') {
    return (
      <Flex alignItems="center" gap="size-75" UNSAFE_className="status status--info">
        <span className="spinner" aria-hidden />
        <Text UNSAFE_className="status-word">Running…</Text>
      </Flex>
    );
  }
  if (status === 'WAITING') {
    return (
      <Flex alignItems="center" gap="size-75" UNSAFE_className="status status--notice">
        <Clock size="S" color="notice" aria-hidden />
        <Text UNSAFE_className="status-word">Running… (waiting for input)</Text>
      </Flex>
    );
  }
  if (status === 'IDLE' || status === undefined) {
    return (
      <Flex alignItems="center" gap="size-75" UNSAFE_className="status status--neutral">
        <span className="status-dot status-dot--neutral" aria-hidden />
        <Text UNSAFE_className="status-word">Not running</Text>
      </Flex>
    );
  }
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className="status status--notice">
      <HelpOutline size="S" aria-hidden />
      <Text UNSAFE_className="status-word">Unknown ({status})</Text>
    </Flex>
  );
}
