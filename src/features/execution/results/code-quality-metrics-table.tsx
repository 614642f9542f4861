/** One row per code quality metric: name, category, failure threshold, value and result (icon + word). */
import { Cell, Column, Flex, Row, TableBody, TableHeader, TableView, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import AlertCheck from '@spectrum-icons/workflow/AlertCheck';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import type { Metric } from '../../../api/types';
import {
  byCategory,
  metricCategory,
  metricName,
  metricResult,
  metricThreshold,
  metricValue,
  type MetricResult,
} from '../../../domain/code-quality-metrics';

/**
 * Minimum widths keep every header and category word whole and still fit the dialog from a 650px
 * wide window up (a table body that scrolls sideways has no focusable element for axe).
 */
const COLUMNS = [
  { key: 'metric', label: 'Metric', width: '2fr', minWidth: 140 },
  { key: 'category', label: 'Category', width: '1fr', minWidth: 105 },
  { key: 'threshold', label: 'Fails when', width: '1.3fr', minWidth: 115 },
  { key: 'value', label: 'Value', width: '1fr', minWidth: 75 },
  { key: 'result', label: 'Result', width: '1.3fr', minWidth: 120 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The result's icon is decorative: the word says it. */
function ResultIcon({ result }: { result: MetricResult }) {
  if (result === 'Passed') return <CheckmarkCircle size="S" color="positive" aria-hidden />;
  if (result === 'Overridden') return <AlertCheck size="S" color="notice" aria-hidden />;
  return <Alert size="S" color="negative" aria-hidden />;
}

function cellText(metric: Metric, key: ColumnKey): string {
  switch (key) {
    case 'metric':
      return metricName(metric);
    case 'category':
      return metricCategory(metric);
    case 'threshold':
      return metricThreshold(metric);
    case 'value':
      return metricValue(metric.kpi, metric.actualValue);
    case 'result':
      return metricResult(metric);
  }
}

export function CodeQualityMetricsTable({ metrics }: { metrics: Metric[] }) {
  const items = byCategory(metrics).map((metric, index) => ({
    key: `${metric.kpi ?? 'metric'}-${metric.severity ?? ''}-${index}`,
    metric,
  }));
  return (
    <TableView aria-label="Code scanning metrics" overflowMode="wrap" density="compact" UNSAFE_className="code-quality-table">
      <TableHeader columns={COLUMNS.map((c) => ({ ...c }))}>
        {(column) => (
          <Column key={column.key} isRowHeader={column.key === 'metric'} width={column.width} minWidth={column.minWidth}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={items}>
        {({ key, metric }) => (
          <Row key={key}>
            {(columnKey) => {
              const text = cellText(metric, columnKey as ColumnKey);
              if (columnKey !== 'result') return <Cell textValue={text}>{text}</Cell>;
              return (
                <Cell textValue={text}>
                  <Flex alignItems="center" gap="size-75">
                    <ResultIcon result={text as MetricResult} />
                    <Text>{text}</Text>
                  </Flex>
                </Cell>
              );
            }}
          </Row>
        )}
      </TableBody>
    </TableView>
  );
}
