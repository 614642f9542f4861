// @vitest-environment node
/**
 * The engine playing a scenario's scripted runs: each run takes the next plan of its pipeline, in
 * order, whoever starts it; failing steps carry the scenario's message; metric values and audit
 * scores are the scenario's; holds are accepted, rejected or time out as planned.
 */
import { describe, expect, it } from 'vitest';
import { content } from './content';
import { Simulation, isActiveExecution } from './engine';
import type { Execution, RunPlan } from './model';
import { checkScenario, scenarioState } from './scenario';

const START = Date.UTC(2026, 10, 30, 8);

/** A simulation of one program with a production pipeline (approval on), scripted with `runs`. */
function simulation(runs: Partial<RunPlan>[], pipeline: Record<string, unknown> = {}) {
  const { scenario, problems } = checkScenario({
    name: 'plan',
    clock: { start: '2026-11-30T08:00:00Z' },
    programs: [{ name: 'P', pipelines: [{ name: 'Prod', kind: 'production', approval: true, ...pipeline }] }],
    script: [{ program: 'P', pipeline: 'Prod', runs }],
  });
  expect(problems).toBeUndefined();
  return new Simulation(scenarioState(scenario!, {}, 0, content), content);
}

/** Starts a run and moves time a minute at a time until it ends (at most 20 days). */
function runToEnd(sim: Simulation): Execution {
  const execution = sim.start('1', '101', sim.state.now);
  for (let now = sim.state.now; isActiveExecution(execution) && now < START + 20 * 86_400_000; now += 60_000) sim.advanceTo(now);
  return execution;
}

const stepOf = (execution: Execution, action: string) => execution.steps.find((s) => s.action === action)!;

const APPROVE = { approval: { then: 'accept' as const } };

describe('scripted runs', () => {
  it('take the plans in order, whoever starts them; once used up, runs follow the scenario outcome (pass)', () => {
    const sim = simulation([
      { failAt: { step: 'prodDeploy', message: 'publish3 did not come back.' }, holds: APPROVE },
      { codeQuality: 'critical' },
    ]);
    const first = runToEnd(sim);
    expect(first.status).toBe('FAILED');
    expect(stepOf(first, 'deploy').status).toBe('FINISHED'); // stage
    const prod = first.steps.at(-1)!;
    expect([prod.environmentType, prod.status, prod.details.errors]).toEqual(['prod', 'FAILED', ['publish3 did not come back.']]);
    expect(stepOf(first, 'approval').details.input).toEqual({ approved: true });
    expect(stepOf(first, 'approval').sim.decision).toBeUndefined(); // the scenario decided: no user recorded

    const second = runToEnd(sim);
    expect([second.status, stepOf(second, 'codeQuality').status]).toEqual(['FAILED', 'FAILED']);
    expect(sim.state.scenario?.script['101']).toEqual([]);
    const third = sim.start('1', '101', sim.state.now);
    expect(third.sim.plan).toBeUndefined();
    expect(third.sim.outcome).toEqual({ codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'normal' });
  });

  it('metric values and audit scores are the scenario’s; accepting the hold overrides exactly the failing important metrics', () => {
    const sim = simulation([
      {
        codeQuality: 'important',
        metrics: { coverage: '31.5', open_issues: '7' },
        auditScores: { performance: 44, seo: 100 },
        holds: { codeQuality: { then: 'accept', afterMs: 120_000 }, ...APPROVE },
      },
    ]);
    const run = runToEnd(sim);
    expect(run.status).toBe('FINISHED');
    const quality = stepOf(run, 'codeQuality');
    const metrics = sim.metrics(run, quality)!;
    expect(metrics.find((m) => m.kpi === 'coverage')).toMatchObject({ actualValue: '31.5', passed: false, override: true });
    expect(metrics.find((m) => m.kpi === 'open_issues')).toMatchObject({ actualValue: '7', passed: false });
    const failingImportant = metrics.filter((m) => m.severity === 'important' && !m.passed).map((m) => m.kpi);
    expect(quality.details.input).toEqual({ metrics: failingImportant.map((kpi) => ({ kpi, override: true })) });
    expect(quality.finishedAt! - quality.sim.waitingSince!).toBe(120_000);
    const audit = sim.metrics(run, stepOf(run, 'contentAudit'))!;
    expect(audit.find((m) => m.kpi === 'performance')?.actualValue).toBe('44');
    expect(audit.find((m) => m.kpi === 'seo')?.actualValue).toBe('100');
  });

  it('rejecting holds: code quality fails the run, approval cancels it', () => {
    const sim = simulation([
      { codeQuality: 'important', holds: { codeQuality: { then: 'reject' } } },
      { holds: { approval: { then: 'reject', afterMs: 5_000 } } },
    ]);
    const quality = runToEnd(sim);
    expect([quality.status, stepOf(quality, 'codeQuality').status, stepOf(quality, 'codeQuality').details.input]).toEqual([
      'FAILED',
      'FAILED',
      { override: false },
    ]);
    const approval = runToEnd(sim);
    expect([approval.status, stepOf(approval, 'approval').status, stepOf(approval, 'approval').details.input]).toEqual([
      'CANCELLED',
      'CANCELLED',
      { approved: false },
    ]);
  });

  it('a hold that times out: after afterMs, or after the usual 14 days when it does not say', () => {
    const sim = simulation([
      { holds: { approval: { then: 'timeout', afterMs: 3_600_000 } } },
      { holds: { approval: { then: 'timeout' } } },
    ]);
    const soon = runToEnd(sim);
    const step = stepOf(soon, 'approval');
    expect([soon.status, step.status, step.finishedAt! - step.sim.waitingSince!]).toEqual(['CANCELLED', 'CANCELLED', 3_600_000]);
    expect(step.details.errors).toEqual(['No decision was made within 1 hour: the step timed out.']);
    const late = stepOf(runToEnd(sim), 'approval');
    expect(late.details.errors).toEqual(['No decision was made within 14 days: the step timed out.']);
  });
});
