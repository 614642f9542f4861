/**
 * The simulated Cloud Manager: a deterministic state machine over SimState, driven by a clock.
 * No HTTP, DOM or timers: callers pass the simulated time (`advanceTo(now)`), so a test can jump
 * 14 days in one call. Every transition happens at the exact simulated time it is due, whatever
 * the granularity of the calls, so the same seed and clock always give the same history.
 */
import {
  HOLD_TIMEOUT_MS,
  TEST_TIME_LIMITS_MS,
  TERMINAL_EXECUTION,
  TERMINAL_STEP,
  type Environment,
  type Execution,
  type ExecutionTrigger,
  type Metric,
  type Outcome,
  type Pipeline,
  type Program,
  type Repository,
  type SimState,
  type StepAction,
  type StepState,
  SCRIPT_STEPS,
  type HoldPlan,
  type RunPlan,
  type ScriptStep,
} from './model';
import { createRng, hashString } from './content/rng';
import { resolveOutcome } from './outcomes';
import { DomainError } from './errors';
import { DECISION_ACTION, cancelKindFor, type CancelRequest, type StepDecision } from './decisions';
import { headCommit, sha, type HeadCommit } from './git';
import { runVariables } from './variables';
import { aemReleaseAt, checkNotUpdating, currentUpdate } from './environments';
import type { ContentContext, ContentGenerators } from './content/types';
import { JOURNAL_LIMIT, record, startsWithEvent, transition, type EventCode } from './journal';
import { OPEN_USER, actorOf, type Actor } from './users';

/** Simulated time between a cancel request and the execution reaching CANCELLED. */
export const CANCEL_DELAY_MS = 5_000;

export interface StartOptions {
  /** Who starts it (MANUAL and RE_EXECUTE runs; the simulator's open user when absent). */
  user?: Actor;
  /** MANUAL by default; ON_COMMIT when a push started it (git.ts). */
  trigger?: ExecutionTrigger;
  /** Re-execution: the stepId of the last execution's production deploy step (from the reExecute link). */
  stepId?: string;
}

const isTerminalStep = (step: StepState) => TERMINAL_STEP.includes(step.status);
export const isActiveExecution = (execution: Execution) => !TERMINAL_EXECUTION.includes(execution.status);

/** Simulated durations (ms) of each action: [min, max]. A production run takes about an hour. */
const DURATIONS: Record<StepAction, [number, number]> = {
  validate: [20_000, 40_000],
  build: [6 * 60_000, 9 * 60_000],
  codeQuality: [4 * 60_000, 6 * 60_000],
  buildImage: [4 * 60_000, 6 * 60_000],
  deploy: [6 * 60_000, 9 * 60_000],
  productTest: [3 * 60_000, 5 * 60_000],
  functionalTest: [3 * 60_000, 5 * 60_000],
  uiTest: [3 * 60_000, 5 * 60_000],
  contentAudit: [4 * 60_000, 6 * 60_000],
  approval: [1_000, 2_000],
  schedule: [1_000, 2_000],
  managed: [1_000, 2_000],
};
const PROD_DEPLOY_DURATION: [number, number] = [12 * 60_000, 16 * 60_000];
const REUSED_BUILD_DURATION: [number, number] = [30_000, 50_000];

export interface SimulationOptions {
  /** How many journal entries to keep (JOURNAL_LIMIT by default; 0 records none, as while the seed history is made). */
  journalLimit?: number;
}

export class Simulation {
  private readonly journalLimit: number;

  constructor(
    public state: SimState,
    readonly content: ContentGenerators,
    options: SimulationOptions = {},
  ) {
    this.journalLimit = options.journalLimit ?? JOURNAL_LIMIT;
  }

  /** Appends the transition to the journal (journal.ts). */
  private emit(kind: EventCode, execution: Execution, at: number, step?: StepState, actor?: Actor): void {
    if (this.journalLimit <= 0) return;
    record(this.state.journal, this.state.seed, transition(kind, execution, at, step, actor?.id), this.journalLimit);
  }

  // ---------------------------------------------------------------- look-ups

  private readonly programIndex = new IdIndex<Program>();
  private readonly pipelineIndex = new IdIndex<Pipeline>();
  private readonly environmentIndex = new IdIndex<Environment>();
  private readonly executionIndex = new IdIndex<Execution>();

  program(programId: string) {
    const program = this.programIndex.get(this.state.programs, programId);
    if (!program) throw new DomainError('not_found', 'Program not found', `Program ${programId} does not exist.`);
    return program;
  }

  pipeline(programId: string, pipelineId: string): Pipeline {
    this.program(programId);
    const pipeline = this.pipelineIndex.get(this.state.pipelines, pipelineId);
    if (!pipeline || pipeline.programId !== programId)
      throw new DomainError('not_found', 'Pipeline not found', `Pipeline ${pipelineId} does not exist in program ${programId}.`);
    return pipeline;
  }

