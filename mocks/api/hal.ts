/**
 * Engine state → HAL representations with the spec's field names. A link is present only while
 * its action is allowed. Relations use the spec's `http://` spelling.
 */
import { isActiveExecution, runStart, type Simulation } from '../sim/engine';
import type { DeployActivity } from '../sim/content/types';
import { developerConsoleUrl, environmentStatus, logOptionsOf, variableStatus } from '../sim/environments';
import { repositoryUrl } from '../sim/git';
import type {
  Environment,
  EnvironmentVariable,
  Execution,
  Pipeline,
  PipelineStepDefinition,
  Program,
  Repository,
  StepState,
} from '../sim/model';
import type { Hrefs, LogAddress, StepAddress } from './hrefs';
import { apiTime } from './time';
import type { Permission } from '../sim/users';

/** Relations are rendered in the spec's http:// spelling (tests use test-support/hal, which reads both). */
const REL = 'http://ns.adobe.com/adobecloud/rel/';
/** The simulator's own relations (extensions, absent on a real Cloud Manager). */
const SIM_REL = 'https://ns.cloud-manager-simulator.dev/rel/';

type Links = Record<string, { href: string; templated?: boolean }>;

const link = (href: string, templated = false) => ({ href, templated });

export interface RenderContext {
  engine: Simulation;
  hrefs: Hrefs;
  now: number;
}

export function embeddedProgram(ctx: RenderContext, program: Program) {
  return {
    id: program.id,
    name: program.name,
    enabled: program.enabled,
    tenantId: program.tenantId,
    status: program.status,
    createdAt: apiTime(program.createdAt),
    updatedAt: apiTime(program.updatedAt),
    _links: { [`${REL}tenant`]: link(`/api/tenant/${program.tenantId}`), self: link(ctx.hrefs.program(program.id)) },
  };
}

/** A program; `permissions`: the acting user's (simulator extension; the console gates its controls by them). */
export function program(ctx: RenderContext, p: Program, permissions?: readonly Permission[]) {
  const h = ctx.hrefs;
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    tenantId: p.tenantId,
    imsOrgId: p.imsOrgId,
    status: p.status,
    type: p.type,
    capabilities: p.capabilities,
    createdAt: apiTime(p.createdAt),
    updatedAt: apiTime(p.updatedAt),
    /** Simulator extension, not Adobe's: the solutions shown on a program card. */
    solutions: p.sim.solutions,
    /** Simulator extension, not Adobe's: what the acting user may do in this program (sim/users.ts keys). */
    ...(permissions ? { permissions: [...permissions] } : {}),
    _links: {
      [`${REL}pipelines`]: link(h.pipelines(p.id)),
      [`${REL}environments`]: link(h.environments(p.id)),
      [`${REL}repositories`]: link(h.repositories(p.id)),
      [`${REL}tenant`]: link(`/api/tenant/${p.tenantId}`),
      self: link(h.program(p.id)),
    },
  };
}

export function pipeline(ctx: RenderContext, p: Pipeline) {
  const h = ctx.hrefs;
  const executions = ctx.engine.executionsOf(p.id);
  const last = executions[0];
  return {
    id: p.id,
    programId: p.programId,
    name: p.name,
    trigger: p.trigger,
    status: ctx.engine.pipelineStatus(p),
    createdAt: apiTime(p.createdAt),
    updatedAt: apiTime(Math.max(p.updatedAt, last?.updatedAt ?? 0)),
    lastStartedAt: apiTime(last?.createdAt),
    lastFinishedAt: apiTime(executions.find((e) => e.finishedAt !== undefined)?.finishedAt),
    phases: p.phases.map((phase) => ({
      name: phase.name,
      type: phase.type,
      ...(phase.repositoryId ? { repositoryId: phase.repositoryId, branch: phase.branch } : {}),
      ...(phase.environmentId ? { environmentId: phase.environmentId, environmentType: phase.environmentType } : {}),
      steps: phase.steps.filter((s) => s.name !== 'uiTest' || p.sim.uiTests).map((s) => pipelineStep(p, s)),
    })),
    type: p.type,
    _links: {
      [`${REL}program`]: link(h.program(p.programId)),
      [`${REL}execution`]: link(h.currentExecution(p.programId, p.id)),
      [`${REL}execution/id`]: link(h.executionTemplate(p.programId, p.id), true),
      [`${REL}executions`]: link(h.executions(p.programId, p.id)),
      [`${REL}variables`]: link(h.variables(p.programId, p.id)),
      [`${REL}cache`]: link(h.cache(p.programId, p.id)),
      self: link(h.pipeline(p.programId, p.id)),
    },
  };
}

