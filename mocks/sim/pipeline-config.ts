/**
 * Pipelines you configure: add (a simulator extension), edit (the spec's PATCH with
 * `PipelineUpdate`, plus name, trigger and the production holds), delete, and invalidate the
 * build cache. A change is checked as a whole and applied all at once or not at all; a pipeline
 * with a current execution is not changed (busy). Runs already recorded keep what they ran with
 * (the engine copies the settings into a run's step plans when it starts).
 */
import type { Simulation } from './engine';
import { DomainError } from './errors';
import { findBranch } from './git';
import type {
  EnvironmentType,
  ImportantMetricsBehavior,
  PhaseType,
  Pipeline,
  PipelineKind,
  PipelinePhase,
  Program,
  StepAction,
} from './model';
import { HOLDS, canonicalPhases, phaseLabel, phaseSteps, roleOf, stepsOf, type Hold, type PhaseRole } from './pipeline-phases';

const PIPELINE_LIMITS = {
  name: 64,
  /** Experience audit pages per pipeline. */
  auditPages: 25,
  auditPageLength: 1024,
  /** Pipelines per program (pipeline ids are program id × 100 + 1…99). */
  perProgram: 99,
} as const;

/** Options the simulator reads from a step (the spec's `PipelineStepOptions` is open "by step action"). */
export interface StepOptions {
  /** codeQuality: Important Metric Failures Behavior. */
  importantMetricFailuresBehavior?: ImportantMetricsBehavior;
  /** contentAudit: the Experience Audit pages (empty: the homepage). */
  pages?: string[];
}

export interface StepInput {
  name: StepAction;
  options?: StepOptions;
}

/** A phase of an add or edit body (`PipelinePhase` / `PipelinePhaseUpdate`). */
export interface PhaseInput {
  type: PhaseType;
  name?: string;
  repositoryId?: string;
  branch?: string;
  environmentId?: string;
  environmentType?: EnvironmentType;
  steps?: StepInput[];
}

/** An add or edit body: for an edit every field is optional (missing means unchanged). */
export interface PipelineInput {
  name?: string;
  trigger?: Pipeline['trigger'];
  phases?: PhaseInput[];
}

/** Refuses (busy) while the pipeline has a current execution (running, cancelling, or waiting at a hold). */
export function checkIdle(sim: Simulation, pipeline: Pipeline, now: number): void {
  sim.advanceTo(now);
  const current = sim.currentExecution(pipeline.id);
  if (current)
    throw new DomainError(
      'busy',
      'Pipeline is busy',
      `Pipeline ${pipeline.id} has a current execution (${current.id}); nothing was changed. Try again once it has ended.`,
    );
}