  execution(programId: string, pipelineId: string, executionId: string): Execution {
    this.pipeline(programId, pipelineId);
    const execution = this.executionIndex.get(this.state.executions, executionId);
    if (!execution || execution.pipelineId !== pipelineId)
      throw new DomainError('not_found', 'Execution not found', `Execution ${executionId} does not exist in pipeline ${pipelineId}.`);
    return execution;
  }

  /** An execution by its id alone (log and artifact files are addressed so), or undefined. */
  executionById(executionId: string): Execution | undefined {
    return this.executionIndex.get(this.state.executions, executionId);
  }

  step(execution: Execution, phaseId: string, stepId: string): StepState {
    const step = execution.steps.find((s) => s.stepId === stepId && s.phaseId === phaseId);
    if (!step)
      throw new DomainError(
        'not_found',
        'Step not found',
        `Step ${stepId} in phase ${phaseId} does not exist in execution ${execution.id}.`,
      );
    return step;
  }

  /** An environment of a program. */
  environmentOf(programId: string, environmentId: string): Environment {
    const environment = this.environment(environmentId);
    if (!environment || environment.programId !== programId)
      throw new DomainError('not_found', 'Environment not found', `Environment ${environmentId} does not exist in program ${programId}.`);
    return environment;
  }

  /** A repository of a program. */
  repositoryOf(programId: string, repositoryId: string): Repository {
    const repository = this.state.repositories.find((r) => r.programId === programId && r.id === repositoryId);
    if (!repository)
      throw new DomainError('not_found', 'Repository not found', `Repository ${repositoryId} does not exist in program ${programId}.`);
    return repository;
  }

  environment(environmentId: string | undefined): Environment | undefined {
    return environmentId === undefined ? undefined : this.environmentIndex.get(this.state.environments, environmentId);
  }

  /** Executions of a pipeline, newest first. */
  executionsOf(pipelineId: string): Execution[] {
    const list = this.state.executions.filter((e) => e.pipelineId === pipelineId);
    return list.reverse();
  }

  currentExecution(pipelineId: string): Execution | undefined {
    return this.activeExecutions().find((e) => e.pipelineId === pipelineId);
  }

  private active?: { list: Execution[]; size: number; items: Execution[] };

  /**
   * The active executions, oldest first, without scanning the whole history on every request: an
   * ended execution never becomes active again, and new ones are only ever appended (a reset or a
   * populate replaces the list), so the scan is redone only when the list changes.
   */
  activeExecutions(): Execution[] {
    const list = this.state.executions;
    if (!this.active || this.active.list !== list || this.active.size !== list.length) {
      this.active = { list, size: list.length, items: list.filter(isActiveExecution) };
    } else if (!this.active.items.every(isActiveExecution)) {
      this.active.items = this.active.items.filter(isActiveExecution);
    }
    return this.active.items;
  }

  latestExecution(pipelineId: string, activeOnly = false): Execution | undefined {
    for (let i = this.state.executions.length - 1; i >= 0; i -= 1) {
      const execution = this.state.executions[i];
      if (execution.pipelineId === pipelineId && (!activeOnly || isActiveExecution(execution))) return execution;
    }
    return undefined;
  }

  pipelineStatus(pipeline: Pipeline): 'IDLE' | 'BUSY' | 'WAITING' {
    const current = this.currentExecution(pipeline.id);
    if (!current) return 'IDLE';
    return current.steps.some((s) => s.status === 'WAITING') ? 'WAITING' : 'BUSY';
  }

  // ---------------------------------------------------------------- rules for links

  canAdvance(step: StepState): boolean {
    return step.status === 'WAITING';
  }

  /** Refuses (not_waiting, already_decided) unless `step` waits for a decision. */
  checkCanAdvance(step: StepState): void {
    if (!this.canAdvance(step)) throw notWaiting(step);
  }

  canCancel(execution: Execution, step: StepState): boolean {
    if (execution.status !== 'RUNNING') return false;
    if (step.status === 'WAITING') return true;
    return step.status === 'RUNNING' && step.action !== 'deploy';
  }

  /** Refuses (not_cancellable, not_waiting, already_decided) unless `step` can be cancelled now. */
  checkCanCancel(execution: Execution, step: StepState): void {
    if (this.canCancel(execution, step)) return;
    if (step.status === 'WAITING' || step.status === 'RUNNING') {
      throw new DomainError('not_cancellable', 'Step cannot be cancelled', `The ${step.action} step cannot be cancelled while it deploys.`);
    }
    throw notWaiting(step);
  }

  /**
   * Re-execute is offered on the production deploy step of the pipeline's last execution when
   * that step completed in any way, the run is over, and it was not a push-update run.
   */
  canReExecute(execution: Execution, step: StepState): boolean {
    if (step.action !== 'deploy' || step.environmentType !== 'prod') return false;
    if (execution.trigger === 'PUSH_UPGRADES') return false;
    if (isActiveExecution(execution)) return false;
    if (!['FINISHED', 'FAILED', 'ERROR', 'CANCELLED', 'ROLLED_BACK'].includes(step.status)) return false;
    return this.latestExecution(execution.pipelineId)?.id === execution.id;
  }

