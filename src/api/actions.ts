/**
 * The Cloud Manager actions the console sends, one function per action: each owns the link
 * relation it follows and the request body it PUTs there. A function only reads the resource's
 * links: when the API does not offer the action right now, the action's `link` is undefined (and
 * `putLink` refuses it), so the console never decides on its own that an action is allowed.
 * Send one with `useStepAction` / `useLinkAction` (src/api/mutations.ts).
 *
 * Read-only mode (the local proxy started with `--read-only`, as `GET /_proxy/info` says) is decided
 * here, once: every action then has no link, so no control that changes Cloud Manager is offered.
 */
import type { HttpMethod } from './client';
import { findLink, rel, type Rel } from './links';
import type { PipelineBody, VariableUpdate } from './pipeline-bodies';
import type { Execution, HalLink, Pipeline, PipelineList, Repository, StepState, VariableList } from './types';

/** The request bodies of the API's decisions (reference/api.yaml and Adobe's "Deploy your code"). */
export type ActionBody =
  | { approved: boolean }
  | { override: false }
  | { metrics: { kpi: string; override: true }[] }
  | { cancel: true }
  | { type: 'IMMEDIATE' }
  | { type: 'SCHEDULED'; schedule: string }
  | PipelineBody
  | VariableUpdate[];

export type ActionName =
  | 'start'
  | 'approve'
  | 'rejectApproval'
  | 'override'
  | 'rejectQuality'
  | 'schedule'
  | 'cancel'
  | 'reExecute'
  | 'createPipeline'
  | 'updatePipeline'
  | 'deletePipeline'
  | 'patchVariables'
  | 'invalidateCache'
  | 'generatePassword';

export interface CmAction {
  name: ActionName;
  /** The link to send to; undefined when the API does not offer the action now. */
  link: HalLink | undefined;
  /** The HTTP method; PUT when absent (the decisions and start). */
  method?: Exclude<HttpMethod, 'GET' | 'PUT'>;
  body?: ActionBody;
}

let readOnly = false;

/**
 * Switches read-only mode on or off (src/api/proxy-info.ts does, from the proxy's answer). In it,
 * every action function below returns no link; the proxy refuses such requests anyway (405).
 */
export function setActionsReadOnly(value: boolean): void {
  readOnly = value;
}

/**
 * The console offers no change to Cloud Manager at all. For the few controls that decide before
 * they have the resource whose link they would follow (a menu's Cancel finds its step on press).
 */
export function actionsReadOnly(): boolean {
  return readOnly;
}

/** The link an action follows: the resource's, unless the console is read-only. */
function offered(resource: Parameters<typeof findLink>[0], relation: Rel): HalLink | undefined {
  return readOnly ? undefined : findLink(resource, relation);
}

/** Start the pipeline: PUT its `execution` link (no body); the 201 answer is the new execution. */
export function startPipeline(pipeline: Pipeline | undefined): CmAction {
  return { name: 'start', link: offered(pipeline, rel.execution) };
}

/** Approve the deployment to production: the held approval step's `advance` link. */
export function approve(step: StepState | undefined): CmAction {
  return { name: 'approve', link: offered(step, rel.advance), body: { approved: true } };
}

/** Reject the deployment to production: the held approval step's `cancel` link. */
export function rejectApproval(step: StepState | undefined): CmAction {
  return { name: 'rejectApproval', link: offered(step, rel.cancel), body: { approved: false } };
}

/** Override the failing important metrics `kpis` of the held code quality step (`advance`). */
export function overrideQuality(step: StepState | undefined, kpis: string[]): CmAction {
  return { name: 'override', link: offered(step, rel.advance), body: { metrics: kpis.map((kpi) => ({ kpi, override: true })) } };
}

/** Reject the failing important metrics: the held code quality step's `cancel` link (the run fails). */
export function rejectQuality(step: StepState | undefined): CmAction {
  return { name: 'rejectQuality', link: offered(step, rel.cancel), body: { override: false } };
}

