/**
 * Code quality metrics in Cloud Manager's words (cm-ui §6): the metric's name, its category
 * (Critical / Important / Info), its failure threshold ("< 50%", "worse than B", "> 1"), its value
 * (ratings as letters A–E) and its result (Passed / Failed / Overridden), and the verdict of a
 * whole scan for the "Code Scanning Results" badge.
 */
import type { Metric } from '../api/types';

const KPI_LABELS: Record<string, string> = {
  security_rating: 'Security Rating',
  reliability_rating: 'Reliability Rating',
  sqale_rating: 'Maintainability Rating',
  coverage: 'Coverage',
  skipped_tests: 'Skipped Unit Tests',
  open_issues: 'Open Issues',
  duplicated_lines_density: 'Duplicated Lines',
  cqReliabilityRating: 'Cloud Service Compatibility',
};

export const CATEGORIES = [
  { severity: 'critical', label: 'Critical' },
  { severity: 'important', label: 'Important' },
  { severity: 'informational', label: 'Info' },
] as const;

export type MetricResult = 'Passed' | 'Failed' | 'Overridden';

const RATINGS = ['A', 'B', 'C', 'D', 'E'];
const PERCENT_KPIS = new Set(['coverage', 'duplicated_lines_density']);

const isRating = (kpi: string | undefined) => kpi !== undefined && /_rating$/.test(kpi);

/** "Maintainability Rating" for `sqale_rating`; an unknown kpi reads as itself. */
export function metricName(metric: Metric): string {
  return KPI_LABELS[metric.kpi ?? ''] ?? metric.kpi ?? 'Metric';
}

/** "Critical", "Important" or "Info" (an unknown or missing severity reads as Info: it never blocks). */
export function metricCategory(metric: Metric): (typeof CATEGORIES)[number]['label'] {
  return CATEGORIES.find((c) => c.severity === metric.severity)?.label ?? 'Info';
}

/** A value as shown: ratings as letters (the API may send "1"–"5" or "1.0"), percentages with "%". */
export function metricValue(kpi: string | undefined, value: string | undefined): string {
  if (value === undefined || value === '') return '-';
  if (isRating(kpi) && /^[1-5](\.0+)?$/.test(value)) return RATINGS[Number(value) - 1];
  if (kpi !== undefined && PERCENT_KPIS.has(kpi)) return `${value}%`;
  return value;
}

/** The failure threshold in words: the opposite of the pass condition `comparator expectedValue`. */
export function metricThreshold(metric: Metric): string {
  const expected = metricValue(metric.kpi, metric.expectedValue);
  if (isRating(metric.kpi)) {
    // Ratings compare by goodness: "GTE B" passes with B or better, so it fails when worse than B.
    switch (metric.comparator) {
      case 'GTE':
        return `worse than ${expected}`;
      case 'GT':
        return `${expected} or worse`;
      case 'LTE':
        return `better than ${expected}`;
      case 'LT':
        return `${expected} or better`;
      case 'EQ':
        return `other than ${expected}`;
      case 'NEQ':
        return expected;
    }
  }
  switch (metric.comparator) {
    case 'GTE':
      return `< ${expected}`;
    case 'GT':
      return `≤ ${expected}`;
    case 'LTE':
      return `> ${expected}`;
    case 'LT':
      return `≥ ${expected}`;
    case 'EQ':
      return `≠ ${expected}`;
    case 'NEQ':
      return `= ${expected}`;
    default:
      return `not ${expected}`;
  }
}

/** Passed; Overridden when it failed and a user overrode it; otherwise Failed. */
export function metricResult(metric: Metric): MetricResult {
  if (metric.passed === true) return 'Passed';
  return metric.override === true ? 'Overridden' : 'Failed';
}

export interface MetricsVerdict {
  word: 'Passed' | 'Partially Passed' | 'Failed' | 'Overridden';
  variant: 'positive' | 'negative' | 'yellow';
}

/**
 * The scan's badge: Failed on a critical failure; an important failure not overridden reads
 * Partially Passed while the step waits for a decision and Failed after (rejected); Overridden
 * when important failures were overridden; otherwise Passed (info failures never block).
 */
export function metricsVerdict(metrics: Metric[], waiting: boolean): MetricsVerdict {
  const failed = (severity: string) => metrics.filter((m) => m.severity === severity && metricResult(m) !== 'Passed');
  if (failed('critical').some((m) => metricResult(m) === 'Failed')) return { word: 'Failed', variant: 'negative' };
  const important = failed('important');
  if (important.some((m) => metricResult(m) === 'Failed'))
    return waiting ? { word: 'Partially Passed', variant: 'yellow' } : { word: 'Failed', variant: 'negative' };
  if (important.length > 0 || failed('critical').length > 0) return { word: 'Overridden', variant: 'positive' };
  return { word: 'Passed', variant: 'positive' };
}

/** The metrics in category order (Critical, Important, Info), the API's order kept within each. */
export function byCategory(metrics: Metric[]): Metric[] {
  const rank = (m: Metric) => CATEGORIES.findIndex((c) => c.label === metricCategory(m));
  return metrics
    .map((metric, index) => ({ metric, index }))
    .sort((a, b) => rank(a.metric) - rank(b.metric) || a.index - b.index)
    .map(({ metric }) => metric);
}
