/** A program's status: icon + word ("Ready"). */
import { Flex, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';

const WORDS: Record<string, string> = {
  ready: 'Ready',
  creating: 'Creating',
  deleting: 'Deleting',
  deleted: 'Deleted',
  deleted_failed: 'Deletion failed',
  failed: 'Failed',
};

export function programStatusWord(status: string | undefined): string {
  if (status && WORDS[status]) return WORDS[status];
  return status ? `Unknown (${status})` : 'Unknown';
}

export function ProgramStatus({ status }: { status: string | undefined }) {
  const word = programStatusWord(status);
  const icon =
    status === 'ready' ? (
      <CheckmarkCircle size="S" color="positive" aria-hidden />
    ) : status === 'creating' || status === 'deleting' ? (
      <span className="spinner" aria-hidden />
    ) : status === 'failed' || status === 'deleted_failed' ? (
      <Alert size="S" color="negative" aria-hidden />
    ) : (
      <HelpOutline size="S" aria-hidden />
    );
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className="status">
      {icon}
      <Text UNSAFE_className="status-word">{word}</Text>
    </Flex>
  );
}
