import { Button, Content, Flex, Heading, IllustratedMessage, ProgressCircle, Text } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

interface QueryStateProps {
  /** What is being loaded, for the spinner's label and the error heading ("programs"). */
  what: string;
  isPending: boolean;
  error: Error | null | undefined;
  onRetry: () => void;
  /** Shown when loaded but there is nothing to show. */
  isEmpty?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}

/** Loading, error (with Retry), empty, or the content: a data view is never a blank area. */
export function QueryState({ what, isPending, error, onRetry, isEmpty, empty, children }: QueryStateProps) {
  if (error) {
    return (
      <Flex direction="column" alignItems="center" gap="size-150" marginY="size-400" UNSAFE_className="query-error">
        <div role="alert">
          <Heading level={3}>Could not load {what}</Heading>
          <Text>{error.message}</Text>
        </div>
        <Button variant="primary" onPress={onRetry}>
          Retry
        </Button>
      </Flex>
    );
  }
  if (isPending) {
    return (
      <Flex justifyContent="center" marginY="size-400">
        <ProgressCircle aria-label={`Loading ${what}…`} isIndeterminate />
      </Flex>
    );
  }
  if (isEmpty) {
    return (
      <IllustratedMessage>
        <Heading>Nothing here yet</Heading>
        <Content>{empty ?? `There are no ${what}.`}</Content>
      </IllustratedMessage>
    );
  }
  return <>{children}</>;
}
