/** The journal: one entry per transition of a run, in order, the same whatever the clock's granularity; bounded; started empty. */
import { describe, expect, it } from 'vitest';
import { content } from './content';
import { Simulation } from './engine';
import { record, emptyJournal, transition, entriesAfter, cursorRange, type JournalEntry } from './journal';
import { createSeedState } from './seed';
import { Simulator } from './simulator';
import { SEED_USERS, actorOf } from './users';
import {
  WALL_START,
  WKND,
  isOver,
  isWaitingAt,
  newSimulation,
  runToCompletion,
  runUntil,
  startRun,
  stepOf,
  waitingStep,
} from './test-helpers';

const marco = actorOf(SEED_USERS[2]);
const entriesOf = (sim: Simulation, executionId: string) => sim.state.journal.entries.filter((e) => e.executionId === executionId);
const describeEntry = (e: JournalEntry) =>
  `${e.kind.replace('pipeline_execution_', '')}${e.action ? ` ${e.action}` : ''}${e.status ? ` ${e.status}` : ''}`;

describe('the journal', () => {
  it('starts empty with the seed: the seeded history is the past', () => {
    const { sim } = newSimulation();
    expect(sim.state.journal).toEqual({ nextSeq: 1, entries: [] });
    expect(sim.state.executions.length).toBeGreaterThan(30);
  });

  it('records a production run with holds: started, each step started (not the held ones), waiting, ended, then ended', () => {
    const { sim, clock } = newSimulation();
    sim.state.settings.outcome = 'pass';
    clock.now += 1000;
    const execution = sim.start(WKND.programId, WKND.production, clock.now, { user: marco });
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'approve' }, clock.now, marco);
    runUntil(sim, clock, isWaitingAt(execution, 'schedule'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'scheduleImmediate' }, clock.now, marco);
    runUntil(sim, clock, isOver(execution));
    const entries = entriesOf(sim, execution.id);
    expect(entries.map(describeEntry)).toEqual([
      'start RUNNING',
      'step_start validate RUNNING',
      'step_end validate FINISHED',
      'step_start build RUNNING',
      'step_end build FINISHED',
      'step_end codeQuality FINISHED',
      'step_start buildImage RUNNING',
      'step_end buildImage FINISHED',
      'step_start deploy RUNNING',
      'step_end deploy FINISHED',
      'step_start productTest RUNNING',
      'step_end productTest FINISHED',
      'step_start functionalTest RUNNING',
      'step_end functionalTest FINISHED',
      'step_start uiTest RUNNING',
      'step_end uiTest FINISHED',
      'step_start contentAudit RUNNING',
      'step_end contentAudit FINISHED',
      'step_waiting approval WAITING',
      'step_end approval FINISHED',
      'step_waiting schedule WAITING',
      'step_end schedule FINISHED',
      'step_start deploy RUNNING',
      'step_end deploy FINISHED',
      'end FINISHED',
    ]);
    // In time order, numbered in order, each transition at the simulated time it happened.
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => entries[0].seq + i));
    expect(entries[0]).toMatchObject({ at: execution.createdAt, actor: marco.id, programId: '1', pipelineId: '101' });
    const approval = stepOf(execution, 'approval');
    expect(entries.find((e) => e.kind === 'pipeline_execution_step_end' && e.action === 'approval')).toMatchObject({
      stepStateId: approval.id,
      stepId: approval.stepId,
      phaseId: approval.phaseId,
      at: approval.finishedAt,
      actor: marco.id,
    });
    expect(entries.at(-1)).toMatchObject({ at: execution.finishedAt, status: 'FINISHED' });
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same entries and ids whether the clock moved in seconds or in one jump (a restart catching up)', () => {
    const run = (stepMs: number) => {
      const { sim, clock } = newSimulation();
      const first = startRun(sim, clock, WKND.programId, WKND.dev);
      const second = startRun(sim, clock, '2', '201');
      runUntil(sim, clock, () => isOver(first)() && isOver(second)(), 6 * 3600_000, stepMs);
      return [first, second].map((e) => entriesOf(sim, e.id).map((x) => `${x.id} ${describeEntry(x)} ${x.at}`));
    };
    const fine = run(1000);
    expect(run(6 * 3600_000)).toEqual(fine);
    expect(fine[0].length).toBeGreaterThan(5);
  });

  it('records who decided, timeouts without anyone, cancels with the step cancelled then the run', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, () => stepOf(execution, 'build').status === 'RUNNING');
    sim.cancel(execution, stepOf(execution, 'build'), { kind: 'cancel' }, clock.now, marco);
    runUntil(sim, clock, isOver(execution));
    expect(entriesOf(sim, execution.id).slice(-3).map(describeEntry)).toEqual([
      'step_start build RUNNING',
      'step_end build CANCELLED',
      'end CANCELLED',
    ]);
    expect(entriesOf(sim, execution.id).at(-2)!.actor).toBe(marco.id);
    const held = startRun(sim, clock, WKND.programId, WKND.production);
    runToCompletion(sim, clock, held); // approves as nobody (no actor): no actor recorded
    expect(entriesOf(sim, held.id).filter((e) => e.actor)).toEqual([expect.objectContaining({ kind: 'pipeline_execution_start' })]);
  });

  it('keeps only the newest entries past its limit, numbering on', () => {
    const journal = emptyJournal();
    const { sim } = newSimulation();
    const execution = sim.state.executions[0];
    for (let i = 0; i < 12; i += 1) record(journal, 1, transition('pipeline_execution_start', execution, i), 5);
    expect(journal.entries.map((e) => e.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(cursorRange(journal)).toEqual({ oldest: 7, newest: 12 });
    expect(entriesAfter(journal, 9, 2).map((e) => e.seq)).toEqual([10, 11]);
    expect(entriesAfter(journal, 7, 100).map((e) => e.seq)).toEqual([8, 9, 10, 11, 12]);
    // A simulation with a limit keeps that many.
    const small = new Simulation(createSeedState(1, WALL_START, content), content, { journalLimit: 10 });
    const clock = { now: WALL_START };
    const run = startRun(small, clock, WKND.programId, WKND.dev);
    runUntil(small, clock, isOver(run));
    expect(small.state.journal.entries).toHaveLength(10);
    expect(small.state.journal.entries.at(-1)!.kind).toBe('pipeline_execution_end');
  });

  it('starts again empty after a reset, counting on (a cursor from before is recognised as gone)', () => {
    let wall = WALL_START;
    const simulator = new Simulator({ seed: 1, content, wallClock: () => wall });
    simulator.engine.start(WKND.programId, WKND.dev, simulator.now());
    wall += 3600_000;
    simulator.now();
    const before = simulator.state.journal.nextSeq;
    expect(before).toBeGreaterThan(5);
    simulator.reset();
    expect(simulator.state.journal).toEqual({ nextSeq: before, entries: [] });
  });
});