/**
 * A step of a pipeline phase. Simulator extensions in its (open) options: codeQuality
 * `importantMetricFailuresBehavior`, contentAudit `pages`.
 */
function pipelineStep(p: Pipeline, s: PipelineStepDefinition) {
  const options: Record<string, unknown> = { ...s.options };
  if (s.name === 'codeQuality') options.importantMetricFailuresBehavior = p.sim.importantMetricsBehavior;
  if (s.name === 'contentAudit') options.pages = [...p.sim.auditPages];
  return { name: s.name, ...(Object.keys(options).length ? { options } : {}) };
}

/** A page of a program's pipelines, with the simulator's link to add one (POST to the list's href). */
export function pipelineList(ctx: RenderContext, programId: string, list: ReturnType<typeof pagedList>) {
  return { ...list, _links: { ...list._links, [`${SIM_REL}createPipeline`]: link(ctx.hrefs.pipelines(programId)) } };
}

/** A `VariableList`: a `secretString` never has a `value`; `service` only when the variable is limited to one. */
function variableListOf(variables: readonly EnvironmentVariable[], status: (v: EnvironmentVariable) => string, links: Links) {
  const rendered = variables.map((v) => ({
    name: v.name,
    type: v.type,
    ...(v.type === 'secretString' || v.value === undefined ? {} : { value: v.value }),
    ...(v.service ? { service: v.service } : {}),
    status: status(v),
  }));
  return { _totalNumberOfItems: rendered.length, _embedded: { variables: rendered }, _links: links };
}

/** A pipeline's variables. */
export function variableList(ctx: RenderContext, p: Pipeline) {
  return variableListOf(p.variables, () => 'ready', {
    [`${REL}pipeline`]: link(ctx.hrefs.pipeline(p.programId, p.id)),
    [`${REL}program`]: link(ctx.hrefs.program(p.programId)),
    self: link(ctx.hrefs.variables(p.programId, p.id)),
  });
}

/** An environment's variables: those a change applies to are `updating` until it is done. */
export function environmentVariableList(ctx: RenderContext, e: Environment) {
  return variableListOf(e.variables, (v) => variableStatus(e, v, ctx.now), {
    [`${REL}environment`]: link(ctx.hrefs.environment(e.programId, e.id)),
    [`${REL}program`]: link(ctx.hrefs.program(e.programId)),
    self: link(ctx.hrefs.environmentVariables(e.programId, e.id)),
  });
}

/**
 * An environment: `status` is `updating` while a change of its variables applies. Links to its
 * services (preview when it has it) and its Developer Console (external URLs), its logs (templated)
 * and its variables. Simulator extension: `aemRelease`.
 */
export function environment(ctx: RenderContext, e: Environment) {
  const h = ctx.hrefs;
  const links: Links = {
    [`${REL}program`]: link(h.program(e.programId)),
    [`${REL}author`]: link(e.authorUrl),
    [`${REL}publish`]: link(e.publishUrl),
  };
  if (e.previewUrl) links[`${REL}preview`] = link(e.previewUrl);
  links[`${REL}developerConsole`] = link(developerConsoleUrl(e));
  links[`${REL}logs`] = link(h.environmentLogsTemplate(e.programId, e.id), true);
  links[`${REL}variables`] = link(h.environmentVariables(e.programId, e.id));
  links.self = link(h.environment(e.programId, e.id));
  return {
    id: e.id,
    programId: e.programId,
    name: e.name,
    description: e.description,
    type: e.type,
    status: environmentStatus(e, ctx.now),
    region: e.region,
    availableLogOptions: logOptionsOf(e),
    /** Simulator extension, not Adobe's: the AEM release the environment runs. */
    aemRelease: e.aemRelease,
    _links: links,
  };
}