/** Adds a pipeline to `programId` from an add body: the phases and steps are the kind's canonical ones. */
export function addPipeline(sim: Simulation, programId: string, input: PipelineInput, now: number): Pipeline {
  const program = sim.program(programId);
  const errors: string[] = [];
  const phases = (input.phases ?? []).filter((p) => p.type !== 'VALIDATE');
  const builds = phases.filter((p) => p.type === 'BUILD');
  if (builds.length !== 1)
    errors.push(`phases: a pipeline has exactly one BUILD phase (with repositoryId and branch), not ${builds.length}`);
  const build = builds[0] ?? { type: 'BUILD' };

  const environments: Partial<Record<EnvironmentType, string>> = {};
  const deploys: Partial<Record<EnvironmentType, PhaseInput>> = {};
  for (const phase of phases.filter((p) => p.type === 'DEPLOY')) {
    const environment = deployTarget(sim, programId, phase, 'DEPLOY phase', errors);
    if (!environment) continue;
    if (deploys[environment.type]) errors.push(`phases: two DEPLOY phases deploy to ${environment.type}`);
    environments[environment.type] = environment.id;
    deploys[environment.type] = phase;
  }
  const kind = kindOf(Object.keys(environments) as EnvironmentType[], errors);
  if (kind === 'production' && !environments.stage) {
    const stage = sim.state.environments.find((e) => e.programId === programId && e.type === 'stage');
    if (stage) environments.stage = stage.id;
    else errors.push('phases: the program has no stage environment for a production pipeline to deploy to first');
  }
  if (kind === 'production' && sim.state.pipelines.some((p) => p.programId === programId && p.sim.kind === 'production'))
    errors.push('One full-stack production pipeline per program.');

  const settings: Settings = {};
  applySteps('build', kind, build.steps, settings, errors);
  for (const [type, phase] of Object.entries(deploys) as [EnvironmentType, PhaseInput][]) {
    const role = roleOf({ type: 'DEPLOY', environmentType: type });
    if (role) applySteps(role, kind, phase.steps, settings, errors);
  }
  const number = nextPipelineNumber(sim, program);
  if (number > PIPELINE_LIMITS.perProgram) errors.push(`a program has at most ${PIPELINE_LIMITS.perProgram} pipelines`);
  const pipeline: Pipeline = {
    id: String(Number(program.id) * 100 + number),
    programId,
    name: (input.name ?? '').trim(),
    trigger: input.trigger ?? 'MANUAL',
    createdAt: now,
    updatedAt: now,
    phases: canonicalPhases({
      kind,
      repositoryId: build.repositoryId ?? '',
      branch: build.branch ?? '',
      environments,
      holds: settings.holds ?? [],
    }),
    type: 'CI_CD',
    variables: [],
    sim: {
      kind,
      importantMetricsBehavior: settings.behavior ?? 'ASK',
      auditPages: settings.pages ?? [],
      uiTests: true,
      // A new pipeline has never built: its first build has no cache to restore.
      buildCacheEmpty: true,
    },
  };
  checkPipeline(sim, pipeline, errors);
  if (errors.length) throw refused('The pipeline was not created', errors);
  program.sim.lastPipelineNumber = number;
  sim.state.pipelines.push(pipeline);
  return pipeline;
}

/**
 * Edits a pipeline with a PATCH body: BUILD repositoryId/branch (kept when missing), a DEPLOY
 * phase's environmentId (one of the same type), step options, and — extensions — name, trigger
 * and, in the production phase, the holds listed in its `steps`.
 */
export function editPipeline(sim: Simulation, pipeline: Pipeline, edit: PipelineInput, now: number): void {
  checkIdle(sim, pipeline, now);
  const errors: string[] = [];
  const next = structuredClone(pipeline);
  if (edit.name !== undefined) next.name = edit.name.trim();
  if (edit.trigger !== undefined) next.trigger = edit.trigger;
  const settings: Settings = {};
  for (const update of edit.phases ?? []) {
    if (update.type === 'VALIDATE') continue;
    const phase = phaseFor(sim, next, update, errors);
    const role = phase && roleOf(phase);
    if (!phase || !role) continue;
    const label = `${phase.name} phase`;
    if (update.type === 'BUILD') {
      if (update.environmentId !== undefined) errors.push(`${label}: a BUILD phase has no environmentId`);
      if (update.repositoryId !== undefined) phase.repositoryId = update.repositoryId;
      if (update.branch !== undefined) phase.branch = update.branch;
    } else {
      if (update.repositoryId !== undefined || update.branch !== undefined)
        errors.push(`${label}: a DEPLOY phase has no repositoryId or branch`);
      const environment = update.environmentId === undefined ? undefined : deployTarget(sim, pipeline.programId, update, label, errors);
      if (environment && environment.type !== phase.environmentType)
        errors.push(
          `${label}: environment ${environment.id} is a ${environment.type} environment; this phase deploys to ${phase.environmentType}`,
        );
      else if (environment) phase.environmentId = environment.id;
    }
    applySteps(role, next.sim.kind, update.steps, settings, errors);
    if (role === 'prod' && settings.holds) phase.steps = phaseSteps('prod', next.sim.kind, settings.holds);
  }
  if (settings.behavior !== undefined) next.sim.importantMetricsBehavior = settings.behavior;
  if (settings.pages !== undefined) next.sim.auditPages = settings.pages;
  checkPipeline(sim, next, errors);
  if (errors.length) throw refused('The pipeline was not changed', errors);
  next.updatedAt = now;
  // In place: the engine's look-ups hold this object.
  Object.assign(pipeline, next);
}

