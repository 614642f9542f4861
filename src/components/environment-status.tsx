/** An environment's status: a dot plus a word ("Running"), never colour alone. */
import { Flex, Text } from '@adobe/react-spectrum';

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

export function EnvironmentStatus({ status }: { status: string | undefined }) {
  const tone = (status && WORDS[status]?.tone) || 'neutral';
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className={`status status--${tone}`}>
      <span className={`status-dot status-dot--${tone}`} aria-hidden />
      <Text UNSAFE_className="status-word">{environmentStatusWord(status)}</Text>
    </Flex>
  );
}