  // ---------------------------------------------------------------- time

  /** Advance every active execution to simulated time `now` (never backwards). */
  advanceTo(now: number): void {
    if (now < this.state.now) return;
    this.state.now = now;
    for (const execution of this.activeExecutions()) this.advanceExecution(execution, now);
  }

  private advanceExecution(execution: Execution, now: number): void {
    for (let guard = 0; guard < 100; guard += 1) {
      if (!isActiveExecution(execution)) return;
      if (execution.status === 'CANCELLING') {
        const cancelAt = execution.updatedAt + CANCEL_DELAY_MS;
        if (now < cancelAt) return;
        this.endExecution(execution, 'CANCELLED', cancelAt);
        return;
      }
      const index = execution.steps.findIndex((s) => !isTerminalStep(s));
      if (index < 0) {
        const last = execution.steps[execution.steps.length - 1];
        // Quirk: for a while after its last step, the run is RUNNING with no current step.
        const endAt = (last?.finishedAt ?? execution.updatedAt) + (this.state.scenario?.quirks.noCurrentStepMs ?? 0);
        if (now < endAt) return;
        this.endExecution(execution, 'FINISHED', endAt);
        return;
      }
      const step = execution.steps[index];
      if (step.status === 'NOT_STARTED') {
        const startAt = index === 0 ? execution.createdAt : (execution.steps[index - 1].finishedAt ?? execution.createdAt);
        if (now < startAt) return;
        this.setStep(step, 'RUNNING', startAt);
        step.startedAt = startAt;
        this.onStepStarted(execution, step);
        if (startsWithEvent(step)) this.emit('pipeline_execution_step_start', execution, startAt, step);
        continue;
      }
      if (step.status === 'RUNNING') {
        if (step.details.waitingFor !== undefined && step.sim.deployFrom !== undefined) {
          // A deployment that waited for its environment's update: it deploys from then on.
          if (now < step.sim.deployFrom) return;
          const { waitingFor: _done, ...details } = step.details;
          step.details = details;
          step.updatedAt = step.sim.deployFrom;
          execution.updatedAt = Math.max(execution.updatedAt, step.sim.deployFrom);
          continue;
        }
        const endAt = step.sim.scheduledFor ?? runStart(step, execution) + step.sim.durationMs;
        if (now < endAt) return;
        this.completeStep(execution, step, endAt);
        continue;
      }
      if (step.status === 'WAITING') {
        const since = step.sim.waitingSince ?? step.updatedAt;
        const hold = holdPlanOf(execution, step);
        if (hold && (hold.then === 'accept' || hold.then === 'reject')) {
          // The scenario decides, as a user would.
          const decideAt = since + (hold.afterMs ?? SCENARIO_DECISION_MS);
          if (now < decideAt) return;
          if (hold.then === 'accept') this.decide(execution, step, acceptDecision(this, execution, step), decideAt);
          else this.refuse(execution, step, { kind: cancelKindFor(step) }, decideAt);
          continue;
        }
        const timeoutMs = hold?.then === 'timeout' ? (hold.afterMs ?? HOLD_TIMEOUT_MS) : HOLD_TIMEOUT_MS;
        const expiresAt = since + timeoutMs;
        if (now < expiresAt) return;
        step.sim.endedBy = 'timeout';
        step.details = {
          ...step.details,
          timedOut: true,
          errors: [`No decision was made within ${durationWords(timeoutMs)}: the step timed out.`],
        };
        this.finishStep(execution, step, 'CANCELLED', expiresAt);
        this.endExecution(execution, 'CANCELLED', expiresAt);
        return;
      }
      return; // ROLLING_BACK or an unexpected status: wait.
    }
  }

  /**
   * Details a step gets when it starts (deploy targets, AEM release). A deployment to an
   * environment that applies a change of its variables waits for it (`details.waitingFor`).
   */
  onStepStarted(execution: Execution, step: StepState) {
    if (step.action === 'deploy') {
      const environment = this.environment(step.environmentId);
      const update = environment && step.startedAt !== undefined ? currentUpdate(environment, step.startedAt) : undefined;
      if (update) {
        step.sim.deployFrom = update.until;
        step.details = { ...step.details, waitingFor: 'environmentUpdate' };
      }
      step.details = {
        ...step.details,
        environmentUrls: environment
          ? [
              { instanceType: 'author', instanceUrl: environment.authorUrl },
              { instanceType: 'publish', instanceUrl: environment.publishUrl },
            ]
          : [],
      };
    }
    if (step.action === 'buildImage') step.details = { ...step.details, aemRelease: aemRelease(execution) };
  }

