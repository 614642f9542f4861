import { Badge, Button, ButtonGroup, Content, Dialog, Divider, Header, Heading, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import type { ReactNode } from 'react';
import { useStepMetrics } from '../../../api/queries';
import type { StepState } from '../../../api/types';
import { metricsVerdict } from '../../../domain/code-quality-metrics';
import { CodeQualityResults } from '../results/code-quality-results';
import { QueryState, readState } from '../../../components/query-state';

const DIALOG_WIDTH = 'min(720px, calc(100vw - 32px))';

interface HoldCodeQualityDialogProps {
  step: StepState;
  close: () => void;
  /** Reject / Override controls for the footer, when the step is held. */
  actions?: ReactNode;
}

/** "Code Scanning Results": the status badge, then Critical / Important / Information with one row per metric of the step's `metrics` link. */
export function HoldCodeQualityDialog({ step, close, actions }: HoldCodeQualityDialogProps) {
  const query = useStepMetrics(step);
  const metrics = query.data?.metrics ?? [];
  const verdict = metricsVerdict(metrics, step.status === 'WAITING');
  return (
    <Dialog size="L" width={DIALOG_WIDTH}>
      <Heading>Code Scanning Results</Heading>
      {metrics.length > 0 ? (
        <Header>
          <span role="status" aria-label="Code scanning verdict">
            <Badge variant={verdict.variant} UNSAFE_className="code-quality-verdict">
              {verdict.variant === 'positive' ? <CheckmarkCircle aria-hidden /> : <Alert aria-hidden />}
              <Text>{verdict.word}</Text>
            </Badge>
          </span>
        </Header>
      ) : null}
      <Divider />
      <Content>
        <QueryState what="the code scanning results" {...readState(query)} isEmpty={metrics.length === 0} empty="No metrics were reported.">
          <CodeQualityResults metrics={metrics} />
        </QueryState>
      </Content>
      <ButtonGroup>
        {actions}
        <Button variant="accent" onPress={close}>
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}