/** What a `logs` request asked for, and the days it lists (newest first). */
export interface LogsRequest {
  services: string[];
  names: string[];
  days: number;
  /** The (service, name, date) of each download, in order. */
  downloads: LogAddress[];
  /** The date whose log still grows (it alone has a tail link). */
  today: string;
  /** The origin tail URLs are made absolute against (the request's). */
  origin: URL;
}

/** `EnvironmentLogs`: one `EnvironmentLog` per service, log and day, each with its download link; today's also with its tail URL. */
export function environmentLogs(ctx: RenderContext, e: Environment, request: LogsRequest) {
  const h = ctx.hrefs;
  const query = new URLSearchParams([
    ...request.services.map((s) => ['service', s]),
    ...request.names.map((n) => ['name', n]),
    ['days', String(request.days)],
  ]).toString();
  const downloads = request.downloads.map((log) => {
    const links: Links = { [`${REL}logs/download`]: link(h.environmentLogDownload(e.programId, e.id, log)) };
    if (log.date === request.today)
      links[`${REL}logs/tail`] = link(new URL(h.environmentLogFile(e.id, log, 'log'), request.origin).toString());
    return {
      service: log.service,
      name: log.name,
      date: log.date,
      programId: Number(e.programId),
      environmentId: Number(e.id),
      _links: links,
    };
  });
  return {
    service: request.services,
    name: request.names,
    days: request.days,
    _links: { [`${REL}program`]: link(h.program(e.programId)), self: link(h.environmentLogs(e.programId, e.id, query)) },
    _embedded: { downloads },
  };
}

/** A repository, with the simulator's link to generate a git password (POST). */
export function repository(ctx: RenderContext, r: Repository) {
  return {
    id: r.id,
    repo: r.name,
    description: `Git repository of ${r.name}`,
    repositoryUrl: repositoryUrl(r),
    _links: {
      [`${REL}program`]: link(ctx.hrefs.program(r.programId)),
      [`${REL}branches`]: link(ctx.hrefs.branches(r.programId, r.id)),
      [`${SIM_REL}generatePassword`]: link(ctx.hrefs.generatePassword(r.programId, r.id)),
      self: link(ctx.hrefs.repository(r.programId, r.id)),
    },
  };
}

/** A repository's branches (`BranchList`; the spec types a branch's repositoryId as an integer). */
export function branchList(ctx: RenderContext, r: Repository) {
  const branches = r.branches.map((b) => ({
    name: b.name,
    repositoryId: Number(r.id),
    programId: r.programId,
    _links: {
      [`${REL}program`]: link(ctx.hrefs.program(r.programId)),
      [`${REL}repository`]: link(ctx.hrefs.repository(r.programId, r.id)),
    },
  }));
  return simpleList('branches', branches, ctx.hrefs.branches(r.programId, r.id));
}

export function stepAddress(execution: Execution, step: StepState): StepAddress {
  return {
    programId: execution.programId,
    pipelineId: execution.pipelineId,
    executionId: execution.id,
    phaseId: step.phaseId,
    stepId: step.stepId,
  };
}

/** Steps that have artifacts once they have ended (simulator extension link `pipeline/artifacts`). */
export function artifactKinds(step: StepState): { id: string; type: string; file: string; format: string }[] {
  const ended = step.finishedAt !== undefined || step.status === 'WAITING';
  if (!ended) return [];
  switch (step.action) {
    case 'codeQuality':
      return [{ id: `${step.id}-scan`, type: 'SCAN_ISSUES', file: 'build/code_quality_issues.csv', format: 'text/csv' }];
    case 'contentAudit':
      return step.status === 'FINISHED'
        ? [{ id: `${step.id}-audit`, type: 'CONTENT_AUDIT_RESULTS', file: 'experience-audit/results.json', format: 'application/json' }]
        : [];
    case 'productTest':
    case 'functionalTest':
    case 'uiTest':
      return [{ id: `${step.id}-tests`, type: 'UI_TEST_RESULTS', file: `${step.action}/test-results.json`, format: 'application/json' }];
    default:
      return [];
  }
}