  private completeStep(execution: Execution, step: StepState, at: number) {
    const { action } = step;
    if (action === 'approval' || action === 'managed' || (action === 'schedule' && step.sim.scheduledFor === undefined)) {
      this.hold(execution, step, at);
      return;
    }
    if (action === 'codeQuality' && execution.sim.outcome.codeQuality === 'important' && step.sim.result === 'FINISHED') {
      const pipeline = this.pipelineOf(execution);
      // A code quality pipeline never holds: the failures are reported, the step finishes.
      const behavior =
        pipeline.sim.kind === 'codeQuality' ? 'REPORT' : (step.sim.importantMetricsBehavior ?? pipeline.sim.importantMetricsBehavior);
      if (behavior === 'ASK') {
        this.hold(execution, step, at);
        return;
      }
      if (behavior === 'FAIL') {
        step.sim.endedBy = 'behavior';
        step.details = { ...step.details, errors: ['Important metrics failed and the pipeline is set to fail immediately.'] };
        this.finishStep(execution, step, 'FAILED', at);
        this.endExecution(execution, 'FAILED', at);
        return;
      }
      if (behavior === 'CONTINUE') {
        step.sim.endedBy = 'behavior';
        step.details = {
          ...step.details,
          input: { metrics: this.failingImportantKpis(execution, step).map((kpi) => ({ kpi, override: true })) },
        };
      }
    }
    this.finishStep(execution, step, step.sim.result, at);
    if (action === 'deploy' && step.sim.result === 'FINISHED' && execution.trigger === 'PUSH_UPGRADES') {
      // A push update deployed a new AEM release.
      const environment = this.environment(step.environmentId);
      if (environment) environment.aemRelease = aemRelease(execution);
    }
    if (step.sim.errors?.length && (step.sim.result === 'FAILED' || step.sim.result === 'ERROR')) {
      step.details = { ...step.details, errors: step.sim.errors, ...(step.sim.timedOut ? { timedOut: true } : {}) };
    }
    if (step.sim.result === 'FAILED' || step.sim.result === 'ERROR') this.endExecution(execution, 'FAILED', at);
  }

  private hold(execution: Execution, step: StepState, at: number) {
    step.sim.waitingSince = at;
    this.setStep(step, 'WAITING', at);
    this.emit('pipeline_execution_step_waiting', execution, at, step);
  }

  private setStep(step: StepState, status: StepState['status'], at: number) {
    step.status = status;
    step.updatedAt = at;
  }

  /** The step ends with `status` at `at`; `actor` decided it (step.sim.decision says so already). */
  private finishStep(execution: Execution, step: StepState, status: StepState['status'], at: number) {
    this.setStep(step, status, at);
    step.startedAt ??= at;
    step.finishedAt = at;
    this.emit('pipeline_execution_step_end', execution, at, step, step.sim.decision?.at === at ? step.sim.decision.by : undefined);
  }

  private endExecution(execution: Execution, status: Execution['status'], at: number) {
    execution.status = status;
    execution.updatedAt = at;
    execution.finishedAt = at;
    this.emit('pipeline_execution_end', execution, at);
  }

  private pipelineOf(execution: Execution): Pipeline {
    return this.pipeline(execution.programId, execution.pipelineId);
  }

  // ---------------------------------------------------------------- user actions

  /** Start a run. Refused (busy) while the pipeline has a running execution. */
  start(programId: string, pipelineId: string, now: number, options: StartOptions = {}): Execution {
    const pipeline = this.pipeline(programId, pipelineId);
    this.advanceTo(now);
    if (this.currentExecution(pipelineId)) {
      throw new DomainError('busy', 'Pipeline is busy', `Pipeline ${pipelineId} already has a running execution.`);
    }
    let trigger: ExecutionTrigger = options.trigger ?? 'MANUAL';
    let source: Execution | undefined;
    const reExecution = options.stepId !== undefined;
    for (const environment of this.deployTargets(pipeline, reExecution)) {
      checkNotUpdating(environment, now, 'start the pipeline once it is ready');
    }
    if (options.stepId !== undefined) {
      source = this.latestExecution(pipelineId);
      const step = source?.steps.find((s) => s.stepId === options.stepId);
      if (!source || !step || !this.canReExecute(source, step)) {
        throw new DomainError(
          'not_allowed',
          'Re-execution not allowed',
          `Step ${options.stepId} is not the completed production deployment of this pipeline's last execution.`,
        );
      }
      trigger = 'RE_EXECUTE';
    }
    const commit = source ? undefined : headCommit(this, pipeline);
    const execution = this.newExecution(pipeline, now, { trigger, user: options.user, source, commit });
    this.state.executions.push(execution);
    this.emit('pipeline_execution_start', execution, now, undefined, execution.sim.startedBy);
    // The build fills the cache again: only this run's build starts without it.
    if (execution.steps.some((s) => s.sim.buildCache === 'empty')) delete pipeline.sim.buildCacheEmpty;
    pipeline.updatedAt = now;
    this.advanceExecution(execution, now);
    return execution;
  }

