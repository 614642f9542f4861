/**
 * Scale data (issue #5): more programs, and a long history on WKND Sites' production pipeline.
 * Deterministic (seeded by the state's seed), and fast: historical runs are planned like live ones
 * and played to their end at once, without stepping the clock.
 */
import { DAY_MS, type Execution, type Outcome, type Pipeline, type SimState, type StepState } from './model';
import { createRng, hashString, type Rng } from './content/rng';
import type { Simulation } from './engine';
import { addProgram } from './seed';
import { seededActor } from './users';

/** The largest totals a populate request may ask for. */
export const POPULATE_LIMITS = { programs: 5000, executions: 50000 } as const;
/** The pipeline whose history `executions` fills: WKND Sites' production pipeline. */
export const HISTORY_PIPELINE = { programId: '1', pipelineId: '101' } as const;

export interface PopulateRequest {
  /** Total number of programs wanted. */
  programs?: number;
  /** Total number of executions wanted on pipeline 101. */
  executions?: number;
}

export interface PopulateResult {
  programs: number;
  executions: number;
  added: { programs: number; executions: number };
}

const NAMES = ['Harbor', 'Summit', 'Cobalt', 'Meridian', 'Juniper', 'Atlas', 'Beacon', 'Lumen', 'Orchid', 'Granite', 'Vista', 'Nimbus'];
const KINDS = ['Sites', 'Commerce', 'Portal', 'Intranet', 'Assets Hub', 'Campaigns'];

/** Adds minimal programs (dev/stage/prod, a repository, a production pipeline) up to `total`. */
function addPrograms(state: SimState, total: number): number {
  const rng = createRng(hashString(`populate-programs:${state.seed}`));
  let added = 0;
  let id = state.programs.reduce((max, p) => Math.max(max, Number(p.id) || 0), 0);
  const oldest = state.programs.reduce((min, p) => Math.min(min, p.createdAt), state.now);
  while (state.programs.length < total) {
    id += 1;
    const name = `${rng.pick(NAMES)} ${rng.pick(KINDS)} ${id}`;
    const slug = `p${id}`;
    const createdAt = oldest - rng.int(1, 900) * DAY_MS;
    addProgram(
      state,
      {
        name,
        slug,
        solutions: ['Sites'],
        history: 0,
        approval: rng.chance(0.5),
        scheduled: false,
        uiTests: false,
        extraPipelines: false,
        auditPages: ['/'],
      },
      String(id),
      createdAt,
    );
    added += 1;
  }
  return added;
}

type Ending = 'pass' | 'critical' | 'tests' | 'reject' | 'prodError';
const PASS: Outcome = { codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'normal' };
const OUTCOMES: Record<Ending, Outcome> = {
  pass: PASS,
  critical: { ...PASS, codeQuality: 'critical' },
  tests: { ...PASS, tests: 'functionalTestFailure' },
  reject: PASS,
  prodError: { ...PASS, deploy: 'prodFailure' },
};

function ending(rng: Rng): Ending {
  const roll = rng.next();
  if (roll < 0.82) return 'pass';
  if (roll < 0.87) return 'critical';
  if (roll < 0.92) return 'tests';
  if (roll < 0.96) return 'reject';
  return 'prodError';
}

/** Plays a planned execution to its end from its createdAt; returns the time it ended. */
function playToEnd(sim: Simulation, execution: Execution, end: Ending, rng: Rng): number {
  let t = execution.createdAt;
  const finish = (step: StepState, status: StepState['status'], at: number) => {
    step.status = status;
    step.finishedAt = at;
    step.updatedAt = at;
  };
  for (const step of execution.steps) {
    step.startedAt = t;
    sim.onStepStarted(execution, step);
    const at = t + step.sim.durationMs;
    if (step.action === 'approval' || step.action === 'schedule') {
      const decidedAt = at + rng.int(2, 60) * 60_000;
      const permission = step.action === 'approval' ? 'productionApprove' : 'productionSchedule';
      step.sim.decision = { by: seededActor(permission, `decide:${step.id}`), at: decidedAt };
      if (step.action === 'approval' && end === 'reject') {
        step.sim.endedBy = 'reject';
        step.details = { ...step.details, input: { approved: false } };
        finish(step, 'CANCELLED', decidedAt);
        return endAs(execution, 'CANCELLED', decidedAt);
      }
      if (step.action === 'approval') step.sim.endedBy = 'approve';
      step.details = { ...step.details, input: step.action === 'approval' ? { approved: true } : { type: 'IMMEDIATE' } };
      finish(step, 'FINISHED', decidedAt);
      t = decidedAt;
      continue;
    }
    finish(step, step.sim.result, at);
    t = at;
    if (step.sim.result === 'FAILED' || step.sim.result === 'ERROR') {
      if (step.sim.errors?.length) step.details = { ...step.details, errors: step.sim.errors };
      return endAs(execution, 'FAILED', at);
    }
  }
  return endAs(execution, 'FINISHED', t);
}

function endAs(execution: Execution, status: Execution['status'], at: number): number {
  execution.status = status;
  execution.updatedAt = at;
  execution.finishedAt = at;
  return at;
}

/** Adds finished runs before the pipeline's oldest one until it has `total` executions. */
function addHistory(sim: Simulation, pipeline: Pipeline, total: number): number {
  const state = sim.state;
  const own = state.executions.filter((e) => e.pipelineId === pipeline.id);
  const missing = total - own.length;
  if (missing <= 0) return 0;
  const rng = createRng(hashString(`populate-history:${state.seed}:${own.length}`));
  // Plan the start times backwards from the oldest run, leaving room for each run to end.
  const starts: number[] = [];
  let next = own.reduce((min, e) => Math.min(min, e.createdAt), state.now);
  for (let i = 0; i < missing; i += 1) {
    next -= rng.int(3, 8) * 3600_000;
    starts.push(next);
  }
  const history: Execution[] = [];
  for (const createdAt of starts.reverse()) {
    const end = ending(rng);
    const user = seededActor('executionStart', `populate:${createdAt}`);
    const execution = sim.newExecution(pipeline, createdAt, { trigger: 'MANUAL', outcome: OUTCOMES[end], user });
    playToEnd(sim, execution, end, rng);
    history.push(execution);
  }
  state.executions = [...history, ...state.executions];
  return missing;
}

/** Adds programs and history up to the requested totals (never removes anything). */
export function populate(sim: Simulation, request: PopulateRequest): PopulateResult {
  const state = sim.state;
  const addedPrograms = request.programs === undefined ? 0 : addPrograms(state, request.programs);
  let addedExecutions = 0;
  if (request.executions !== undefined) {
    const pipeline = sim.pipeline(HISTORY_PIPELINE.programId, HISTORY_PIPELINE.pipelineId);
    addedExecutions = addHistory(sim, pipeline, request.executions);
  }
  const executions = state.executions.filter((e) => e.pipelineId === HISTORY_PIPELINE.pipelineId).length;
  return { programs: state.programs.length, executions, added: { programs: addedPrograms, executions: addedExecutions } };
}