/** A step's artifacts (simulator extension link `pipeline/artifacts`), each linking to its `{redirect}`. */
export function artifactList(ctx: RenderContext, execution: Execution, step: StepState) {
  const address = stepAddress(execution, step);
  const artifacts = artifactKinds(step).map((a) => ({
    id: a.id,
    stepName: step.action,
    type: a.type,
    file: a.file,
    format: a.format,
    _links: { self: link(ctx.hrefs.artifact(address, a.id)) },
  }));
  return simpleList('artifacts', artifacts, ctx.hrefs.stepAction(address, 'artifacts'));
}

export function stepState(ctx: RenderContext, execution: Execution, step: StepState) {
  const h = ctx.hrefs;
  const address = stepAddress(execution, step);
  const links: Links = {
    [`${REL}execution`]: link(h.execution(execution.programId, execution.pipelineId, execution.id)),
    [`${REL}pipeline`]: link(h.pipeline(execution.programId, execution.pipelineId)),
    [`${REL}program`]: link(h.program(execution.programId)),
  };
  const started = step.status !== 'NOT_STARTED';
  if (started && logFilesOf(ctx, execution, step).length > 0) links[`${REL}pipeline/logs`] = link(h.stepAction(address, 'logs'));
  if (started && (step.action === 'codeQuality' || step.action === 'contentAudit'))
    links[`${REL}pipeline/metrics`] = link(h.stepAction(address, 'metrics'));
  if (artifactKinds(step).length) links[`${REL}pipeline/artifacts`] = link(h.stepAction(address, 'artifacts'));
  if (ctx.engine.canAdvance(step)) links[`${REL}pipeline/advance`] = link(h.stepAction(address, 'advance'));
  if (ctx.engine.canCancel(execution, step)) links[`${REL}pipeline/cancel`] = link(h.stepAction(address, 'cancel'));
  if (ctx.engine.canReExecute(execution, step))
    links[`${REL}pipeline/reExecute`] = link(h.reExecute(execution.programId, execution.pipelineId, step.stepId));
  links.self = link(h.step(address));
  const { sim: _sim, startedAt, finishedAt, updatedAt, ...fields } = step;
  // Quirk (docs/scenarios.md): a finished step of one action reported with a status outside the spec's enum.
  const odd = ctx.engine.state.scenario?.quirks.unknownStepStatus;
  return {
    ...fields,
    ...(odd && odd.action === step.action && step.status === 'FINISHED' ? { status: odd.status } : {}),
    details: stepDetails(ctx, execution, step),
    startedAt: apiTime(startedAt),
    finishedAt: apiTime(finishedAt),
    updatedAt: apiTime(updatedAt),
    executionId: execution.id,
    pipelineId: execution.pipelineId,
    programId: execution.programId,
    _links: links,
  };
}

export function logFilesOf(ctx: RenderContext, execution: Execution, step: StepState): string[] {
  return ctx.engine.content.logFiles(ctx.engine.context(execution, step));
}

function stepDetails(ctx: RenderContext, execution: Execution, step: StepState): Record<string, unknown> {
  const details: Record<string, unknown> = { ...step.details };
  // Simulator extensions: who decided the step and when, and who scheduled the deployment.
  const { decision, scheduledBy } = step.sim;
  if (decision) Object.assign(details, { decidedBy: { ...decision.by }, decidedAt: apiTime(decision.at) });
  if (scheduledBy) details.scheduledBy = { ...scheduledBy };
  // Simulator extension: the pull request the built commit came from (POST /_sim/push).
  if (step.action === 'build' && execution.sim.pullRequestUrl) details.pullRequestUrl = execution.sim.pullRequestUrl;
  if (step.action === 'deploy' && step.status !== 'NOT_STARTED') {
    const activities = deployActivities(ctx, execution, step);
    const progress = ctx.engine.progress(step, ctx.now);
    const done = activities.filter((a) => a.at <= progress);
    const start = runStart(step, execution);
    details.deployCommands = JSON.stringify(activities.map((a) => ({ id: a.id, stepAction: a.stepAction, instanceId: a.instanceId })));
    if (done.length) details.currentDeployCommandId = done[done.length - 1].id;
    details.deploymentStepDescription = JSON.stringify(
      done.map((a) => ({
        id: a.id,
        stepAction: a.stepAction,
        instanceId: a.instanceId,
        description: a.description,
        updated: apiTime(Math.round(start + a.at * step.sim.durationMs)),
      })),
    );
  }
  return details;
}

