/**
 * The actions of src/api/actions.ts against the real simulator: each body and link is one the
 * API accepts (202, or 201 with the new execution), and it does what its name says.
 */
import { describe, expect, it } from 'vitest';
import {
  approve,
  cancelStep,
  overrideQuality,
  reExecute,
  rejectApproval,
  rejectQuality,
  scheduleDeployment,
  startPipeline,
  stopExecutionAt,
} from './actions';
import { getJson, putLink } from './client';
import { findLink, rel } from './links';
import { isExecutionActive } from './polling';
import type { Execution, StepMetrics, StepState } from './types';
import { pipelineNamed, setupSimulatorServer, start as startRun } from '../test/simulator-server';

const sim = setupSimulatorServer();
const MINUTE = 60_000;

async function start(outcome: string): Promise<Execution> {
  await sim.control('PUT', 'outcome', { outcome });
  const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
  expect(startPipeline(pipeline).link).toBeDefined();
  const created = await startRun(pipeline);
  expect(created).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL' });
  return created;
}

const reread = (execution: Execution) => getJson<Execution>(findLink(execution, rel.self)!.href);
const stepOf = (execution: Execution, found: (step: StepState) => boolean) => execution._embedded?.stepStates?.find(found);
const until = sim.until;

const waiting = (action: string) => (step: StepState) => step.action === action && step.status === 'WAITING';
const ended = () => false;
const prodDeploy = (step: StepState) => step.action === 'deploy' && step.environmentType === 'prod';

describe('Cloud Manager actions against the simulator', () => {
  it('override, approve, schedule now, then re-execute the production deployment', async () => {
    let run = await start('importantQualityFailure');
    const held = await until(run, waiting('codeQuality'));
    const metrics = await getJson<StepMetrics>(findLink(held.step, rel.metrics)!.href);
    const failing = (metrics.metrics ?? []).filter((m) => m.severity === 'important' && !m.passed).map((m) => m.kpi as string);
    expect(failing.length).toBeGreaterThan(0);
    await putLink(overrideQuality(held.step, failing).link, overrideQuality(held.step, failing).body);

    const approval = await until(held.execution, waiting('approval'));
    await putLink(approve(approval.step).link, approve(approval.step).body);
    const schedule = await until(approval.execution, waiting('schedule'));
    await putLink(scheduleDeployment(schedule.step).link, scheduleDeployment(schedule.step).body);
    run = (await until(schedule.execution, ended)).execution;
    expect(run.status).toBe('FINISHED');
    expect(stepOf(run, (s) => s.action === 'codeQuality')?.status).toBe('FINISHED');

    const again = reExecute(stepOf(run, prodDeploy));
    expect(again.link).toBeDefined();
    const reExecution = await putLink<Execution>(again.link, again.body);
    expect(reExecution).toMatchObject({ trigger: 'RE_EXECUTE', status: 'RUNNING' });
  });

  it('rejecting the quality gate fails the run', async () => {
    const held = await until(await start('importantQualityFailure'), waiting('codeQuality'));
    await putLink(rejectQuality(held.step).link, rejectQuality(held.step).body);
    const { execution } = await until(held.execution, ended);
    expect(isExecutionActive(execution)).toBe(false);
    expect(execution.status).not.toBe('FINISHED');
    expect(stepOf(execution, prodDeploy)?.status).not.toBe('FINISHED');
  });

  it('rejecting the approval stops the run before production', async () => {
    const approval = await until(await start('pass'), waiting('approval'));
    await putLink(rejectApproval(approval.step).link, rejectApproval(approval.step).body);
    const { execution } = await until(approval.execution, ended);
    expect(isExecutionActive(execution)).toBe(false);
    expect(execution.status).not.toBe('FINISHED');
    expect(stepOf(execution, prodDeploy)?.status).not.toBe('FINISHED');
  });

  it('a scheduled production deployment waits for its time', async () => {
    const approval = await until(await start('pass'), waiting('approval'));
    await putLink(approve(approval.step).link, approve(approval.step).body);
    const schedule = await until(approval.execution, waiting('schedule'));
    const inTwoHours = new Date(Date.parse((await sim.state()).now) + 120 * MINUTE);
    const confirm = scheduleDeployment(schedule.step, inTwoHours);
    expect(confirm.body).toEqual({ type: 'SCHEDULED', schedule: inTwoHours.toISOString() });
    await putLink(confirm.link, confirm.body);
    await sim.advance(60 * MINUTE);
    expect(stepOf(await reread(schedule.execution), prodDeploy)?.status).toBe('NOT_STARTED');
    const { execution } = await until(schedule.execution, ended);
    expect(execution.status).toBe('FINISHED');
  });

  it('cancel on a running step, and stop at a held step, end the run', async () => {
    const running = await until(await start('pass'), (step) => step.status === 'RUNNING' && findLink(step, rel.cancel) !== undefined);
    await putLink(cancelStep(running.step).link, cancelStep(running.step).body);
    const cancelled = await until(running.execution, ended);
    expect(cancelled.execution.status).toBe('CANCELLED');

    const approval = await until(await start('pass'), waiting('approval'));
    const stop = stopExecutionAt(approval.step!);
    expect(stop.name).toBe('rejectApproval');
    await putLink(stop.link, stop.body);
    expect(isExecutionActive((await until(approval.execution, ended)).execution)).toBe(false);
  });
});
