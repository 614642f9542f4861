import { Button, Content, Flex, Heading, IllustratedMessage, ProgressCircle, Text } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { OpenSettingsButton } from './open-settings-button';

interface QueryStateProps {
  /** What is being loaded, for the spinner's label and the error heading ("programs"). */
  what: string;
  isPending: boolean;
  error: Error | null | undefined;
  onRetry: () => void;
  /** Shown when loaded but there is nothing to show. */
  isEmpty?: boolean;
  empty?: ReactNode;
  /**
   * Data from an earlier successful load is at hand (a poll failed after it): the content stays,
   * under a notice that it may be out of date, instead of being replaced by the error.
   */
  hasData?: boolean;
  children: ReactNode;
}

/** The heading of a failed load, by what went wrong. */
function errorHeading(what: string, error: Error): string {
  if (error instanceof ApiError) {
    if (error.isAuth) return `Not allowed to load ${what}`;
    if (error.kind === 'network') return `Could not reach the API to load ${what}`;
    if (error.status === 503) return `Cloud Manager is unavailable: could not load ${what}`;
  }
  return `Could not load ${what}`;
}

/** A failed load in place: what failed, why (as text), Retry, and Settings when credentials are the cause. */
export function QueryError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <Flex direction="column" alignItems="center" gap="size-150" marginY="size-400" UNSAFE_className="query-error">
      <div role="alert">
        <Heading level={3}>{errorHeading(what, error)}</Heading>
        <Text>{error.message}</Text>
      </div>
      <Flex gap="size-150" wrap justifyContent="center">
        <Button variant="primary" onPress={onRetry}>
          Retry
        </Button>
        {error instanceof ApiError && error.isAuth ? <OpenSettingsButton /> : null}
      </Flex>
    </Flex>
  );
}

/** A failed refresh above content that is still shown: what failed, that it is retried, Retry now. */
function StaleNotice({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <Flex alignItems="center" gap="size-150" wrap marginBottom="size-150" UNSAFE_className="query-stale">
      <div role="alert">
        <Text>
          {errorHeading(`the latest ${what}`, error)}. {error.message} Showing what was loaded before; the console keeps trying.
        </Text>
      </div>
      <Button variant="secondary" onPress={onRetry}>
        Retry
      </Button>
      {error instanceof ApiError && error.isAuth ? <OpenSettingsButton /> : null}
    </Flex>
  );
}

/** What QueryState needs to know of one read (a React Query result, or a hook's summary of one without `data`). */
interface Read {
  isPending: boolean;
  error: Error | null | undefined;
  data?: unknown;
  refetch: () => unknown;
}

/**
 * QueryState's props for one read: pending, its error, whether what it read before is at hand (a
 * failed refresh then leaves it shown), and Retry as reading it again.
 */
export function readState(read: Read): Pick<QueryStateProps, 'isPending' | 'error' | 'hasData' | 'onRetry'> {
  return {
    isPending: read.isPending,
    error: read.error,
    hasData: read.data !== undefined,
    onRetry: () => void read.refetch(),
  };
}

/** Loading, error (with Retry), empty, or the content: a data view is never a blank area. */
export function QueryState({ what, isPending, error, onRetry, isEmpty, empty, hasData, children }: QueryStateProps) {
  if (error && hasData) {
    return (
      <>
        <StaleNotice what={what} error={error} onRetry={onRetry} />
        {children}
      </>
    );
  }
  if (error) return <QueryError what={what} error={error} onRetry={onRetry} />;
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