/** Deletes a pipeline and its executions (refused while it has a current execution). */
export function deletePipeline(sim: Simulation, pipeline: Pipeline, now: number): void {
  checkIdle(sim, pipeline, now);
  sim.state.pipelines = sim.state.pipelines.filter((p) => p !== pipeline);
  sim.state.executions = sim.state.executions.filter((e) => e.pipelineId !== pipeline.id);
}

/** Empties the pipeline's build cache: its next build downloads every dependency again. Allowed at any time. */
export function invalidateBuildCache(pipeline: Pipeline): void {
  pipeline.sim.buildCacheEmpty = true;
}

/** What the steps of a body set: the important metric behaviour, the audit pages, the production holds. */
interface Settings {
  behavior?: ImportantMetricsBehavior;
  pages?: string[];
  holds?: Hold[];
}

/** Reads the steps of a phase of `role`: each must be one of its steps; options and (production) holds go into `settings`. */
function applySteps(role: PhaseRole, kind: PipelineKind, steps: StepInput[] | undefined, settings: Settings, errors: string[]): void {
  if (!steps) return;
  const allowed = stepsOf(role, kind);
  for (const step of steps) {
    if (!allowed.includes(step.name)) {
      errors.push(`${phaseLabel(role)}: "${step.name}" is not one of its steps (${allowed.join(', ')})`);
      continue;
    }
    const options = step.options ?? {};
    if (options.importantMetricFailuresBehavior !== undefined) settings.behavior = options.importantMetricFailuresBehavior;
    if (options.pages !== undefined) settings.pages = options.pages;
  }
  if (role === 'prod') settings.holds = HOLDS.filter((hold) => steps.some((s) => s.name === hold));
}

/** The phase of `pipeline` an edit's phase means: BUILD by type; DEPLOY by name, environment type, environment, or the only one. */
function phaseFor(sim: Simulation, pipeline: Pipeline, update: PhaseInput, errors: string[]): PipelinePhase | undefined {
  const candidates = pipeline.phases.filter((p) => p.type === update.type);
  if (update.type === 'BUILD') {
    if (!candidates[0]) errors.push('phases: this pipeline has no BUILD phase');
    return candidates[0];
  }
  const names = candidates.map((p) => p.name).join(', ') || 'none';
  let found: PipelinePhase | undefined;
  let by: string;
  if (update.name !== undefined) {
    found = candidates.find((p) => p.name === update.name);
    by = `named "${update.name.slice(0, 64)}"`;
  } else {
    const type = update.environmentType ?? sim.environment(update.environmentId)?.type;
    found = type ? candidates.find((p) => p.environmentType === type) : candidates.length === 1 ? candidates[0] : undefined;
    by = type ? `deploying to ${type}` : 'without a name or an environment';
  }
  if (!found) errors.push(`phases: no DEPLOY phase ${by} in this pipeline (its DEPLOY phases: ${names})`);
  return found;
}

/**
 * The environment a DEPLOY phase of the body names, checked against the program and the phase's
 * environmentType; with an environmentType alone, the program's environment of that type.
 */
function deployTarget(sim: Simulation, programId: string, phase: PhaseInput, label: string, errors: string[]) {
  if (!phase.environmentId) {
    const byType =
      phase.environmentType && sim.state.environments.find((e) => e.programId === programId && e.type === phase.environmentType);
    if (!byType) errors.push(`${label}: environmentId is required`);
    return byType || undefined;
  }
  const environment = sim.environment(phase.environmentId);
  if (!environment || environment.programId !== programId) {
    errors.push(`${label}: environment ${phase.environmentId.slice(0, 40)} does not exist in this program`);
    return undefined;
  }
  if (phase.environmentType !== undefined && phase.environmentType !== environment.type) {
    errors.push(`${label}: environment ${environment.id} is ${environment.type}, not ${phase.environmentType}`);
    return undefined;
  }
  return environment;
}