  /** The environments a run of `pipeline` deploys to (a re-execution: production only). */
  deployTargets(pipeline: Pipeline, reExecution = false): Environment[] {
    return pipeline.phases
      .filter((p) => p.type === 'DEPLOY' && (!reExecution || p.environmentType === 'prod'))
      .map((p) => this.environment(p.environmentId))
      .filter((e): e is Environment => e !== undefined);
  }

  /**
   * A new execution of `pipeline` created at `now` with its steps planned (seeded by its id), not yet
   * stored. `outcome` fixes the outcome instead of drawing it from the settings.
   */
  newExecution(
    pipeline: Pipeline,
    now: number,
    options: { trigger: ExecutionTrigger; user?: Actor; source?: Execution; outcome?: Outcome; commit?: HeadCommit },
  ): Execution {
    const { trigger, source } = options;
    const programId = pipeline.programId;
    const pipelineId = pipeline.id;
    const id = this.newId();
    const seed = hashString(`${this.state.seed}:${id}`);
    const rng = createRng(seed);
    const plan = options.outcome ? undefined : this.state.scenario?.script[pipelineId]?.shift();
    const outcome = options.outcome ?? (plan ? outcomeOf(plan) : resolveOutcome(this.state.settings.outcome, rng));
    const commitId = source?.sim.commitId ?? options.commit?.id ?? sha(rng);
    const commitMessage = source ? source.sim.commitMessage : options.commit?.message;
    const pullRequestUrl = source ? source.sim.pullRequestUrl : options.commit?.pullRequestUrl;
    // Only a user starts MANUAL and RE_EXECUTE runs; a push or Adobe's push update has none.
    const startedBy = trigger === 'MANUAL' || trigger === 'RE_EXECUTE' ? (options.user ?? actorOf(OPEN_USER)) : undefined;
    const execution: Execution = {
      id,
      programId,
      pipelineId,
      artifactsVersion: source?.artifactsVersion ?? artifactsVersion(now, id),
      user: startedBy?.id ?? '',
      status: 'RUNNING',
      trigger,
      pipelineExecutionMode: 'NORMAL',
      createdAt: now,
      updatedAt: now,
      pipelineType: pipeline.type,
      steps: [],
      sim: {
        seed,
        outcome,
        commitId,
        ...(commitMessage === undefined ? {} : { commitMessage }),
        ...(pullRequestUrl === undefined ? {} : { pullRequestUrl }),
        sourceExecutionId: source?.id,
        ...(startedBy ? { startedBy } : {}),
        ...(plan ? { plan } : {}),
      },
    };
    execution.steps = this.planSteps(pipeline, execution, rng, source);
    return execution;
  }

  private planSteps(pipeline: Pipeline, execution: Execution, rng: ReturnType<typeof createRng>, source?: Execution): StepState[] {
    const steps: StepState[] = [];
    for (const phase of pipeline.phases) {
      const phaseId = this.newId();
      for (const definition of phase.steps) {
        const action = definition.name;
        if (source && !(action === 'validate' || action === 'build' || (action === 'deploy' && phase.environmentType === 'prod'))) continue;
        if (action === 'uiTest' && !pipeline.sim.uiTests) continue;
        const environment = this.environment(phase.environmentId);
        const buildPhase = pipeline.phases.find((p) => p.type === 'BUILD');
        const repository = this.state.repositories.find((r) => r.id === buildPhase?.repositoryId);
        const isProdDeploy = action === 'deploy' && phase.environmentType === 'prod';
        const reused = source && action === 'build';
        const range = reused ? REUSED_BUILD_DURATION : isProdDeploy ? PROD_DEPLOY_DURATION : DURATIONS[action];
        const step: StepState = {
          id: this.newId(),
          stepId: this.newId(),
          phaseId,
          action,
          status: 'NOT_STARTED',
          updatedAt: execution.createdAt,
          details: reused ? { reusedArtifacts: true, sourceExecutionId: source.id } : {},
          sim: { durationMs: rng.int(range[0], range[1]), result: 'FINISHED' },
        };
        if (action === 'build' || action === 'codeQuality' || action === 'validate') {
          step.repository = repository?.name;
          step.branch = buildPhase?.branch ?? 'main';
          if (action !== 'validate') step.commitId = execution.sim.commitId;
        }
        if (environment) {
          step.environment = environment.name;
          step.environmentId = environment.id;
          step.environmentType = environment.type;
        }
        if (reused) step.sim.reusedArtifactsFrom = source.id;
        this.planSettings(pipeline, step);
        this.planResult(step, execution.sim, isProdDeploy, rng);
        steps.push(step);
      }
    }
    return steps;
  }