/**
 * An ended execution never changes, so its representation is cached (per execution object, so a
 * reset or a reload drops it). Only the layout and whether it is still the pipeline's last
 * execution (the reExecute link) change it.
 */
const endedRepresentations = new WeakMap<Execution, { key: string; value: ReturnType<typeof renderExecution> }>();

/** A deploy step's activities depend only on its plan and how it ends; cached per step object. */
const activitiesCache = new WeakMap<StepState, { key: string; value: DeployActivity[] }>();

function deployActivities(ctx: RenderContext, execution: Execution, step: StepState): DeployActivity[] {
  const key = `${step.status}|${step.sim.durationMs}|${step.environmentId}`;
  const cached = activitiesCache.get(step);
  if (cached?.key === key) return cached.value;
  const value = ctx.engine.content.deployActivities(ctx.engine.context(execution, step));
  activitiesCache.set(step, { key, value });
  return value;
}

export function execution(ctx: RenderContext, e: Execution) {
  if (isActiveExecution(e)) return renderExecution(ctx, e);
  const odd = ctx.engine.state.scenario?.quirks.unknownStepStatus;
  const key = `${ctx.hrefs.program('')}|${e.updatedAt}|${e.status}|${ctx.engine.latestExecution(e.pipelineId)?.id === e.id}|${odd?.action}:${odd?.status}`;
  const cached = endedRepresentations.get(e);
  if (cached?.key === key) return cached.value;
  const value = renderExecution(ctx, e);
  endedRepresentations.set(e, { key, value });
  return value;
}

function renderExecution(ctx: RenderContext, e: Execution) {
  const h = ctx.hrefs;
  const { sim, steps, createdAt, updatedAt, finishedAt, ...fields } = e;
  return {
    ...fields,
    /** Simulator extension, not Adobe's: who started it (`user` is their id; absent for ON_COMMIT and PUSH_UPGRADES). */
    ...(sim.startedBy ? { startedBy: { ...sim.startedBy } } : {}),
    createdAt: apiTime(createdAt),
    updatedAt: apiTime(updatedAt),
    finishedAt: apiTime(finishedAt),
    _embedded: { stepStates: steps.map((s) => stepState(ctx, e, s)) },
    _links: {
      [`${REL}program`]: link(h.program(e.programId)),
      [`${REL}pipeline`]: link(h.pipeline(e.programId, e.pipelineId)),
      self: link(h.execution(e.programId, e.pipelineId, e.id)),
    },
  };
}

/** A HAL list with `_totalNumberOfItems`, `_page` and next/prev/page/self links. */
export function pagedList<T>(key: string, items: T[], total: number, start: number, limit: number, baseHref: string) {
  const links: Links = {
    self: link(`${baseHref}?start=${start}&limit=${limit}`),
    page: link(`${baseHref}?start={start}&limit={limit}`, true),
  };
  const page: Record<string, number> = { start, limit };
  if (start + limit < total) {
    links.next = link(`${baseHref}?start=${start + limit}&limit=${limit}`);
    page.next = start + limit;
  }
  if (start > 0) {
    const prev = Math.max(0, start - limit);
    links.prev = link(`${baseHref}?start=${prev}&limit=${limit}`);
    page.prev = prev;
  }
  return { _totalNumberOfItems: total, _page: page, _embedded: { [key]: items }, _links: links };
}

export function simpleList<T>(key: string, items: T[], selfHref: string) {
  return { _totalNumberOfItems: items.length, _embedded: { [key]: items }, _links: { self: link(selfHref) } };
}
