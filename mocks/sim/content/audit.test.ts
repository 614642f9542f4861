/** The experience audit outcomes across consecutive runs: 'steady' repeats, 'regression' drops. */
import { describe, expect, it } from 'vitest';
import type { Execution, Metric, OutcomePreset } from '../model';
import { ACME, WKND, newSimulation, runToCompletion, startRun, stepOf } from '../test-helpers';
import { resolveOutcome } from '../outcomes';
import { createRng } from './rng';

type Simulated = ReturnType<typeof newSimulation>;

/** Runs the pipeline to its end with `outcome`; returns the run and its audit metrics. */
function run(
  { sim, clock }: Simulated,
  pipeline: { programId: string; production: string },
  outcome: OutcomePreset,
): { execution: Execution; metrics: Metric[] } {
  const execution = startRun(sim, clock, pipeline.programId, pipeline.production, outcome);
  runToCompletion(sim, clock, execution);
  const audit = stepOf(execution, 'contentAudit');
  expect(audit.status).toBe('FINISHED');
  return { execution, metrics: sim.metrics(execution, audit) ?? [] };
}

const score = (metrics: Metric[], kpi: string) => Number(metrics.find((m) => m.kpi === kpi)?.actualValue);

describe("experience audit outcome 'steady'", () => {
  it('is the auditSteady preset: everything passes, the audit neither drifts nor shifts', () => {
    expect(resolveOutcome('auditSteady', createRng(1))).toEqual({ codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'steady' });
  });

  it.each([1, 7, 42])('gives equal metrics in two consecutive runs (seed %i)', (seed) => {
    for (const pipeline of [WKND, ACME]) {
      const simulated = newSimulation(seed);
      const first = run(simulated, pipeline, 'auditSteady');
      const second = run(simulated, pipeline, 'auditSteady');
      expect(first.execution.sim.seed).not.toBe(second.execution.sim.seed);
      expect(second.metrics.map((m) => [m.kpi, m.actualValue])).toEqual(first.metrics.map((m) => [m.kpi, m.actualValue]));
      expect(first.metrics.map((m) => m.kpi)).toEqual(['performance', 'accessibility', 'best-practices', 'seo', 'pwa']);
    }
  });
});

describe("experience audit outcome 'regression'", () => {
  it.each([1, 7, 42, 2024])('scores performance lower than the run before it (seed %i)', (seed) => {
    for (const before of ['pass', 'auditSteady'] as const) {
      const simulated = newSimulation(seed);
      const previous = run(simulated, WKND, before);
      const regressed = run(simulated, WKND, 'auditRegression');
      expect(score(regressed.metrics, 'performance')).toBeLessThan(score(previous.metrics, 'performance'));
    }
  });
});