  /** What a step runs with, copied from the pipeline as the run starts (a later edit does not change it). */
  private planSettings(pipeline: Pipeline, step: StepState) {
    if (step.action === 'codeQuality') step.sim.importantMetricsBehavior = pipeline.sim.importantMetricsBehavior;
    if (step.action === 'contentAudit') step.sim.auditPages = [...pipeline.sim.auditPages];
    if (step.action === 'build' && !step.sim.reusedArtifactsFrom) {
      step.sim.buildCache = pipeline.sim.buildCacheEmpty ? 'empty' : 'restored';
      if (pipeline.variables.length) step.sim.variables = runVariables(pipeline.variables);
    }
  }

  private planResult(step: StepState, { outcome, plan }: Execution['sim'], isProdDeploy: boolean, rng: ReturnType<typeof createRng>) {
    const fail = (errors: string[]) => {
      step.sim.result = 'FAILED';
      step.sim.errors = errors;
      step.sim.durationMs = Math.round(step.sim.durationMs * (0.4 + rng.next() * 0.4));
    };
    // The run overruns the step's time limit: it is stopped at the limit and fails (cm-ui §7).
    const overrun = (limitMs: number, what: string) => {
      step.sim.result = 'FAILED';
      step.sim.timedOut = true;
      step.sim.durationMs = limitMs;
      step.sim.errors = [`${what} exceeded the time limit of ${limitMs / 60_000} minutes and was stopped.`];
    };
    switch (step.action) {
      case 'codeQuality':
        if (outcome.codeQuality === 'critical')
          fail(['Critical metrics failure. Please review the logs for more details to fix the issue.']);
        break;
      case 'productTest':
        if (outcome.tests === 'productTestFailure') fail(['Product functional tests failed. Download the log for the failing tests.']);
        break;
      case 'functionalTest':
        if (outcome.tests === 'functionalTestFailure') fail(['Custom functional tests failed. Download the log for the failing tests.']);
        if (outcome.tests === 'functionalTestTimeout') overrun(TEST_TIME_LIMITS_MS.functionalTest, 'Custom functional testing');
        if (outcome.tests === 'noCustomTests') step.sim = { ...step.sim, result: 'INCOMPLETE', durationMs: 20_000 };
        break;
      case 'uiTest':
        if (outcome.tests === 'uiTestFailure') fail(['Custom UI tests failed. Download the log for the failing tests.']);
        if (outcome.tests === 'uiTestTimeout') overrun(TEST_TIME_LIMITS_MS.uiTest, 'Custom UI testing');
        if (outcome.tests === 'noCustomTests') step.sim = { ...step.sim, result: 'INCOMPLETE', durationMs: 20_000 };
        break;
      case 'deploy':
        if (isProdDeploy && outcome.deploy === 'prodFailure') {
          step.sim.result = 'ERROR';
          step.sim.errors = [
            'Deployment to the production environment failed on publish2. The environment was restored to the previous release.',
          ];
          step.sim.durationMs = Math.round(step.sim.durationMs * 0.6);
        } else if (!isProdDeploy && step.environmentType === 'stage' && outcome.deploy === 'stageFailure') {
          fail(['Deployment to the stage environment failed: the new release did not pass its health checks.']);
        }
        break;
      default:
        break;
    }
    const failAt = plan?.failAt;
    if (failAt && failAt.step === scriptStepOf(step)) fail([failAt.message]);
  }

  /** Decide a waiting step: override code quality, approve, schedule or start; `actor` is recorded as who decided. */
  advance(execution: Execution, step: StepState, decision: StepDecision, now: number, actor?: Actor): void {
    this.advanceTo(now);
    this.checkCanAdvance(step);
    if (DECISION_ACTION[decision.kind] !== step.action) throw misfit(decision.kind, step);
    this.checkDecision(execution, step, decision, now);
    this.decide(execution, step, decision, now, actor);
    this.advanceExecution(execution, now);
  }

  /** Takes a decision the rules allow (checked by the caller) on a waiting step. */
  private decide(execution: Execution, step: StepState, decision: StepDecision, now: number, actor?: Actor): void {
    if (actor) step.sim.decision = { by: actor, at: now };
    switch (decision.kind) {
      case 'override': {
        const failing = this.failingImportantKpis(execution, step);
        step.sim.endedBy = 'override';
        step.details = { ...step.details, input: { metrics: failing.map((kpi) => ({ kpi, override: true })) } };
        this.finishStep(execution, step, 'FINISHED', now);
        break;
      }
      case 'approve':
        step.sim.endedBy = 'approve';
        step.details = { ...step.details, input: { approved: true } };
        this.finishStep(execution, step, 'FINISHED', now);
        break;
      case 'scheduleImmediate':
        step.details = { ...step.details, input: { type: 'IMMEDIATE' } };
        this.finishStep(execution, step, 'FINISHED', now);
        break;
      case 'scheduleAt': {
        const { at, schedule } = decision;
        if (at <= now) {
          step.details = { ...step.details, input: { type: 'SCHEDULED', schedule } };
          this.finishStep(execution, step, 'FINISHED', now);
          break;
        }
        step.sim.scheduledFor = at;
        if (actor) step.sim.scheduledBy = actor;
        step.sim.waitingSince = undefined;
        step.details = { ...step.details, input: { type: 'SCHEDULED', schedule }, scheduledFor: new Date(at).toISOString() };
        this.setStep(step, 'RUNNING', now);
        break;
      }
      case 'managedStart':
        this.finishStep(execution, step, 'FINISHED', now);
        break;
    }
    execution.updatedAt = now;
  }

