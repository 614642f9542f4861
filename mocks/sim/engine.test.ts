// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HOLD_TIMEOUT_MS } from './model';
import { DomainError, type DomainErrorCode } from './errors';
import { ACME, WKND, isOver, isWaitingAt, newSimulation, runToCompletion, runUntil, startRun, stepOf, waitingStep } from './test-helpers';

const PRODUCTION_ACTIONS = [
  'validate',
  'build',
  'codeQuality',
  'buildImage',
  'deploy',
  'productTest',
  'functionalTest',
  'uiTest',
  'contentAudit',
  'approval',
  'schedule',
  'deploy',
];

function expectRefusal(fn: () => void, code: DomainErrorCode) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} refusal`);
}

describe('seed data', () => {
  it('has at least 3 AEM as a Cloud Service programs, each with dev, stage and prod', () => {
    const { sim } = newSimulation();
    const programs = sim.state.programs.filter((p) => p.type === 'aem_cloud_service');
    expect(programs.length).toBeGreaterThanOrEqual(3);
    for (const program of programs) {
      const types = sim.state.environments.filter((e) => e.programId === program.id).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['dev', 'stage', 'prod']));
    }
  });

  it('gives the first program a production pipeline with approval and schedule, a dev deployment and a code-quality pipeline', () => {
    const { sim } = newSimulation();
    const kinds = sim.state.pipelines.filter((p) => p.programId === WKND.programId).map((p) => p.sim.kind);
    expect(kinds).toEqual(['production', 'nonProductionDeployment', 'codeQuality']);
    const prodPhase = sim.pipeline(WKND.programId, WKND.production).phases.find((p) => p.environmentType === 'prod');
    expect(prodPhase?.steps.map((s) => s.name)).toEqual(['approval', 'schedule', 'deploy']);
  });

  it('has a history of 25+ executions with mixed outcomes, a push update and a re-execution', () => {
    const { sim } = newSimulation();
    const history = sim.executionsOf(WKND.production);
    expect(history.length).toBeGreaterThanOrEqual(25);
    const statuses = new Set(history.map((e) => e.status));
    expect(statuses).toEqual(new Set(['FINISHED', 'FAILED', 'CANCELLED']));
    expect(history.some((e) => e.trigger === 'PUSH_UPGRADES')).toBe(true);
    expect(history.some((e) => e.trigger === 'RE_EXECUTE')).toBe(true);
    expect(history.every((e) => e.createdAt < sim.state.now && e.finishedAt !== undefined)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(newSimulation(7).sim.state);
    const b = JSON.stringify(newSimulation(7).sim.state);
    const c = JSON.stringify(newSimulation(8).sim.state);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('a production run', () => {
  it('runs the steps in the spec order and waits at approval, then schedule, then deploys', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    expect(execution.steps.map((s) => s.action)).toEqual(PRODUCTION_ACTIONS);
    expect(execution.status).toBe('RUNNING');
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    expect(execution.steps.slice(0, 9).every((s) => s.status === 'FINISHED')).toBe(true);
    sim.advance(execution, waitingStep(execution)!, { kind: 'approve' }, clock.now);
    runUntil(sim, clock, isWaitingAt(execution, 'schedule'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'scheduleImmediate' }, clock.now);
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FINISHED');
    // steps are consecutive: each starts when the previous finished
    for (let i = 1; i < execution.steps.length; i += 1) {
      expect(execution.steps[i].startedAt).toBeGreaterThanOrEqual(execution.steps[i - 1].finishedAt!);
    }
  });

  it('takes about an hour of simulated time without holds (2 minutes of wall time at the default speed 30)', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, ACME.programId, ACME.production);
    runToCompletion(sim, clock, execution);
    const minutes = (execution.finishedAt! - execution.createdAt) / 60_000;
    expect(minutes).toBeGreaterThan(45);
    expect(minutes).toBeLessThan(80);
  });

  it('allows one execution per pipeline at a time (busy)', () => {
    const { sim, clock } = newSimulation();
    startRun(sim, clock, WKND.programId, WKND.production);
    expectRefusal(() => sim.start(WKND.programId, WKND.production, clock.now), 'busy');
    // other pipelines are independent
    expect(sim.start(WKND.programId, WKND.dev, clock.now).status).toBe('RUNNING');
  });

  it('fails the run at once on a critical code quality failure', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'criticalQualityFailure');
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FAILED');
    const scan = stepOf(execution, 'codeQuality');
    expect(scan.status).toBe('FAILED');
    expect(scan.details.errors).toEqual([expect.stringContaining('Critical metrics failure')]);
    expect(stepOf(execution, 'buildImage').status).toBe('NOT_STARTED');
    expect(sim.metrics(execution, scan)?.some((m) => m.severity === 'critical' && !m.passed)).toBe(true);
  });

  it('holds on important failures; override lists every failing metric and the run continues', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'importantQualityFailure');
    runUntil(sim, clock, isWaitingAt(execution, 'codeQuality'));
    const scan = waitingStep(execution)!;
    const failing = sim.failingImportantKpis(execution, scan);
    expect(failing.length).toBeGreaterThan(0);
    expectRefusal(() => sim.advance(execution, scan, { kind: 'override', kpis: failing.slice(1) }, clock.now), 'invalid');
    expect(scan.status).toBe('WAITING');
    sim.advance(execution, scan, { kind: 'override', kpis: failing }, clock.now);
    expect(scan.status).toBe('FINISHED');
    expect(
      sim
        .metrics(execution, scan)
        ?.filter((m) => m.override)
        .map((m) => m.kpi),
    ).toEqual(failing);
    runUntil(sim, clock, () => stepOf(execution, 'buildImage').status === 'FINISHED');
    expect(execution.status).toBe('RUNNING');
  });

  it('fails the run when important failures are rejected', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'importantQualityFailure');
    runUntil(sim, clock, isWaitingAt(execution, 'codeQuality'));
    expectRefusal(() => sim.cancel(execution, waitingStep(execution)!, { kind: 'rejectApproval' }, clock.now), 'invalid');
    sim.cancel(execution, waitingStep(execution)!, { kind: 'rejectQuality' }, clock.now);
    expect(execution.status).toBe('FAILED');
    expect(stepOf(execution, 'codeQuality').status).toBe('FAILED');
  });

  it('follows the pipeline important-metric behaviour: fail immediately, or continue immediately', () => {
    for (const [behavior, expected] of [
      ['FAIL', 'FAILED'],
      ['CONTINUE', 'FINISHED'],
    ] as const) {
      const { sim, clock } = newSimulation();
      sim.pipeline(WKND.programId, WKND.production).sim.importantMetricsBehavior = behavior;
      const execution = startRun(sim, clock, WKND.programId, WKND.production, 'importantQualityFailure');
      runUntil(sim, clock, () => stepOf(execution, 'codeQuality').finishedAt !== undefined);
      expect(stepOf(execution, 'codeQuality').status).toBe(expected);
    }
  });

  it('lets informational failures pass without holding', () => {
    const { sim, clock } = newSimulation();
    sim.state.settings.outcome = { codeQuality: 'info', tests: 'pass', deploy: 'pass', audit: 'normal' };
    clock.now += 1000;
    const execution = sim.start(ACME.programId, ACME.production, clock.now);
    runUntil(sim, clock, () => stepOf(execution, 'codeQuality').finishedAt !== undefined);
    const scan = stepOf(execution, 'codeQuality');
    expect(scan.status).toBe('FINISHED');
    expect(sim.metrics(execution, scan)?.some((m) => m.severity === 'informational' && !m.passed)).toBe(true);
  });

  it('ends custom test steps with no tests as INCOMPLETE and carries on', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'noCustomTests');
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    expect(stepOf(execution, 'functionalTest').status).toBe('INCOMPLETE');
    expect(stepOf(execution, 'uiTest').status).toBe('INCOMPLETE');
    expect(stepOf(execution, 'contentAudit').status).toBe('FINISHED');
  });

  it('fails the run on a failing test step, leaving later steps not started', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'testFailure');
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FAILED');
    expect(stepOf(execution, 'functionalTest').status).toBe('FAILED');
    expect(stepOf(execution, 'contentAudit').status).toBe('NOT_STARTED');
  });

  it.each([
    ['functionalTestTimeout', 'functionalTest', 60, 'Custom functional testing exceeded the time limit of 60 minutes and was stopped.'],
    ['uiTestTimeout', 'uiTest', 30, 'Custom UI testing exceeded the time limit of 30 minutes and was stopped.'],
  ] as const)(
    'test time limits: %s stops %s at %i minutes, fails it with its message, and fails the run',
    (outcome, action, minutes, message) => {
      const { sim, clock } = newSimulation();
      const execution = startRun(sim, clock, WKND.programId, WKND.production, outcome);
      runUntil(sim, clock, isOver(execution));
      expect(execution.status).toBe('FAILED');
      const step = stepOf(execution, action);
      expect(step.status).toBe('FAILED');
      expect(step.finishedAt! - step.startedAt!).toBe(minutes * 60_000);
      expect(step.details).toMatchObject({ errors: [message], timedOut: true });
      expect(stepOf(execution, 'contentAudit').status).toBe('NOT_STARTED');
      if (action === 'uiTest') expect(stepOf(execution, 'functionalTest').status).toBe('FINISHED');
    },
  );

  it('never blocks on an experience audit regression', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, ACME.programId, ACME.production, 'auditRegression');
    runToCompletion(sim, clock, execution);
    expect(execution.status).toBe('FINISHED');
    expect(stepOf(execution, 'contentAudit').status).toBe('FINISHED');
  });

  it('cancels the run when the approval is rejected', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    const approval = waitingStep(execution)!;
    expectRefusal(() => sim.advance(execution, approval, { kind: 'scheduleImmediate' }, clock.now), 'invalid');
    expect(approval.status).toBe('WAITING');
    sim.cancel(execution, approval, { kind: 'rejectApproval' }, clock.now);
    expect(approval.status).toBe('CANCELLED');
    expect(execution.status).toBe('CANCELLED');
    expect(stepOf(execution, 'deploy', 'prod').status).toBe('NOT_STARTED');
  });

  it('waits until a scheduled time, then deploys', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'approve' }, clock.now);
    runUntil(sim, clock, isWaitingAt(execution, 'schedule'));
    const schedule = waitingStep(execution)!;
    const at = clock.now + 3 * 3600_000;
    expectRefusal(
      () => sim.advance(execution, schedule, { kind: 'scheduleAt', at: at + 15 * 24 * 3600_000, schedule: 'later' }, clock.now),
      'invalid',
    );
    sim.advance(execution, schedule, { kind: 'scheduleAt', at, schedule: new Date(at).toISOString() }, clock.now);
    expect(schedule.status).toBe('RUNNING');
    runUntil(sim, clock, () => false, 2 * 3600_000, 60_000);
    expect(stepOf(execution, 'deploy', 'prod').status).toBe('NOT_STARTED');
    runUntil(sim, clock, () => stepOf(execution, 'deploy', 'prod').status !== 'NOT_STARTED', 2 * 3600_000, 1000);
    expect(schedule.status).toBe('FINISHED');
    expect(stepOf(execution, 'deploy', 'prod').startedAt).toBe(at);
  });

  it('stops the execution from the schedule step', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'approve' }, clock.now);
    runUntil(sim, clock, isWaitingAt(execution, 'schedule'));
    sim.cancel(execution, waitingStep(execution)!, { kind: 'cancel' }, clock.now);
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('CANCELLED');
  });

  it('expires a waiting step after 14 days and ends the run', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    const approval = waitingStep(execution)!;
    sim.advanceTo(clock.now + HOLD_TIMEOUT_MS - 60_000);
    expect(approval.status).toBe('WAITING');
    clock.now += HOLD_TIMEOUT_MS;
    sim.advanceTo(clock.now); // a 14-day jump in one call
    expect(approval.status).toBe('CANCELLED');
    expect(approval.details.timedOut).toBe(true);
    expect(execution.status).toBe('CANCELLED');
    expect(execution.finishedAt).toBe(approval.updatedAt);
  });

  it('cancels a running build', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, () => stepOf(execution, 'build').status === 'RUNNING');
    const build = stepOf(execution, 'build');
    expect(sim.canCancel(execution, build)).toBe(true);
    sim.cancel(execution, build, { kind: 'cancel' }, clock.now);
    expect(execution.status).toBe('CANCELLING');
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('CANCELLED');
    expect(build.status).toBe('CANCELLED');
    expect(stepOf(execution, 'codeQuality').status).toBe('NOT_STARTED');
  });

  it('refuses to cancel a running deployment (not_cancellable), and changes nothing', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    const deploy = stepOf(execution, 'deploy', 'stage');
    runUntil(sim, clock, () => deploy.status === 'RUNNING');
    const before = JSON.stringify(execution);
    expect(sim.canCancel(execution, deploy)).toBe(false);
    expectRefusal(() => sim.cancel(execution, deploy, { kind: 'cancel' }, clock.now), 'not_cancellable');
    expect(JSON.stringify(execution)).toBe(before);
  });

  it('refuses to advance or cancel a step that is not waiting, and changes nothing', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, () => stepOf(execution, 'build').status === 'RUNNING');
    const before = JSON.stringify(execution);
    expectRefusal(() => sim.advance(execution, stepOf(execution, 'approval'), { kind: 'approve' }, clock.now), 'not_waiting');
    expectRefusal(() => sim.cancel(execution, stepOf(execution, 'validate'), { kind: 'cancel' }, clock.now), 'not_waiting');
    expect(JSON.stringify(execution)).toBe(before);
  });

  it('says a step was already decided, and how, when a second decision arrives', () => {
    const refusal = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    };
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, ACME.programId, ACME.production);
    const approval = stepOf(execution, 'approval');
    const early = refusal(() => sim.advance(execution, approval, { kind: 'approve' }, clock.now));
    expect([early.code, early.title]).toEqual(['not_waiting', 'Step is not waiting']);
    expect(early.message).toContain('approval step has not started yet');
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    sim.advance(execution, approval, { kind: 'approve' }, clock.now);
    for (const second of [
      () => sim.advance(execution, approval, { kind: 'approve' }, clock.now),
      () => sim.cancel(execution, approval, { kind: 'rejectApproval' }, clock.now),
    ]) {
      const late = refusal(second);
      expect([late.code, late.title]).toEqual(['already_decided', 'Step already decided']);
      expect(late.message).toBe('The approval step was already decided (approved, now FINISHED); this request changed nothing.');
    }

    const timedOut = startRun(sim, clock, WKND.programId, WKND.production, 'importantQualityFailure');
    runUntil(sim, clock, isWaitingAt(timedOut, 'codeQuality'));
    clock.now += HOLD_TIMEOUT_MS + 1000;
    sim.advanceTo(clock.now);
    const expired = refusal(() => sim.advance(timedOut, stepOf(timedOut, 'codeQuality'), { kind: 'override', kpis: [] }, clock.now));
    expect(expired.message).toContain('already decided (timed out, now CANCELLED)');
  });

  it('fails the run when the production deploy fails', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, ACME.programId, ACME.production, 'prodDeployFailure');
    runToCompletion(sim, clock, execution);
    expect(execution.status).toBe('FAILED');
    expect(stepOf(execution, 'deploy', 'prod').status).toBe('ERROR');
  });
});

describe('re-execute', () => {
  const reExecutable = (sim: ReturnType<typeof newSimulation>['sim'], execution: ReturnType<typeof startRun>) =>
    sim.canReExecute(execution, stepOf(execution, 'deploy', 'prod'));

  it('is offered on the last execution after success and after a prod deploy failure', () => {
    for (const outcome of ['pass', 'prodDeployFailure'] as const) {
      const { sim, clock } = newSimulation();
      const execution = startRun(sim, clock, ACME.programId, ACME.production, outcome);
      runToCompletion(sim, clock, execution);
      expect(reExecutable(sim, execution)).toBe(true);
      // only on the production deploy step
      expect(execution.steps.filter((s) => sim.canReExecute(execution, s)).map((s) => s.action)).toEqual(['deploy']);
    }
  });

  it('starts a RE_EXECUTE run of validate, reused build and prod deploy', () => {
    const { sim, clock } = newSimulation();
    const first = startRun(sim, clock, ACME.programId, ACME.production, 'prodDeployFailure');
    runToCompletion(sim, clock, first);
    const prodDeploy = stepOf(first, 'deploy', 'prod');
    sim.state.settings.outcome = 'pass'; // the transient failure is gone
    const again = sim.start(ACME.programId, ACME.production, clock.now, { stepId: prodDeploy.stepId });
    expect(again.trigger).toBe('RE_EXECUTE');
    expect(again.steps.map((s) => `${s.action}${s.environmentType ? `:${s.environmentType}` : ''}`)).toEqual([
      'validate',
      'build',
      'deploy:prod',
    ]);
    expect(stepOf(again, 'build').details).toMatchObject({ reusedArtifacts: true, sourceExecutionId: first.id });
    expect(again.artifactsVersion).toBe(first.artifactsVersion);
    expect(reExecutable(sim, first)).toBe(false); // no longer the last execution
    runToCompletion(sim, clock, again);
    expect(again.status).toBe('FINISHED');
    expect(reExecutable(sim, again)).toBe(true);
  });

  it('is refused for a push-update run, a run that failed before prod deploy, and an older execution', () => {
    const { sim, clock } = newSimulation();
    const pushUpdate = sim.executionsOf(WKND.production).find((e) => e.trigger === 'PUSH_UPGRADES')!;
    expect(pushUpdate.status).toBe('FINISHED');
    expect(reExecutable(sim, pushUpdate)).toBe(false);

    const failedEarly = startRun(sim, clock, ACME.programId, ACME.production, 'testFailure');
    runToCompletion(sim, clock, failedEarly);
    expect(reExecutable(sim, failedEarly)).toBe(false);
    expectRefusal(
      () => sim.start(ACME.programId, ACME.production, clock.now, { stepId: stepOf(failedEarly, 'deploy', 'prod').stepId }),
      'not_allowed',
    );

    const older = sim.executionsOf(WKND.production)[1];
    expect(older.steps.some((s) => sim.canReExecute(older, s))).toBe(false);
  });

  it('is refused for a push-update run even when it is the last one', () => {
    const { sim, clock } = newSimulation();
    sim.state.settings.outcome = 'pass';
    clock.now += 1000;
    const run = sim.start(ACME.programId, ACME.production, clock.now, { trigger: 'PUSH_UPGRADES' });
    runToCompletion(sim, clock, run);
    expect(run.status).toBe('FINISHED');
    expect(reExecutable(sim, run)).toBe(false);
  });
});
