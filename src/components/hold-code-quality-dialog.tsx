import { Badge, Button, ButtonGroup, Content, Dialog, Divider, Flex, Heading, Text, View } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import type { ReactNode } from 'react';
import { useStepMetrics } from '../api/queries';
import type { Metric, StepState } from '../api/types';
import { QueryState } from './query-state';

const KPI_LABELS: Record<string, string> = {
  security_rating: 'Security Rating',
  reliability_rating: 'Reliability Rating',
  sqale_rating: 'Maintainability Rating',
  coverage: 'Code Coverage',
  skipped_tests: 'Skipped Unit Tests',
  open_issues: 'Open Issues',
  duplicated_lines_density: 'Duplicated Lines',
  cqReliabilityRating: 'Cloud Service Compatibility',
};

const RATING = /_rating$/;
const RATINGS = ['A', 'B', 'C', 'D', 'E'];

function valueText(kpi: string | undefined, value: string | undefined): string {
  if (value === undefined) return '-';
  if (kpi && RATING.test(kpi) && /^[1-5](\.0)?$/.test(value)) return RATINGS[Number(value) - 1];
  if (kpi === 'coverage' || kpi === 'duplicated_lines_density') return `${value}%`;
  return value;
}

/** "Code Coverage is 50% or more": the pass condition in words. */
export function metricCondition(metric: Metric): string {
  const name = KPI_LABELS[metric.kpi ?? ''] ?? metric.kpi ?? 'Metric';
  const expected = valueText(metric.kpi, metric.expectedValue);
  const isRating = metric.kpi !== undefined && RATING.test(metric.kpi);
  switch (metric.comparator) {
    case 'GTE':
      if (isRating) return expected === 'A' ? `${name} is A` : `${name} is ${expected} or better`;
      return `${name} is ${expected} or more`;
    case 'GT':
      return isRating ? `${name} is better than ${expected}` : `${name} is more than ${expected}`;
    case 'LTE':
      return `${name} is ${expected} or less`;
    case 'LT':
      return `${name} is less than ${expected}`;
    case 'EQ':
      return `${name} is ${expected}`;
    case 'NEQ':
      return `${name} is not ${expected}`;
    default:
      return `${name} (expected ${expected})`;
  }
}

const SECTIONS = [
  { title: 'Critical', severity: 'critical' },
  { title: 'Important', severity: 'important' },
  { title: 'Information', severity: 'informational' },
] as const;

export function metricsVerdict(metrics: Metric[], waiting: boolean): { word: string; variant: 'positive' | 'negative' | 'yellow' } {
  if (metrics.some((m) => m.severity === 'critical' && !m.passed)) return { word: 'Failed', variant: 'negative' };
  if (metrics.some((m) => m.severity === 'important' && !m.passed && !m.override)) return waiting ? { word: 'Partially Passed', variant: 'yellow' } : { word: 'Failed', variant: 'negative' };
  return { word: 'Passed', variant: 'positive' };
}

function MetricRow({ metric }: { metric: Metric }) {
  const passed = metric.passed === true;
  return (
    <li>
      <View borderWidth="thin" borderColor="default" borderRadius="small" padding="size-100" marginBottom="size-75">
        <Flex justifyContent="space-between" alignItems="center" gap="size-200">
          <Text>{metricCondition(metric)}</Text>
          <Flex alignItems="center" gap="size-75">
            <Text UNSAFE_className="metric-actual">{valueText(metric.kpi, metric.actualValue)}</Text>
            {passed ? <CheckmarkCircle size="S" color="positive" aria-hidden /> : <Alert size="S" color="negative" aria-hidden />}
            <Text UNSAFE_style={{ fontStyle: 'italic' }}>{passed ? 'Passed' : metric.override ? 'Failed (overridden)' : 'Failed'}</Text>
          </Flex>
        </Flex>
      </View>
    </li>
  );
}

interface HoldCodeQualityDialogProps {
  step: StepState;
  close: () => void;
  /** Reject / Override controls for the footer, when the step is held. */
  actions?: ReactNode;
}

/** "Code Scanning Results": the step's metrics (from its `metrics` link) by severity. */
export function HoldCodeQualityDialog({ step, close, actions }: HoldCodeQualityDialogProps) {
  const query = useStepMetrics(step);
  const metrics = query.data?.metrics ?? [];
  const verdict = metricsVerdict(metrics, step.status === 'WAITING');
  return (
    <Dialog size="L">
      <Heading>Code Scanning Results</Heading>
      <Divider />
      <Content>
        <QueryState what="the code scanning results" isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} isEmpty={metrics.length === 0} empty="No metrics were reported.">
          <Flex justifyContent="end">
            <Badge variant={verdict.variant}>
              {verdict.variant === 'positive' ? <CheckmarkCircle aria-hidden /> : <Alert aria-hidden />}
              <Text>{verdict.word}</Text>
            </Badge>
          </Flex>
          {SECTIONS.map((section) => {
            const rows = metrics.filter((m) => (m.severity ?? 'informational') === section.severity);
            if (rows.length === 0) return null;
            const failed = rows.filter((m) => !m.passed).length;
            return (
              <section key={section.severity} aria-label={section.title}>
                <Heading level={3}>
                  {section.title}{' '}
                  <Text UNSAFE_style={{ fontSize: '0.75rem', textTransform: 'uppercase' }}>
                    {rows.length - failed} passed · {failed} failed
                  </Text>
                </Heading>
                <ul className="metric-list" style={{ listStyle: 'none', padding: 0 }}>
                  {rows.map((metric, index) => (
                    <MetricRow key={metric.kpi ?? index} metric={metric} />
                  ))}
                </ul>
              </section>
            );
          })}
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