  /** Refuses (invalid) a decision whose content does not fit the step: a metric left out, a schedule too far ahead. */
  private checkDecision(execution: Execution, step: StepState, decision: StepDecision, now: number): void {
    if (decision.kind === 'override') {
      const overridden = new Set(decision.kpis);
      const missing = this.failingImportantKpis(execution, step).filter((kpi) => !overridden.has(kpi));
      if (missing.length) throw invalid(`Every failing important metric must be overridden; missing: ${missing.join(', ')}.`);
    }
    if (decision.kind === 'scheduleAt' && decision.at > now && decision.at > (step.sim.waitingSince ?? now) + HOLD_TIMEOUT_MS)
      throw invalid('The schedule must be within 14 days.');
  }

  /** Cancel a step: reject a hold, stop a schedule, or cancel a running step; `actor` is recorded as who decided. */
  cancel(execution: Execution, step: StepState, request: CancelRequest, now: number, actor?: Actor): void {
    this.advanceTo(now);
    this.checkCanCancel(execution, step);
    if (cancelKindFor(step) !== request.kind) throw misfit(request.kind, step);
    this.refuse(execution, step, request, now, actor);
  }

  /** Refuses a hold or cancels a step, as the rules allow (checked by the caller). */
  private refuse(execution: Execution, step: StepState, request: CancelRequest, now: number, actor?: Actor): void {
    if (actor) step.sim.decision = { by: actor, at: now };
    switch (request.kind) {
      case 'rejectQuality':
        step.sim.endedBy = 'reject';
        step.details = { ...step.details, input: { override: false }, errors: ['The important metric failures were rejected.'] };
        this.finishStep(execution, step, 'FAILED', now);
        this.endExecution(execution, 'FAILED', now);
        return;
      case 'rejectApproval':
        step.sim.endedBy = 'reject';
        step.details = { ...step.details, input: { approved: false } };
        this.finishStep(execution, step, 'CANCELLED', now);
        this.endExecution(execution, 'CANCELLED', now);
        return;
      case 'managedNoStart':
      case 'cancel':
        step.sim.endedBy = 'cancel';
        this.finishStep(execution, step, 'CANCELLED', now);
        execution.status = 'CANCELLING';
        execution.updatedAt = now;
    }
  }

  // ---------------------------------------------------------------- content

  context(execution: Execution, step: StepState): ContentContext {
    const pipeline = this.pipelineOf(execution);
    return {
      program: this.program(execution.programId),
      pipeline,
      execution,
      step,
      environment: this.environment(step.environmentId) ?? this.stageEnvironment(pipeline),
    };
  }

  private stageEnvironment(pipeline: Pipeline): Environment | undefined {
    const stage = pipeline.phases.find((p) => p.type === 'DEPLOY' && p.environmentType === 'stage');
    return this.environment(stage?.environmentId);
  }

  /** Metrics of a step (code quality and experience audit) once it has produced them. */
  metrics(execution: Execution, step: StepState): Metric[] | undefined {
    if (step.status === 'NOT_STARTED' || step.status === 'RUNNING') return step.status === 'RUNNING' ? [] : undefined;
    if (step.action === 'codeQuality') {
      const input = step.details.input as { metrics?: { kpi: string }[] } | undefined;
      const overridden = new Set((input?.metrics ?? []).map((m) => m.kpi));
      return this.codeQualityMetrics(execution, step).map((m) => (overridden.has(m.kpi) && !m.passed ? { ...m, override: true } : m));
    }
    if (step.action === 'contentAudit') return this.content.auditMetrics(this.context(execution, step));
    return undefined;
  }

  private codeQualityMetrics(execution: Execution, step: StepState): Metric[] {
    return this.content.codeQualityMetrics(this.context(execution, step));
  }

  failingImportantKpis(execution: Execution, step: StepState): string[] {
    return this.codeQualityMetrics(execution, step)
      .filter((m) => m.severity === 'important' && !m.passed)
      .map((m) => m.kpi);
  }

  /** How far (0..1) a step has run at simulated time `now`. */
  progress(step: StepState, now: number): number {
    if (step.status === 'NOT_STARTED') return 0;
    if (step.finishedAt !== undefined || step.status === 'WAITING') return 1;
    if (step.startedAt === undefined) return 0;
    if (step.sim.scheduledFor !== undefined) return 1;
    return Math.max(0, Math.min(1, (now - runStart(step)) / Math.max(1, step.sim.durationMs)));
  }

  /** A new id, unique in this state (executions, phases, step states, commits). */
  newId(): string {
    this.state.nextId += 1;
    return String(this.state.nextId);
  }
}

