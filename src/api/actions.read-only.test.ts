/**
 * Read-only mode (the local proxy's --read-only): decided once, in the actions layer. Every action
 * function yields no link then, whatever the resource offers, so no control that changes Cloud
 * Manager renders; off again, the same resources give their links back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from './actions';
import type { CmAction } from './actions';
import { rel } from './links';
import type { Execution, Pipeline, PipelineList, Repository, StepState, VariableList } from './types';

/** A resource that offers every link relation the console knows. */
function offeringEverything<T>(extra: object = {}): T {
  const links = Object.fromEntries(
    Object.values(rel).map((relation) => [relation.startsWith('ns.') ? `http://${relation}` : relation, { href: `/api/x/${relation}` }]),
  );
  return { ...extra, _links: links } as T;
}

const pipeline = offeringEverything<Pipeline>({ id: '2', name: 'Production', status: 'IDLE' });
const list = offeringEverything<PipelineList & VariableList>();
const step = (action: string, status: string) => offeringEverything<StepState>({ action, status, stepId: '1' });

/** The names of the action functions: every export of actions.ts that returns a CmAction. */
type ActionFunction = {
  [K in keyof typeof actions]: (typeof actions)[K] extends (...args: never[]) => CmAction ? K : never;
}[keyof typeof actions];

/** One call of each action function (the type makes a new one show up here). */
const calls: Record<ActionFunction, () => CmAction> = {
  startPipeline: () => actions.startPipeline(pipeline),
  approve: () => actions.approve(step('approval', 'WAITING')),
  rejectApproval: () => actions.rejectApproval(step('approval', 'WAITING')),
  overrideQuality: () => actions.overrideQuality(step('codeQuality', 'WAITING'), ['coverage']),
  rejectQuality: () => actions.rejectQuality(step('codeQuality', 'WAITING')),
  scheduleDeployment: () => actions.scheduleDeployment(step('schedule', 'WAITING'), new Date('2030-01-01T10:00:00Z')),
  cancelStep: () => actions.cancelStep(step('build', 'RUNNING')),
  reExecute: () => actions.reExecute(step('managed', 'FINISHED')),
  stopExecutionAt: () => actions.stopExecutionAt(step('approval', 'WAITING')),
  stopExecution: () =>
    actions.stopExecution({ id: '3', status: 'RUNNING', _embedded: { stepStates: [step('build', 'RUNNING')] } } as Execution),
  createPipeline: () => actions.createPipeline(list),
  updatePipeline: () => actions.updatePipeline(pipeline),
  deletePipeline: () => actions.deletePipeline(pipeline),
  patchVariables: () => actions.patchVariables(list, [{ name: 'A', type: 'string', value: 'b' }]),
  invalidateCache: () => actions.invalidateCache(pipeline),
  generatePassword: () => actions.generatePassword(offeringEverything<Repository>({ id: '1', repo: 'wknd' })),
};

describe('read-only mode', () => {
  afterEach(() => actions.setActionsReadOnly(false));

  it('covers every function actions.ts exports', () => {
    const switches = ['setActionsReadOnly', 'actionsReadOnly'];
    const exported = Object.entries(actions)
      .filter(([name, value]) => typeof value === 'function' && !switches.includes(name))
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(calls).sort());
  });

  it('gives every action its link while off', () => {
    expect(actions.actionsReadOnly()).toBe(false);
    for (const [name, call] of Object.entries(calls)) expect(call().link, name).toBeDefined();
  });

  it('leaves every action without a link while on, and gives them back when off again', () => {
    actions.setActionsReadOnly(true);
    expect(actions.actionsReadOnly()).toBe(true);
    for (const [name, call] of Object.entries(calls)) expect(call().link, name).toBeUndefined();
    actions.setActionsReadOnly(false);
    for (const [name, call] of Object.entries(calls)) expect(call().link, name).toBeDefined();
  });
});
