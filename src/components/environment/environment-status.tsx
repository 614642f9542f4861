/**
 * An environment's (or an environment variable's) status: an icon plus a word ("Running",
 * "Updating"), never colour alone — a dot as on Cloud Manager's Environments card, a spinner while
 * a change applies, a warning triangle for a failure.
 */
import { Flex, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';

const WORDS: Record<string, { word: string; tone: 'positive' | 'info' | 'negative' | 'neutral' }> = {
  ready: { word: 'Running', tone: 'positive' },
  creating: { word: 'Creating', tone: 'info' },
  updating: { word: 'Updating', tone: 'info' },
  deleting: { word: 'Deleting', tone: 'info' },
  failed: { word: 'Failed', tone: 'negative' },
};

export function environmentStatusWord(status: string | undefined): string {
  return (status && WORDS[status]?.word) || (status ? `Unknown (${status})` : 'Unknown');
}

/** @param readyWord the word for `ready` ("Running" for an environment, "Ready" for a variable) */
export function EnvironmentStatus({ status, readyWord }: { status: string | undefined; readyWord?: string }) {
  const tone = (status && WORDS[status]?.tone) || 'neutral';
  const word = status === 'ready' && readyWord ? readyWord : environmentStatusWord(status);
  const icon =
    tone === 'info' ? (
      <span className="spinner" aria-hidden />
    ) : tone === 'negative' ? (
      <Alert size="S" color="negative" aria-hidden />
    ) : (
      <span className={`status-dot status-dot--${tone}`} aria-hidden />
    );
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className={`status status--${tone}`}>
      {icon}
      <Text UNSAFE_className="status-word">{word}</Text>
    </Flex>
  );
}