const DECISIONS: Record<NonNullable<StepState['sim']['endedBy']>, string> = {
  override: 'overridden',
  reject: 'rejected',
  approve: 'approved',
  cancel: 'cancelled',
  timeout: 'timed out',
  behavior: 'decided by the pipeline setting',
};

/**
 * Look-up by id over one of the state's lists, rebuilt when the list is replaced or grows (lists are
 * only ever appended to, or replaced by a reset or a populate), so look-ups stay O(1) with
 * thousands of programs and executions.
 */
class IdIndex<T extends { id: string }> {
  private list?: T[];
  private size = -1;
  private map = new Map<string, T>();

  get(list: T[], id: string): T | undefined {
    if (list !== this.list || list.length !== this.size) {
      this.map = new Map(list.map((item) => [item.id, item]));
      this.list = list;
      this.size = list.length;
    }
    return this.map.get(id);
  }
}

/** A decision on a step that is not waiting: "already decided" when someone (or a timeout) got there first. */
function notWaiting(step: StepState): DomainError {
  const decided = step.sim.endedBy !== undefined || step.details.input !== undefined;
  if (decided) {
    const how = step.sim.endedBy ? `${DECISIONS[step.sim.endedBy]}, ` : '';
    return new DomainError(
      'already_decided',
      'Step already decided',
      `The ${step.action} step was already decided (${how}now ${step.status}); this request changed nothing.`,
    );
  }
  const state = step.status === 'NOT_STARTED' ? 'has not started yet' : `is ${step.status}`;
  return new DomainError(
    'not_waiting',
    'Step is not waiting',
    `The ${step.action} step ${state} and is not waiting for a decision; this request changed nothing.`,
  );
}

function invalid(message: string): DomainError {
  return new DomainError('invalid', 'Invalid decision', message);
}

/** A decision or cancel request meant for another kind of step (mocks/api never sends one: it reads bodies by step). */
function misfit(kind: string, step: StepState): DomainError {
  return invalid(`A ${kind} request does not apply to the ${step.action} step (${step.status}).`);
}

/** "2026.1128.134501.0000001042": like Cloud Manager's generated artifact versions. */
function artifactsVersion(now: number, id: string): string {
  const d = new Date(now);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}.${d.getUTCMonth() + 1}${pad(d.getUTCDate())}.${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}.${pad(Number(id) % 1e10, 10)}`;
}

/** The AEM release a run builds its images with (released 5 days before it started). */
export function aemRelease(execution: Execution): string {
  return aemReleaseAt(execution.createdAt - 5 * 24 * 3600 * 1000, 20000 + (execution.sim.seed % 4000));
}

/**
 * When a step's work started: its start, or for a deployment that waited for its environment's
 * update, the end of that update. Its duration counts from here.
 */
export function runStart(step: StepState, execution?: Execution): number {
  return step.sim.deployFrom ?? step.startedAt ?? execution?.createdAt ?? step.updatedAt;
}

/** Simulated time a scenario's `accept` or `reject` of a hold takes when it does not say (`afterMs`). */
export const SCENARIO_DECISION_MS = 60_000;

/** How a scenario names `step` (its action; a deployment by its environment type). */
export function scriptStepOf(step: Pick<StepState, 'action' | 'environmentType'>): ScriptStep | undefined {
  if (step.action !== 'deploy') return (SCRIPT_STEPS as readonly string[]).includes(step.action) ? (step.action as ScriptStep) : undefined;
  const type = step.environmentType;
  return type === 'dev' || type === 'stage' || type === 'prod' ? `${type}Deploy` : undefined;
}

/** The scenario's plan for a waiting step of this run, if it has one. */
function holdPlanOf(execution: Execution, step: StepState): HoldPlan | undefined {
  const action = step.action;
  return action === 'codeQuality' || action === 'approval' || action === 'schedule' ? execution.sim.plan?.holds?.[action] : undefined;
}

/** The decision a scenario's `accept` takes on a waiting step. */
function acceptDecision(sim: Simulation, execution: Execution, step: StepState): StepDecision {
  if (step.action === 'codeQuality') return { kind: 'override', kpis: sim.failingImportantKpis(execution, step) };
  if (step.action === 'approval') return { kind: 'approve' };
  if (step.action === 'schedule') return { kind: 'scheduleImmediate' };
  return { kind: 'managedStart' };
}

/** The outcome a scripted run starts with (the plan's extras are read from `execution.sim.plan`). */
function outcomeOf(plan: RunPlan): Outcome {
  return { codeQuality: plan.codeQuality, tests: plan.tests, deploy: plan.deploy, audit: plan.audit };
}

/** "14 days", "30 minutes", "90 seconds": a hold's timeout in the words of its error. */
export function durationWords(ms: number): string {
  const units: [number, string][] = [
    [24 * 3600_000, 'day'],
    [3600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  }
  return `${ms} ms`;
}
