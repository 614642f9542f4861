import { describe, expect, it } from 'vitest';
import type { Metric } from '../api/types';
import { byCategory, metricCategory, metricName, metricResult, metricsVerdict, metricCondition, metricValue } from './code-quality-metrics';

const metric = (
  kpi: string,
  severity: string,
  actualValue: string,
  comparator: string,
  expectedValue: string,
  passed = true,
  override = false,
): Metric => ({ kpi, severity, actualValue, comparator, expectedValue, passed, override });

/** The AEMaaCS quality gate as the simulator serves it (cm-ui §6). */
const GATE = [
  metric('security_rating', 'critical', 'A', 'GTE', 'B'),
  metric('reliability_rating', 'critical', 'C', 'GTE', 'D'),
  metric('sqale_rating', 'important', 'A', 'GTE', 'A'),
  metric('coverage', 'important', '50.4', 'GTE', '50'),
  metric('skipped_tests', 'informational', '1', 'LTE', '1'),
  metric('open_issues', 'informational', '0', 'LTE', '0'),
  metric('duplicated_lines_density', 'informational', '0.8', 'LTE', '1'),
  metric('cloud_service_compatibility', 'informational', '0', 'LTE', '0'),
];

describe('code quality metrics in words', () => {
  it('names, categorises and words the pass condition of every AEMaaCS metric as Cloud Manager does', () => {
    expect(GATE.map((m) => [metricName(m), metricCategory(m), metricCondition(m)])).toEqual([
      ['Security Rating', 'Critical', 'Security Rating is B or better'],
      ['Reliability Rating', 'Critical', 'Reliability Rating is D or better'],
      ['Maintainability Rating', 'Important', 'Maintainability Rating is A'],
      ['Coverage', 'Important', 'Code Coverage is 50% or more'],
      ['Skipped Unit Tests', 'Information', 'Skipped Unit Tests is 1 or less'],
      ['Open Issues', 'Information', 'Open Issues is 0'],
      ['Duplicated Lines', 'Information', 'Duplicated Lines is 1% or less'],
      ['Cloud Service Compatibility', 'Information', 'Cloud Service Compatibility issues is 0'],
    ]);
  });

  it('words the other comparators, and keeps unknown kpis by their key', () => {
    const unknown = metric('cq_unknown', 'informational', '3', 'EQ', '0', false);
    expect(metricName(unknown)).toBe('cq_unknown');
    expect(metricCondition(unknown)).toBe('cq_unknown is 0');
    expect(['GT', 'LT', 'NEQ'].map((c) => metricCondition(metric('coverage', 'important', '1', c, '50')))).toEqual([
      'Code Coverage is more than 50%',
      'Code Coverage is less than 50%',
      'Code Coverage is not 50%',
    ]);
    expect(['GT', 'LTE', 'LT', 'EQ', 'NEQ'].map((c) => metricCondition(metric('security_rating', 'critical', 'A', c, 'B')))).toEqual([
      'Security Rating is better than B',
      'Security Rating is B or worse',
      'Security Rating is worse than B',
      'Security Rating is B',
      'Security Rating is not B',
    ]);
    expect(metricCategory(metric('x', 'whatever', '1', 'EQ', '1'))).toBe('Information');
  });

  it('shows ratings as letters, whether the API sends letters or 1–5', () => {
    expect(metricValue('security_rating', 'B')).toBe('B');
    expect(metricValue('security_rating', '1.0')).toBe('A');
    expect(metricValue('reliability_rating', '5')).toBe('E');
    expect(metricCondition(metric('security_rating', 'critical', '1.0', 'GTE', '2.0'))).toBe('Security Rating is B or better');
    expect(metricValue('coverage', '12.3')).toBe('12.3%');
    expect(metricValue('open_issues', '1152')).toBe('1152');
    expect(metricValue('open_issues', undefined)).toBe('-');
  });

  it('reads Overridden only for a failure a user overrode', () => {
    expect(metricResult(metric('coverage', 'important', '60', 'GTE', '50', true))).toBe('Passed');
    expect(metricResult(metric('coverage', 'important', '12', 'GTE', '50', false))).toBe('Failed');
    expect(metricResult(metric('coverage', 'important', '12', 'GTE', '50', false, true))).toBe('Overridden');
    expect(metricResult(metric('coverage', 'important', '60', 'GTE', '50', true, true))).toBe('Passed');
  });

  it('gives the scan its badge: Passed, Partially Passed while waiting, Failed, Overridden', () => {
    const coverageFails = (override: boolean) =>
      GATE.map((m) => (m.kpi === 'coverage' ? { ...m, actualValue: '12', passed: false, override } : m));
    expect(metricsVerdict(GATE, false).word).toBe('Passed');
    expect(
      metricsVerdict(
        GATE.map((m) => (m.kpi === 'open_issues' ? { ...m, passed: false } : m)),
        false,
      ).word,
    ).toBe('Passed');
    expect(metricsVerdict(coverageFails(false), true)).toEqual({ word: 'Partially Passed', variant: 'yellow' });
    expect(metricsVerdict(coverageFails(false), false)).toEqual({ word: 'Failed', variant: 'negative' });
    expect(metricsVerdict(coverageFails(true), false)).toEqual({ word: 'Overridden', variant: 'positive' });
    expect(
      metricsVerdict(
        GATE.map((m) => (m.kpi === 'security_rating' ? { ...m, actualValue: 'E', passed: false } : m)),
        true,
      ).word,
    ).toBe('Failed');
  });

  it('orders rows Critical, Important, Information, keeping the API order within each', () => {
    const mixed = [GATE[6], GATE[2], GATE[0], GATE[5], GATE[3], GATE[1]];
    expect(byCategory(mixed).map((m) => m.kpi)).toEqual([
      'security_rating',
      'reliability_rating',
      'sqale_rating',
      'coverage',
      'duplicated_lines_density',
      'open_issues',
    ]);
  });
});
