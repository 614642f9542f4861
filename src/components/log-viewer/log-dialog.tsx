import { ActionButton, Button, ButtonGroup, Content, Dialog, DialogTrigger, Divider, Heading, Text } from '@adobe/react-spectrum';
import FileTxt from '@spectrum-icons/workflow/FileTxt';
import { useStepLog } from '../../api/step-logs';
import type { HalLink } from '../../api/types';
import { QueryState } from '../query-state';
import { LogViewer } from './log-viewer';

interface LogDialogProps {
  /** The step's `logs` link. */
  link: HalLink;
  /** "Build & Unit Testing". */
  title: string;
  /** True while the step runs: the log is tailed every 2 s and Follow is offered. */
  running: boolean;
  /** The documented `file` parameter of the logs link (e.g. `sonarLogFile`). */
  file?: string;
  buttonLabel?: string;
}

function LogDialogBody({ link, title, running, file }: Omit<LogDialogProps, 'buttonLabel'>) {
  const log = useStepLog(link, { enabled: true, running, file });
  return (
    <QueryState what="the log" isPending={log.isPending} error={log.error} onRetry={() => void log.refetch()}>
      <LogViewer text={log.text ?? ''} label={`${title} log`} live={running} />
    </QueryState>
  );
}

/** "View log": the step's log in a dialog, tailed while the step runs. */
export function LogDialog({ buttonLabel = 'View log', ...props }: LogDialogProps) {
  return (
    <DialogTrigger type="fullscreen">
      <ActionButton>
        <FileTxt />
        <Text>{buttonLabel}</Text>
      </ActionButton>
      {(close) => (
        <Dialog>
          <Heading>{props.title} log</Heading>
          <Divider />
          <Content>
            <LogDialogBody {...props} />
          </Content>
          <ButtonGroup>
            <Button variant="secondary" onPress={close}>
              Close
            </Button>
          </ButtonGroup>
        </Dialog>
      )}
    </DialogTrigger>
  );
}
