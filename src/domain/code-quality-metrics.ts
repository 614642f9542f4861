/**
 * Code quality metrics in Cloud Manager's words (cm-ui §6): the metric's name, its category
 * (Critical / Important / Information), its pass condition as a sentence ("Code Coverage is 50% or
 * more"), its value (ratings as letters A–E) and its result (Passed / Failed / Overridden), and the
 * verdict of a whole scan for the "Code Scanning Results" badge.
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
  // The real key is undocumented (cm-api §7); the simulator uses this one (docs/decisions.md).
  cloud_service_compatibility: 'Cloud Service Compatibility',
};

/** The subject of a metric's condition sentence where Cloud Manager words it apart from the name. */
const CONDITION_SUBJECTS: Record<string, string> = {
  coverage: 'Code Coverage',
  cloud_service_compatibility: 'Cloud Service Compatibility issues',
};

export const CATEGORIES = [
  { severity: 'critical', label: 'Critical' },
  { severity: 'important', label: 'Important' },
  { severity: 'informational', label: 'Information' },
] as const;

export type MetricResult = 'Passed' | 'Failed' | 'Overridden';

const RATINGS = ['A', 'B', 'C', 'D', 'E'];
const PERCENT_KPIS = new Set(['coverage', 'duplicated_lines_density']);

const isRating = (kpi: string | undefined) => kpi !== undefined && /_rating$/.test(kpi);

/** "Maintainability Rating" for `sqale_rating`; an unknown kpi reads as itself. */
export function metricName(metric: Metric): string {
  return KPI_LABELS[metric.kpi ?? ''] ?? metric.kpi ?? 'Metric';
}

/** "Critical", "Important" or "Information" (an unknown or missing severity reads as Information: it never blocks). */
export function metricCategory(metric: Metric): (typeof CATEGORIES)[number]['label'] {
  return CATEGORIES.find((c) => c.severity === metric.severity)?.label ?? 'Information';
}

/** A value as shown: ratings as letters (the API may send "1"–"5" or "1.0"), percentages with "%". */
export function metricValue(kpi: string | undefined, value: string | undefined): string {
  if (value === undefined || value === '') return '-';
  if (isRating(kpi) && /^[1-5](\.0+)?$/.test(value)) return RATINGS[Number(value) - 1];
  if (kpi !== undefined && PERCENT_KPIS.has(kpi)) return `${value}%`;
  return value;
}

/**
 * The pass condition as Cloud Manager's Code Scanning Results words it: "Security Rating is B or
 * better", "Maintainability Rating is A", "Code Coverage is 50% or more", "Open Issues is 0".
 * Ratings compare by goodness: "GTE B" passes with B or better.
 */
export function metricCondition(metric: Metric): string {
  const subject = CONDITION_SUBJECTS[metric.kpi ?? ''] ?? metricName(metric);
  const expected = metricValue(metric.kpi, metric.expectedValue);
  const rating = isRating(metric.kpi);
  const words = (): string => {
    switch (metric.comparator) {
      case 'GTE':
        if (rating) return expected === 'A' ? expected : `${expected} or better`;
        return `${expected} or more`;
      case 'GT':
        return rating ? `better than ${expected}` : `more than ${expected}`;
      case 'LTE':
        if (rating) return `${expected} or worse`;
        return Number(metric.expectedValue) === 0 ? expected : `${expected} or less`;
      case 'LT':
        return rating ? `worse than ${expected}` : `less than ${expected}`;
      case 'NEQ':
        return `not ${expected}`;
      default:
        return expected;
    }
  };
  return `${subject} is ${words()}`;
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

/** The metrics in category order (Critical, Important, Information), the API's order kept within each. */
export function byCategory(metrics: Metric[]): Metric[] {
  const rank = (m: Metric) => CATEGORIES.findIndex((c) => c.label === metricCategory(m));
  return metrics
    .map((metric, index) => ({ metric, index }))
    .sort((a, b) => rank(a.metric) - rank(b.metric) || a.index - b.index)
    .map(({ metric }) => metric);
}