/** Confirm the production deployment schedule: now, or at `when` (the held schedule step's `advance`). */
export function scheduleDeployment(step: StepState | undefined, when?: Date): CmAction {
  return {
    name: 'schedule',
    link: offered(step, rel.advance),
    body: when ? { type: 'SCHEDULED', schedule: when.toISOString() } : { type: 'IMMEDIATE' },
  };
}

/** Cancel the execution at `step` (a running step, or the held schedule step): its `cancel` link. */
export function cancelStep(step: StepState | undefined): CmAction {
  return { name: 'cancel', link: offered(step, rel.cancel), body: { cancel: true } };
}

/** Re-execute the production deployment: the deploy step's `reExecute` link (no body); 201 = the new execution. */
export function reExecute(step: StepState | undefined): CmAction {
  return { name: 'reExecute', link: offered(step, rel.reExecute) };
}

/**
 * Stop the execution at `step`, whatever it is doing: a held approval is rejected, a held quality
 * gate is not overridden, anything else is cancelled (each through the step's own `cancel` link).
 */
export function stopExecutionAt(step: StepState): CmAction {
  if (step.status === 'WAITING' && step.action === 'approval') return rejectApproval(step);
  if (step.status === 'WAITING' && step.action === 'codeQuality') return rejectQuality(step);
  return cancelStep(step);
}

/**
 * Stop the execution (read just now: a copy from an earlier poll can name a step that has finished
 * since, whose `cancel` link the API refuses) at the step active in it: the running or held step
 * that offers `cancel`, else any step that does. No link when none does.
 */
export function stopExecution(execution: Execution): CmAction {
  const steps = execution._embedded?.stepStates ?? [];
  const step =
    steps.find((s) => (s.status === 'WAITING' || s.status === 'RUNNING') && findLink(s, rel.cancel)) ??
    steps.find((s) => findLink(s, rel.cancel));
  return step ? stopExecutionAt(step) : cancelStep(undefined);
}

/**
 * Add a pipeline: POST the body to the PipelineList's `createPipeline` link (a simulator extension:
 * absent on a real Cloud Manager, where the console then offers no Add). 201 = the new pipeline.
 * Without a body: only whether it is offered (the Add menu, before the form is filled in).
 */
export function createPipeline(list: PipelineList | undefined, body?: PipelineBody): CmAction {
  return { name: 'createPipeline', link: offered(list, rel.createPipeline), method: 'POST', body };
}

/**
 * Edit a pipeline: PATCH its self link with the `PipelineUpdate` (412 while it runs). 200 = the
 * pipeline as changed. Without a body: only whether it is offered (the Edit menu item).
 */
export function updatePipeline(pipeline: Pipeline | undefined, body?: PipelineBody): CmAction {
  return { name: 'updatePipeline', link: offered(pipeline, rel.self), method: 'PATCH', body };
}

/** Delete a pipeline and its executions: DELETE its self link (412 while it runs). */
export function deletePipeline(pipeline: Pipeline | undefined): CmAction {
  return { name: 'deletePipeline', link: offered(pipeline, rel.self), method: 'DELETE' };
}

/**
 * Change variables: PATCH the VariableList's self link with only the changes (a pipeline's: 412
 * while it runs; an environment's: 409 while it applies an earlier change or a deployment runs).
 */
export function patchVariables(list: VariableList | undefined, changes: VariableUpdate[]): CmAction {
  return { name: 'patchVariables', link: offered(list, rel.self), method: 'PATCH', body: changes };
}

/** Invalidate the build cache: DELETE the pipeline's `cache` link (the next build downloads every dependency). */
export function invalidateCache(pipeline: Pipeline | undefined): CmAction {
  return { name: 'invalidateCache', link: offered(pipeline, rel.cache), method: 'DELETE' };
}

/**
 * A new git password for the repository: POST its `generatePassword` link (a simulator extension:
 * absent on a real Cloud Manager, where passwords are managed in Cloud Manager itself). 200 =
 * `{username, password, repositoryUrl}`; the new password replaces the previous one.
 */
export function generatePassword(repository: Repository | undefined): CmAction {
  return { name: 'generatePassword', link: offered(repository, rel.generatePassword), method: 'POST' };
}
