/**
 * Code quality metrics (the codeQuality step's `metrics`).
 *
 * Rating encoding: actual and expected values are letters A (best) to E (worst), as in Adobe's
 * fixtures (`security_rating`: actual "A", expected "B", comparator "GTE", passed true). The
 * comparator applies to the rating's *goodness*, not to the letter's alphabetical order:
 * "GTE B" reads "B or better", "GTE A" reads "A" (nothing is better than A).
 * Numeric KPIs compare numerically: coverage "GTE 50" is "50% or more", open_issues "LTE 0" is
 * "no open issues".
 */
import type { Comparator, Metric, Severity } from '../model';
import { qualityPlan, type Rating } from './quality-plan';
import type { ContentContext } from './types';

const GOODNESS: Record<Rating, number> = { A: 5, B: 4, C: 3, D: 2, E: 1 };

function compare(actual: number, comparator: Comparator, expected: number): boolean {
  switch (comparator) {
    case 'GT':
      return actual > expected;
    case 'GTE':
      return actual >= expected;
    case 'LT':
      return actual < expected;
    case 'LTE':
      return actual <= expected;
    case 'EQ':
      return actual === expected;
    case 'NEQ':
      return actual !== expected;
  }
}

/** Whether `actual` meets `comparator expected`; letters are compared as ratings (see above). */
export function metricPasses(actual: string, comparator: Comparator, expected: string): boolean {
  if (actual in GOODNESS && expected in GOODNESS) return compare(GOODNESS[actual as Rating], comparator, GOODNESS[expected as Rating]);
  return compare(Number(actual), comparator, Number(expected));
}

/** Metric ids: the step id followed by a two-digit index (numeric when the step id is). */
export function metricId(ctx: ContentContext, index: number): string {
  return `${ctx.step.id}${String(index + 1).padStart(2, '0')}`;
}

export function makeMetric(
  ctx: ContentContext,
  index: number,
  kpi: string,
  severity: Severity,
  actualValue: string,
  comparator: Comparator,
  expectedValue: string,
): Metric {
  return {
    id: metricId(ctx, index),
    severity,
    passed: metricPasses(actualValue, comparator, expectedValue),
    override: false,
    actualValue,
    expectedValue,
    comparator,
    kpi,
  };
}

/** Cloud Manager's code quality gates: each KPI's severity and what its value must meet. */
export const QUALITY_GATES: readonly { kpi: string; severity: Severity; comparator: Comparator; expected: string }[] = [
  { kpi: 'security_rating', severity: 'critical', comparator: 'GTE', expected: 'B' },
  { kpi: 'reliability_rating', severity: 'critical', comparator: 'GTE', expected: 'D' },
  { kpi: 'sqale_rating', severity: 'important', comparator: 'GTE', expected: 'A' },
  { kpi: 'coverage', severity: 'important', comparator: 'GTE', expected: '50' },
  { kpi: 'skipped_tests', severity: 'informational', comparator: 'LTE', expected: '1' },
  { kpi: 'open_issues', severity: 'informational', comparator: 'LTE', expected: '0' },
  { kpi: 'duplicated_lines_density', severity: 'informational', comparator: 'LTE', expected: '1' },
  // Cloud Service Compatibility: its real kpi key is undocumented (docs/decisions.md).
  { kpi: 'cloud_service_compatibility', severity: 'informational', comparator: 'LTE', expected: '0' },
];

export function codeQualityMetrics(ctx: ContentContext): Metric[] {
  const plan = qualityPlan(ctx);
  const actual: Record<string, string> = {
    security_rating: plan.security,
    reliability_rating: plan.reliability,
    sqale_rating: plan.sqale,
    coverage: plan.coverage.toFixed(1),
    skipped_tests: String(plan.skippedTests),
    open_issues: String(plan.openIssues),
    duplicated_lines_density: plan.duplicatedLines.toFixed(1),
    cloud_service_compatibility: String(plan.compatibilityIssues),
  };
  return QUALITY_GATES.map((gate, i) => makeMetric(ctx, i, gate.kpi, gate.severity, actual[gate.kpi], gate.comparator, gate.expected));
}
