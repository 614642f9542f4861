import { Button, ButtonGroup, Content, Dialog, DialogTrigger, Divider, Heading, Text } from '@adobe/react-spectrum';
import FileTxt from '@spectrum-icons/workflow/FileTxt';
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useStepLog } from '../../../api/step-logs';
import type { HalLink } from '../../../api/types';
import { QueryState, readState } from '../../../components/query-state';
import { logAnchor, logLineHash, parseLogHash } from './log-anchor';
import { LogViewer } from '../../../components/log-viewer/log-viewer';

/** The log fills the fullscreen dialog below its heading and find bar, above its buttons. */
const DIALOG_LOG_HEIGHT = 'max(240px, calc(100vh - 320px))';

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

interface LogDialogBodyProps extends Omit<LogDialogProps, 'buttonLabel'> {
  anchor: string;
  selectedLine?: number;
}

function LogDialogBody({ link, title, running, file, anchor, selectedLine }: LogDialogBodyProps) {
  const log = useStepLog(link, { enabled: true, running, file });
  const navigate = useNavigate();
  const location = useLocation();
  const { pathname, search } = location;
  const selectLine = useCallback(
    (line: number) => void navigate({ pathname, search, hash: logLineHash(anchor, line) }, { replace: true }),
    [navigate, pathname, search, anchor],
  );
  const lineHref = useCallback((line: number) => `${pathname}${search}${logLineHash(anchor, line)}`, [pathname, search, anchor]);
  return (
    <QueryState what="the log" {...readState(log)}>
      <LogViewer
        text={log.text ?? ''}
        label={`${title} log`}
        live={running}
        selectedLine={selectedLine}
        onSelectLine={selectLine}
        lineHref={lineHref}
        height={DIALOG_LOG_HEIGHT}
      />
    </QueryState>
  );
}

/**
 * "View log": the step's log in a dialog, tailed while the step runs. The dialog is open while the
 * URL hash points at this step's log (`#log-<step>` or `#log-<step>-L<line>`, see log-anchor.ts),
 * so a link to a line opens the log there; opening and closing replace the hash (no history entries).
 */
export function LogDialog({ buttonLabel = 'View log', ...props }: LogDialogProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const anchor = logAnchor(props.title);
  const target = parseLogHash(location.hash);
  const isOpen = target?.anchor === anchor;
  const setOpen = (open: boolean) => {
    if (open === isOpen) return;
    void navigate({ pathname: location.pathname, search: location.search, hash: open ? logLineHash(anchor) : '' }, { replace: true });
  };
  return (
    <DialogTrigger type="fullscreen" isOpen={isOpen} onOpenChange={setOpen}>
      <Button variant="secondary" style="outline">
        <FileTxt />
        <Text>{buttonLabel}</Text>
      </Button>
      {(close) => (
        <Dialog>
          <Heading>{props.title} log</Heading>
          <Divider />
          <Content>
            <LogDialogBody {...props} anchor={anchor} selectedLine={target?.line} />
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
