import { Badge, Button, ButtonGroup, Content, Dialog, Divider, Flex, Header, Heading, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import type { ReactNode } from 'react';
import { useStepMetrics } from '../../../api/queries';
import type { Metric, StepState } from '../../../api/types';
import { CATEGORIES, metricCategory, metricResult, metricsVerdict } from '../../../domain/code-quality-metrics';
import { CodeQualityMetricsTable } from '../results/code-quality-metrics-table';
import { QueryState } from '../../../components/query-state';

/** Five columns need more room than Spectrum's large dialog (640px). */
const DIALOG_WIDTH = 'min(820px, calc(100vw - 32px))';

/** "Critical: 2 passed · 0 failed" for each category that has metrics (overridden ones said apart). */
function CategoryCounters({ metrics }: { metrics: Metric[] }) {
  return (
    <ul
      className="code-quality-counters"
      aria-label="Results by category"
      style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 24px' }}
    >
      {CATEGORIES.map(({ label }) => {
        const rows = metrics.filter((m) => metricCategory(m) === label);
        if (rows.length === 0) return null;
        const count = (result: string) => rows.filter((m) => metricResult(m) === result).length;
        const overridden = count('Overridden');
        return (
          <li key={label}>
            <Text>
              <strong>{label}</strong>: {count('Passed')} passed · {count('Failed')} failed{overridden ? ` · ${overridden} overridden` : ''}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}

interface HoldCodeQualityDialogProps {
  step: StepState;
  close: () => void;
  /** Reject / Override controls for the footer, when the step is held. */
  actions?: ReactNode;
}

/** "Code Scanning Results": the status badge and one row per metric of the step's `metrics` link. */
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
        <QueryState
          what="the code scanning results"
          isPending={query.isPending}
          error={query.error}
          hasData={query.data !== undefined}
          onRetry={() => void query.refetch()}
          isEmpty={metrics.length === 0}
          empty="No metrics were reported."
        >
          <Flex direction="column" gap="size-150">
            <CategoryCounters metrics={metrics} />
            <CodeQualityMetricsTable metrics={metrics} />
          </Flex>
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
