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
import { BASE, HTTPS_REL, pipeline, step } from '../test/fixtures/execution-fixtures';

const held = (action: string) => step(action, 'WAITING', { links: ['advance', 'cancel'] });
const selfOf = (s: ReturnType<typeof step>) => (s._links?.self as { href: string }).href;

describe('Cloud Manager actions: each owns its link relation and body', () => {
  it('start: PUT the pipeline’s execution link, no body', () => {
    expect(startPipeline(pipeline)).toEqual({ name: 'start', link: { href: `${BASE}/execution` } });
  });

  it('approve / reject an approval: advance {approved:true}, cancel {approved:false}', () => {
    const approval = held('approval');
    expect(approve(approval)).toEqual({ name: 'approve', link: { href: `${selfOf(approval)}/advance` }, body: { approved: true } });
    expect(rejectApproval(approval)).toEqual({
      name: 'rejectApproval',
      link: { href: `${selfOf(approval)}/cancel` },
      body: { approved: false },
    });
  });

  it('override / reject a quality gate: advance with every failing important KPI, cancel {override:false}', () => {
    const quality = held('codeQuality');
    expect(overrideQuality(quality, ['coverage', 'security_rating'])).toEqual({
      name: 'override',
      link: { href: `${selfOf(quality)}/advance` },
      body: {
        metrics: [
          { kpi: 'coverage', override: true },
          { kpi: 'security_rating', override: true },
        ],
      },
    });
    expect(rejectQuality(quality)).toEqual({
      name: 'rejectQuality',
      link: { href: `${selfOf(quality)}/cancel` },
      body: { override: false },
    });
  });

  it('schedule: advance {type:IMMEDIATE}, or {type:SCHEDULED, schedule} at an ISO time', () => {
    const schedule = held('schedule');
    expect(scheduleDeployment(schedule)).toEqual({
      name: 'schedule',
      link: { href: `${selfOf(schedule)}/advance` },
      body: { type: 'IMMEDIATE' },
    });
    expect(scheduleDeployment(schedule, new Date(Date.UTC(2026, 11, 1, 22, 30))).body).toEqual({
      type: 'SCHEDULED',
      schedule: '2026-12-01T22:30:00.000Z',
    });
  });

  it('cancel: the step’s cancel link {cancel:true}', () => {
    const running = step('build', 'RUNNING', { links: ['cancel'] });
    expect(cancelStep(running)).toEqual({ name: 'cancel', link: { href: `${selfOf(running)}/cancel` }, body: { cancel: true } });
  });

  it('re-execute: PUT the deploy step’s reExecute link, no body', () => {
    const deploy = step('deploy', 'FINISHED', { environmentType: 'prod', links: ['reExecute'] });
    expect(reExecute(deploy)).toEqual({ name: 'reExecute', link: { href: `${BASE}/execution/300/reExecute` } });
  });

  it('stopping an execution acts on the step as it is: reject a held approval, reject a held gate, else cancel', () => {
    expect(stopExecutionAt(held('approval')).body).toEqual({ approved: false });
    expect(stopExecutionAt(held('codeQuality')).body).toEqual({ override: false });
    expect(stopExecutionAt(held('schedule')).body).toEqual({ cancel: true });
    expect(stopExecutionAt(step('deploy', 'RUNNING', { links: ['cancel'] })).body).toEqual({ cancel: true });
    expect(stopExecutionAt(step('approval', 'RUNNING', { links: ['cancel'] })).body).toEqual({ cancel: true });
  });

  it('follows the https:// spelling of a relation too', () => {
    const approval = step('approval', 'WAITING', { links: ['advance'], rel: HTTPS_REL });
    expect(approve(approval).link?.href).toBe(`${selfOf(approval)}/advance`);
  });

  it('has no link when the API does not offer the action now (the console never decides it is allowed)', () => {
    const finished = step('approval', 'FINISHED');
    for (const action of [
      approve(finished),
      rejectApproval(finished),
      cancelStep(finished),
      reExecute(finished),
      scheduleDeployment(finished),
    ])
      expect(action.link).toBeUndefined();
    expect(startPipeline({ ...pipeline, _links: {} }).link).toBeUndefined();
    expect(startPipeline(undefined).link).toBeUndefined();
  });
});
