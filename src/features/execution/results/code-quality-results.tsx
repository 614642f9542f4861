/**
 * The body of "Code Scanning Results" as Cloud Manager lays it out (cm-ui §6): one section per
 * category (Critical, Important, Information) with its PASSED / FAILED counters, then one row per
 * metric: its pass condition as a sentence, the actual value, and the result as icon + word.
 */
import { Cell, Column, Flex, Heading, Row, TableBody, TableHeader, TableView, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import AlertCheck from '@spectrum-icons/workflow/AlertCheck';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import type { Metric } from '../../../api/types';
import {
  CATEGORIES,
  metricCategory,
  metricCondition,
  metricResult,
  metricValue,
  type MetricResult,
} from '../../../domain/code-quality-metrics';
import './code-quality-results.css';

/** The result's icon is decorative: the word says it. */
function ResultIcon({ result }: { result: MetricResult }) {
  if (result === 'Passed') return <CheckmarkCircle size="S" color="positive" aria-hidden />;
  if (result === 'Overridden') return <AlertCheck size="S" color="notice" aria-hidden />;
  return <Alert size="S" color="negative" aria-hidden />;
}

/** "● 2 PASSED ● 0 FAILED" (and "● 2 OVERRIDDEN" when a user overrode failures); the dots are decoration. */
function Counters({ rows }: { rows: Metric[] }) {
  const count = (result: MetricResult) => rows.filter((m) => metricResult(m) === result).length;
  const overridden = count('Overridden');
  const counter = (n: number, word: string, tone: string) => (
    <li className="code-quality-counter small-caps">
      <span className={`code-quality-dot code-quality-dot--${tone}`} aria-hidden />
      {n} {word}
    </li>
  );
  return (
    <ul className="code-quality-counters">
      {counter(count('Passed'), 'passed', 'positive')}
      {counter(count('Failed'), 'failed', 'negative')}
      {overridden ? counter(overridden, 'overridden', 'notice') : null}
    </ul>
  );
}

/** One Spectrum table per category (its cells take the keyboard focus, so the dialog scrolls by keyboard too). */
export function CodeQualityResults({ metrics }: { metrics: Metric[] }) {
  return (
    <div className="code-quality-results">
      <Flex direction="column" gap="size-200">
        {CATEGORIES.map(({ label }) => {
          const rows = metrics.filter((m) => metricCategory(m) === label);
          if (rows.length === 0) return null;
          const id = `code-quality-${label.toLowerCase()}`;
          return (
            <section key={label} aria-labelledby={id} className="code-quality-section">
              <Flex alignItems="center" gap="size-200" wrap>
                <Heading level={3} id={id} margin={0}>
                  {label}
                </Heading>
                <Counters rows={rows} />
              </Flex>
              <TableView aria-labelledby={id} density="compact" overflowMode="wrap" UNSAFE_className="code-quality-rows">
                <TableHeader>
                  <Column key="condition" isRowHeader>
                    Condition
                  </Column>
                  <Column key="value" width={90} align="end">
                    Value
                  </Column>
                  <Column key="result" width={140}>
                    Result
                  </Column>
                </TableHeader>
                <TableBody>
                  {rows.map((metric, index) => {
                    const result = metricResult(metric);
                    return (
                      <Row key={`${metric.kpi ?? 'metric'}-${index}`}>
                        <Cell>{metricCondition(metric)}</Cell>
                        <Cell>{metricValue(metric.kpi, metric.actualValue)}</Cell>
                        <Cell textValue={result}>
                          <Flex alignItems="center" gap="size-75">
                            <ResultIcon result={result} />
                            <Text>{result}</Text>
                          </Flex>
                        </Cell>
                      </Row>
                    );
                  })}
                </TableBody>
              </TableView>
            </section>
          );
        })}
      </Flex>
    </div>
  );
}
