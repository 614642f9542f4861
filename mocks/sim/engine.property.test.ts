// @vitest-environment node
/**
 * Property-based tests of the engine's invariants (issue #6) over random sequences of starts,
 * advances, cancels, re-executions, outcome changes and clock jumps on the seeded programs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { content } from './content';
import { Simulation, isActiveExecution } from './engine';
import {
  TERMINAL_EXECUTION,
  type Execution,
  type ImportantMetricsBehavior,
  type OutcomePreset,
  type SimState,
  type StepState,
} from './model';
import { OUTCOME_PRESETS } from './outcomes';
import { createSeedState } from './seed';
import { WALL_START } from './test-helpers';
import { DomainError } from './errors';
import type { CancelRequest, StepDecision } from './decisions';
import { push } from './git';
import { editPipeline } from './pipeline-config';
import { HOLDS, type Hold } from './pipeline-phases';
import * as hal from '../api/hal';
import { hrefs } from '../api/hrefs';
import { findLink } from '../../test-support/hal';
const PIPELINES = [
  { programId: '1', pipelineId: '101' },
  { programId: '1', pipelineId: '102' },
  { programId: '1', pipelineId: '103' },
  { programId: '2', pipelineId: '201' },
  { programId: '3', pipelineId: '301' },
  { programId: '4', pipelineId: '401' },
];

type Command =
  | { kind: 'start'; pipeline: number; pushUpdate: boolean }
  | { kind: 'reExecute'; pipeline: number; anyStep: number | undefined }
  | { kind: 'advance'; pipeline: number; step: number | undefined; decision: number; scheduleInMs: number }
  | { kind: 'cancel'; pipeline: number; step: number | undefined; request: number }
  | { kind: 'jump'; ms: number }
  | { kind: 'outcome'; preset: OutcomePreset }
  | { kind: 'behavior'; pipeline: number; behavior: ImportantMetricsBehavior }
  | { kind: 'configure'; pipeline: number; holds: Hold[]; trigger: 'MANUAL' | 'ON_COMMIT' }
  | { kind: 'push'; pipeline: number };

const CANCEL_REQUESTS: CancelRequest[] = [
  { kind: 'rejectApproval' },
  { kind: 'rejectQuality' },
  { kind: 'cancel' },
  { kind: 'managedNoStart' },
  { kind: 'cancel' },
];

/** Mostly the pipelines with holds (WKND and Acme production), sometimes any. */
const pipelineIndex = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(0, 4) }, { weight: 1, arbitrary: fc.nat(PIPELINES.length - 1) });
/** undefined: the waiting step of the pipeline's latest run (if any); a number: any step of it. */
const stepPick = fc.option(fc.nat(30), { freq: 3, nil: undefined });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('start' as const), pipeline: pipelineIndex, pushUpdate: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reExecute' as const),
      pipeline: pipelineIndex,
      anyStep: fc.option(fc.nat(30), { freq: 4, nil: undefined }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      pipeline: pipelineIndex,
      step: stepPick,
      decision: fc.oneof({ weight: 2, arbitrary: fc.constant(-1) }, fc.nat(6)),
      scheduleInMs: fc.integer({ min: -3600_000, max: 20 * 24 * 3600_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      pipeline: pipelineIndex,
      step: stepPick,
      request: fc.nat(CANCEL_REQUESTS.length - 1),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('jump' as const),
      ms: fc.oneof(
        fc.integer({ min: 0, max: 10 * 60_000 }),
        fc.integer({ min: 0, max: 3 * 3600_000 }),
        fc.integer({ min: 0, max: 16 * 24 * 3600_000 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('outcome' as const),
      preset: fc.oneof(
        // Holds at code quality are the rarest interesting place; favour the preset that reaches them.
        { weight: 1, arbitrary: fc.constant('importantQualityFailure' as const) },
        { weight: 2, arbitrary: fc.constantFrom(...OUTCOME_PRESETS) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('configure' as const),
      pipeline: pipelineIndex,
      holds: fc.subarray([...HOLDS]),
      trigger: fc.constantFrom('MANUAL' as const, 'ON_COMMIT' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('push' as const), pipeline: pipelineIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('behavior' as const),
      pipeline: pipelineIndex,
      behavior: fc.constantFrom<ImportantMetricsBehavior>('ASK', 'FAIL', 'CONTINUE'),
    }),
  },
);

const seedState = createSeedState(1, WALL_START, content);

/** `choice` -1: the decision the step expects (approve, schedule now or later, override); otherwise any decision. */
function advanceDecision(sim: Simulation, execution: Execution, step: StepState, choice: number, at: number): StepDecision {
  if (choice === -1) choice = { approval: 0, schedule: at % 2 ? 1 : 2, codeQuality: 3, managed: 4 }[step.action as string] ?? 5;
  const failing = step.action === 'codeQuality' ? sim.failingImportantKpis(execution, step) : [];
  switch (choice) {
    case 0:
      return { kind: 'approve' };
    case 1:
      return { kind: 'scheduleImmediate' };
    case 2:
      return { kind: 'scheduleAt', at, schedule: new Date(at).toISOString() };
    case 3:
      return { kind: 'override', kpis: failing };
    case 4:
      return { kind: 'managedStart' };
    case 5:
      return { kind: 'override', kpis: failing.slice(1) };
    default:
      return { kind: 'override', kpis: [] };
  }
}

/** cm-ui.md §9, restated independently of engine.canReExecute. */
function reExecuteAllowed(state: SimState, execution: Execution, step: StepState): boolean {
  const own = state.executions.filter((e) => e.pipelineId === execution.pipelineId);
  return (
    step.action === 'deploy' &&
    step.environmentType === 'prod' &&
    own[own.length - 1] === execution &&
    TERMINAL_EXECUTION.includes(execution.status) &&
    ['FINISHED', 'FAILED', 'ERROR', 'CANCELLED', 'ROLLED_BACK'].includes(step.status) &&
    execution.trigger !== 'PUSH_UPGRADES'
  );
}

class Checker {
  private readonly updated = new Map<string, number>();
  private readonly stepUpdated = new Map<string, number>();
  checks = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly clock: { now: number },
  ) {}

  check(): void {
    const { sim } = this;
    const state = sim.state;
    const ctx: hal.RenderContext = { engine: sim, hrefs: hrefs('standard'), now: this.clock.now };
    for (const { pipelineId } of PIPELINES) {
      const own = state.executions.filter((e) => e.pipelineId === pipelineId);
      const active = own.filter(isActiveExecution);
      if (active.length > 1) throw new Error(`pipeline ${pipelineId} has ${active.length} active executions`);
      // The HAL links of the two latest runs follow the rules.
      for (const execution of own.slice(-2)) {
        const representation = hal.execution(ctx, execution);
        execution.steps.forEach((step, i) => {
          const rendered = representation._embedded.stepStates[i];
          const reExecute = findLink(rendered, 'pipeline/reExecute');
          if (!!reExecute !== reExecuteAllowed(state, execution, step)) {
            throw new Error(
              `reExecute link ${reExecute ? 'present' : 'absent'} on ${step.action} (${step.status}) of ${execution.status} ${execution.trigger} run ${execution.id}`,
            );
          }
          if (reExecute && !reExecute.href.endsWith(`/pipeline/${pipelineId}/execution?stepId=${step.stepId}`))
            throw new Error(`reExecute href ${reExecute.href}`);
          if (!!findLink(rendered, 'pipeline/advance') !== (step.status === 'WAITING'))
            throw new Error(`advance link on a ${step.status} step`);
        });
      }
    }
    for (const execution of state.executions) this.checkExecution(execution);
    this.checks += 1;
  }

  private checkExecution(e: Execution): void {
    const where = `execution ${e.id} (${e.status})`;
    const now = this.clock.now;
    if (TERMINAL_EXECUTION.includes(e.status)) {
      const live = e.steps.find((s) => s.status === 'RUNNING' || s.status === 'WAITING' || s.status === 'ROLLING_BACK');
      if (live) throw new Error(`${where} has a ${live.status} ${live.action} step`);
      if (e.finishedAt === undefined) throw new Error(`${where} has no finishedAt`);
    } else if (e.finishedAt !== undefined) throw new Error(`${where} is active but has finishedAt`);
    if (e.updatedAt < e.createdAt) throw new Error(`${where}: updatedAt before createdAt`);
    if (e.finishedAt !== undefined && (e.finishedAt < e.createdAt || e.finishedAt > now))
      throw new Error(`${where}: finishedAt out of order`);
    if (e.updatedAt > now) throw new Error(`${where}: updatedAt in the future`);
    const last = this.updated.get(e.id);
    if (last !== undefined && e.updatedAt < last) throw new Error(`${where}: updatedAt went back from ${last} to ${e.updatedAt}`);
    this.updated.set(e.id, e.updatedAt);
    let previousFinish = e.createdAt;
    for (const s of e.steps) {
      const at = `${where} step ${s.action} (${s.status})`;
      if (s.status === 'NOT_STARTED') {
        if (s.startedAt !== undefined || s.finishedAt !== undefined) throw new Error(`${at}: times on a step that has not started`);
      } else {
        if (s.startedAt === undefined || s.startedAt < e.createdAt) throw new Error(`${at}: startedAt before the execution's createdAt`);
        if (s.startedAt < previousFinish) throw new Error(`${at}: started before the previous step finished`);
        if (s.finishedAt !== undefined && s.finishedAt < s.startedAt) throw new Error(`${at}: finishedAt before startedAt`);
        if (s.finishedAt !== undefined && e.finishedAt !== undefined && s.finishedAt > e.finishedAt)
          throw new Error(`${at}: finished after its execution`);
        if (s.finishedAt !== undefined && s.finishedAt > now) throw new Error(`${at}: finishedAt in the future`);
        previousFinish = s.finishedAt ?? s.startedAt;
      }
      const key = `${e.id}/${s.id}`;
      const stepLast = this.stepUpdated.get(key);
      if (stepLast !== undefined && s.updatedAt < stepLast) throw new Error(`${at}: updatedAt went back`);
      this.stepUpdated.set(key, s.updatedAt);
    }
  }
}

function latestOf(sim: Simulation, index: number): Execution | undefined {
  return sim.latestExecution(PIPELINES[index].pipelineId);
}

function pickStep(execution: Execution, pick: number | undefined): StepState | undefined {
  if (pick === undefined) return execution.steps.find((s) => s.status === 'WAITING') ?? execution.steps.find((s) => s.status === 'RUNNING');
  return execution.steps[pick % execution.steps.length];
}

/** Runs one command; refusals must be DomainErrors that leave the state as it was. */
function run(sim: Simulation, clock: { now: number }, c: Command, stats: Record<string, number>): void {
  const attempt = (name: string, action: () => void) => {
    const before = JSON.stringify(sim.state);
    try {
      action();
      stats[`${name} ok`] = (stats[`${name} ok`] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (JSON.stringify(sim.state) !== before)
        throw new Error(`${name} was refused (${error.code}: ${error.title}) but changed the state`, { cause: error });
      stats[`${name} ${error.code}`] = (stats[`${name} ${error.code}`] ?? 0) + 1;
    }
  };
  const target = PIPELINES['pipeline' in c ? c.pipeline : 0];
  switch (c.kind) {
    case 'jump':
      clock.now += c.ms;
      sim.advanceTo(clock.now);
      return;
    case 'outcome':
      sim.state.settings.outcome = c.preset;
      return;
    case 'behavior':
      sim.pipeline(target.programId, target.pipelineId).sim.importantMetricsBehavior = c.behavior;
      return;
    case 'configure': {
      // The production holds and the trigger, as the Edit dialog sets them (refused while busy).
      const pipeline = sim.pipeline(target.programId, target.pipelineId);
      const prod = pipeline.phases.some((p) => p.environmentType === 'prod');
      const phases = prod
        ? [{ type: 'DEPLOY' as const, environmentType: 'prod' as const, steps: [...c.holds.map((name) => ({ name }))] }]
        : [];
      attempt('configure', () => editPipeline(sim, pipeline, { trigger: c.trigger, phases }, clock.now));
      return;
    }
    case 'push': {
      const build = sim.pipeline(target.programId, target.pipelineId).phases.find((p) => p.type === 'BUILD')!;
      clock.now += 1000;
      attempt('push', () =>
        push(sim, { programId: target.programId, repositoryId: build.repositoryId!, branch: build.branch! }, clock.now),
      );
      return;
    }
    case 'start':
      clock.now += 1000;
      sim.advanceTo(clock.now);
      attempt('start', () => sim.start(target.programId, target.pipelineId, clock.now, c.pushUpdate ? { trigger: 'PUSH_UPGRADES' } : {}));
      return;
    case 'reExecute': {
      const latest = latestOf(sim, c.pipeline);
      const step =
        latest &&
        (c.anyStep === undefined
          ? latest.steps.find((s) => s.action === 'deploy' && s.environmentType === 'prod')
          : latest.steps[c.anyStep % latest.steps.length]);
      if (!latest || !step) return;
      const ctx: hal.RenderContext = { engine: sim, hrefs: hrefs('standard'), now: clock.now };
      const offered = !!findLink(hal.execution(ctx, latest)._embedded.stepStates[latest.steps.indexOf(step)], 'pipeline/reExecute');
      const count = sim.state.executions.length;
      attempt('reExecute', () => sim.start(target.programId, target.pipelineId, clock.now, { stepId: step.stepId }));
      // Following the link starts a RE_EXECUTE run; without the link the start is refused.
      if (offered !== (sim.state.executions.length === count + 1))
        throw new Error(`reExecute ${offered ? 'offered but refused' : 'not offered but accepted'}`);
      if (offered && sim.state.executions[count].trigger !== 'RE_EXECUTE') throw new Error('a re-execution without the RE_EXECUTE trigger');
      return;
    }
    case 'advance':
    case 'cancel': {
      const latest = latestOf(sim, c.pipeline);
      const step = latest && pickStep(latest, c.step);
      if (!latest || !step) return;
      if (c.kind === 'advance') {
        const decision = advanceDecision(sim, latest, step, c.decision, clock.now + c.scheduleInMs);
        attempt(`advance ${step.action}`, () => sim.advance(latest, step, decision, clock.now));
      } else {
        attempt(`cancel ${step.action}`, () => sim.cancel(latest, step, CANCEL_REQUESTS[c.request], clock.now));
      }
      return;
    }
  }
}

describe('engine invariants over random command sequences', () => {
  it('holds: one active run per pipeline, ended runs have no live step, reExecute only where allowed, time never goes back', () => {
    const stats: Record<string, number> = {};
    let sequences = 0;
    let commands = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 40 }), (sequence) => {
        const sim = new Simulation(structuredClone(seedState), content);
        const clock = { now: WALL_START };
        const checker = new Checker(sim, clock);
        checker.check();
        for (const c of sequence) {
          run(sim, clock, c, stats);
          checker.check();
        }
        sequences += 1;
        commands += sequence.length;
      }),
      { numRuns: 200, seed: 611 },
    );
    expect(sequences).toBe(200);
    // The sequences reached the interesting places, not only refusals.
    for (const reached of [
      'start ok',
      'start busy',
      'reExecute ok',
      'reExecute not_allowed',
      'advance approval ok',
      'advance schedule ok',
      'advance codeQuality ok',
      'cancel approval ok',
      'advance approval already_decided',
      'configure ok',
      'configure busy',
      'push ok',
    ]) {
      expect(stats[reached] ?? 0, reached).toBeGreaterThan(0);
    }
    expect(commands).toBeGreaterThan(2000);
  }, 120_000);
});
