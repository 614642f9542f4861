/** Shared set-up for the engine's tests: a seeded simulation driven by an explicit simulated clock. */
import { content } from './content';
import { Simulation, isActiveExecution } from './engine';
import type { Execution, OutcomePreset, StepState } from './model';
import { createSeedState } from './seed';
import { DomainError } from './errors';
import { dateOf, logSource, logText } from './environment-logs';

export const WALL_START = Date.UTC(2026, 10, 28, 9, 0, 0);
/** WKND Sites: production pipeline with approval and schedule, plus dev and code-quality pipelines. */
export const WKND = { programId: '1', production: '101', dev: '102', quality: '103' };
/** Acme Intranet: production pipeline with approval only, never run. */
export const ACME = { programId: '3', production: '301' };
/** Summit Launch: dev, stage and prod environments and a repository, but no pipeline yet. */
export const SUMMIT = { programId: '5', repositoryId: '205', dev: '10050', stage: '10051', prod: '10052' };

export function newSimulation(seed = 1): { sim: Simulation; clock: { now: number } } {
  const state = createSeedState(seed, WALL_START, content);
  const sim = new Simulation(state, content);
  return { sim, clock: { now: WALL_START } };
}

export function startRun(
  sim: Simulation,
  clock: { now: number },
  programId: string,
  pipelineId: string,
  outcome: OutcomePreset = 'pass',
): Execution {
  sim.state.settings.outcome = outcome;
  clock.now += 1000;
  return sim.start(programId, pipelineId, clock.now);
}

/** Move simulated time forward in small steps until `until` holds (or `maxMs` has passed). */
export function runUntil(sim: Simulation, clock: { now: number }, until: () => boolean, maxMs = 6 * 3600_000, stepMs = 5_000): void {
  const limit = clock.now + maxMs;
  while (!until() && clock.now < limit) {
    clock.now += stepMs;
    sim.advanceTo(clock.now);
  }
}

export const waitingStep = (execution: Execution): StepState | undefined => execution.steps.find((s) => s.status === 'WAITING');
export const stepOf = (execution: Execution, action: string, environmentType?: string): StepState =>
  execution.steps.find((s) => s.action === action && (environmentType === undefined || s.environmentType === environmentType)) as StepState;
export const isOver = (execution: Execution) => () => !isActiveExecution(execution);
export const isWaitingAt = (execution: Execution, action: string) => () => waitingStep(execution)?.action === action;

/** Drive a run through every hold with the friendly answer until it ends. */
export function runToCompletion(sim: Simulation, clock: { now: number }, execution: Execution): void {
  for (let i = 0; i < 10 && isActiveExecution(execution); i += 1) {
    runUntil(sim, clock, () => !isActiveExecution(execution) || waitingStep(execution) !== undefined);
    const waiting = waitingStep(execution);
    if (!waiting) continue;
    if (waiting.action === 'approval') sim.advance(execution, waiting, { kind: 'approve' }, clock.now);
    else if (waiting.action === 'schedule') sim.advance(execution, waiting, { kind: 'scheduleImmediate' }, clock.now);
    else sim.advance(execution, waiting, { kind: 'override', kpis: sim.failingImportantKpis(execution, waiting) }, clock.now);
  }
  runUntil(sim, clock, isOver(execution));
}

/** The text of an environment log's day (the day of `until`, or `date`) written before `until`. */
export function environmentLog(
  sim: Simulation,
  environmentId: string,
  service: string,
  name: string,
  until: number,
  date?: string,
): string {
  const environment = sim.environment(environmentId)!;
  const source = logSource(sim, environment, service, name, date ?? dateOf(until));
  return [...logText(source, source.dayStart, until)].join('');
}

/** The refusal `fn` throws (a DomainError); fails when it throws nothing or something else. */
export function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The whole text of a step's log `file` (as planned: every line, whatever the time). */
export function stepLog(sim: Simulation, execution: Execution, step: StepState, file = 'main'): string {
  return (content.logLines(sim.context(execution, step), file) ?? []).map((l) => l.text).join('\n');
}
