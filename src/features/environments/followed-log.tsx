/**
 * Follow: today's log of one service and log in the log viewer, new lines appended as they are
 * written (the one polling policy paces it: every 2 s, backing off while the API fails, paused in
 * a hidden tab). Across midnight it goes on with the new day's file, marked in the text. While the
 * API fails, what was read stays on screen with a notice that it is retrying; it resumes from
 * where it stopped. Log text is untrusted: the viewer renders it as text.
 */
import { Button, Flex, Text } from '@adobe/react-spectrum';
import { useLogFollow } from '../../api/environment-logs';
import { LogViewer } from '../../components/log-viewer/log-viewer';
import { QueryState } from '../../components/query-state';

interface FollowedLogProps {
  /** The `logs` href of the log for one day. */
  logsHref: string;
  /** "author aemerror", for the viewer's label. */
  title: string;
}

export function FollowedLog({ logsHref, title }: FollowedLogProps) {
  const log = useLogFollow(logsHref);
  const data = log.data;
  const retrying = log.error !== null && data !== undefined;
  return (
    <QueryState what="today’s log" isPending={log.isPending} error={data ? null : log.error} onRetry={() => void log.refetch()}>
      <Flex direction="column" gap="size-100">
        <div role="status" aria-live="polite" className="follow-status">
          {retrying ? (
            <Flex alignItems="center" gap="size-150" wrap>
              <Text>
                {`Following is interrupted: ${log.error?.message ?? 'the API did not answer'}. Retrying, less often while it lasts; the log goes on from where it stopped.`}
              </Text>
              <Button variant="secondary" onPress={() => void log.refetch()}>
                Retry now
              </Button>
            </Flex>
          ) : data ? (
            <Text>{`Following ${title} of ${data.date} (UTC): new lines appear as they are written.`}</Text>
          ) : null}
        </div>
        {data ? <LogViewer text={data.text} label={`${title} log, followed`} live followLabel="Keep newest line in view" /> : null}
      </Flex>
    </QueryState>
  );
}