/** The kind of pipeline that deploys to `types`: prod → production, dev → deployment, none → code quality. */
function kindOf(types: EnvironmentType[], errors: string[]): PipelineKind {
  const only = (allowed: EnvironmentType[], what: string) => {
    const others = types.filter((t) => !allowed.includes(t));
    if (others.length) errors.push(`phases: ${what} deploys to ${allowed.join(' and ')} only, not ${others.join(', ')}`);
  };
  if (types.includes('prod')) {
    only(['stage', 'prod'], 'a production pipeline');
    return 'production';
  }
  if (types.includes('dev')) {
    only(['dev'], 'a non-production deployment pipeline');
    return 'nonProductionDeployment';
  }
  if (types.length) errors.push(`phases: a pipeline deploys to a dev environment, or to stage and prod (not ${types.join(', ')} alone)`);
  return 'codeQuality';
}

/** What every pipeline must be: named (uniquely in its program), building a branch of one of its repositories, with valid audit pages. */
function checkPipeline(sim: Simulation, pipeline: Pipeline, errors: string[]): void {
  const { name } = pipeline;
  if (name === '') errors.push('name: must not be empty');
  if (name.length > PIPELINE_LIMITS.name) errors.push(`name: has at most ${PIPELINE_LIMITS.name} characters`);
  const same = (other: Pipeline) => other.name.trim().toLowerCase() === name.toLowerCase();
  if (name && sim.state.pipelines.some((p) => p.programId === pipeline.programId && p.id !== pipeline.id && same(p)))
    errors.push(`name: the program already has a pipeline named "${name.slice(0, PIPELINE_LIMITS.name)}"`);
  const build = pipeline.phases.find((p) => p.type === 'BUILD');
  const repository = sim.state.repositories.find((r) => r.programId === pipeline.programId && r.id === build?.repositoryId);
  if (!build?.repositoryId) errors.push('BUILD phase: repositoryId is required');
  else if (!repository) errors.push(`BUILD phase: repository ${build.repositoryId.slice(0, 40)} does not exist in this program`);
  if (!build?.branch) errors.push('BUILD phase: branch is required');
  else if (repository && !findBranch(repository, build.branch))
    errors.push(`BUILD phase: branch "${build.branch.slice(0, 100)}" does not exist in repository ${repository.name}`);
  const pages = pipeline.sim.auditPages;
  if (pages.length > PIPELINE_LIMITS.auditPages)
    errors.push(`contentAudit pages: at most ${PIPELINE_LIMITS.auditPages} pages (got ${pages.length})`);
  pages.forEach((page, index) => {
    const shown = JSON.stringify(page.slice(0, 80));
    if (!page.startsWith('/')) errors.push(`contentAudit pages: ${shown} does not start with /`);
    else if (page.length > PIPELINE_LIMITS.auditPageLength || /[\s\p{Cc}]/u.test(page))
      errors.push(`contentAudit pages: ${shown} is not a page path (no spaces, at most ${PIPELINE_LIMITS.auditPageLength} characters)`);
    if (pages.indexOf(page) !== index) errors.push(`contentAudit pages: ${shown} is listed twice`);
  });
}

/** The next pipeline number of `program`: never one used before, even by a deleted pipeline. */
function nextPipelineNumber(sim: Simulation, program: Program): number {
  const base = Number(program.id) * 100;
  const used = sim.state.pipelines.filter((p) => p.programId === program.id).map((p) => Number(p.id) - base);
  return Math.max(program.sim.lastPipelineNumber ?? 0, ...used) + 1;
}

function refused(what: string, errors: string[]): DomainError {
  return new DomainError('invalid', 'Invalid pipeline', `${what}: ${errors.length} problem${errors.length === 1 ? '' : 's'}.`, errors);
}
