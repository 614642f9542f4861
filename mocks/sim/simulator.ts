/**
 * The simulator as the HTTP layer and the entry points use it: the engine plus the wall clock,
 * the simulation controls, and a hook to persist the state after every change.
 */
import { simNow, withJump, withSpeed } from './clock';
import { Simulation } from './engine';
import type { Execution, Outcome, OutcomePreset, Quirks, SimSettings, SimState } from './model';
import { checkScenario, quirksRecord, scenarioState, type Scenario } from './scenario';
import { createSeedState } from './seed';
import { populate, type PopulateRequest, type PopulateResult } from './populate';
import { push, type Push, type PushResult } from './git';
import type { ContentGenerators } from './content/types';
import { emptyJournal } from './journal';

export interface SimulatorOptions {
  seed?: number;
  /** Starting state (from storage); the seed data is made when absent. */
  state?: SimState;
  /** The wall clock (Date.now by default); tests pass a fake. */
  wallClock?: () => number;
  content: ContentGenerators;
  /** Called after every change made by a request or a control (persist here). */
  onChange?: (state: SimState) => void;
  /** Initial speed, overriding the stored one. */
  speed?: number;
  /** Journal entries kept (JOURNAL_LIMIT by default; the browser keeps fewer, to fit in localStorage). */
  journalLimit?: number;
}

export const DEFAULT_SEED = 1;

export class Simulator {
  readonly engine: Simulation;
  private readonly wall: () => number;
  private readonly onChange?: (state: SimState) => void;
  private readonly content: ContentGenerators;

  constructor(options: SimulatorOptions) {
    this.wall = options.wallClock ?? (() => Date.now());
    this.content = options.content;
    this.onChange = options.onChange;
    const state = options.state ?? createSeedState(options.seed ?? DEFAULT_SEED, this.wall(), options.content);
    this.engine = new Simulation(state, options.content, { journalLimit: options.journalLimit });
    if (options.speed !== undefined) this.setSpeed(options.speed);
  }

  get state(): SimState {
    return this.engine.state;
  }

  /** Simulated time now; advances the engine to it (a reload or restart catches up here). */
  now(): number {
    const now = Math.max(this.state.now, simNow(this.state.settings, this.wall()));
    this.engine.advanceTo(now);
    return now;
  }

  wallNow(): number {
    return this.wall();
  }

  changed(): void {
    this.onChange?.(this.state);
  }

  /** Simulated milliseconds per wall millisecond from now on (0 < speed ≤ MAX_SPEED; mocks/api checks). */
  setSpeed(speed: number): void {
    this.now();
    this.state.settings = withSpeed(this.state.settings, speed, this.wall());
    this.changed();
  }

  /** Jump the simulated clock `advanceMs` forward (whole milliseconds). */
  jump(advanceMs: number): void {
    this.now();
    this.state.settings = withJump(this.state.settings, Math.floor(advanceMs), this.wall());
    this.now();
    this.changed();
  }

  /** The outcome of runs started from now on. */
  setOutcome(outcome: OutcomePreset | Outcome): void {
    this.state.settings = { ...this.state.settings, outcome };
    this.changed();
  }

  setLayout(layout: SimSettings['layout']): void {
    this.state.settings = { ...this.state.settings, layout };
    this.changed();
  }

  /** Start a push-update run (an AEM release pushed by Adobe: trigger PUSH_UPGRADES). */
  pushUpdate(programId: string, pipelineId: string): Execution {
    const execution = this.engine.start(programId, pipelineId, this.now(), { trigger: 'PUSH_UPGRADES' });
    this.changed();
    return execution;
  }

  /** A commit pushed to a branch: the ON_COMMIT pipelines building it start (see git.ts). */
  push(request: Push): PushResult {
    const result = push(this.engine, request, this.now());
    this.changed();
    return result;
  }

  /** Scale data: programs and WKND history up to the totals in `request` (see populate.ts). */
  populate(request: PopulateRequest): PopulateResult {
    this.now();
    const result = populate(this.engine, request);
    this.changed();
    return result;
  }

  /**
   * Back to the seed data of `seed` (the current seed by default), keeping the speed. The journal
   * starts again empty but keeps counting, so a cursor from before the reset is recognised as gone.
   */
  reset(seed?: number): void {
    // With a scenario loaded, a reset without a seed starts the scenario again.
    const loaded = seed === undefined && this.state.scenario ? checkScenario(this.state.scenario.source).scenario : undefined;
    if (loaded) {
      this.loadScenario(loaded, this.state.scenario?.source);
      return;
    }
    const speed = this.state.settings.speed;
    this.replaceState(createSeedState(seed ?? this.state.seed, this.wall(), this.content));
    this.state.settings = withSpeed(this.state.settings, speed, this.wall());
    this.changed();
  }

  /**
   * The world of a scenario (checked by scenario.ts), from its start: the state is replaced as a
   * whole, with the scenario's seed, clock start and speed; `source` is kept for a later reset.
   */
  loadScenario(scenario: Scenario, source: unknown): void {
    this.replaceState(scenarioState(scenario, source, this.wall(), this.content));
    this.changed();
  }

  /** The API quirks from now on (a maintenance window starts now); the world and the script are kept. */
  setQuirks(quirks: Quirks): void {
    this.now();
    const scenario = this.state.scenario ?? { name: '', source: undefined, script: {}, quirks: {} };
    this.state.scenario = { ...scenario, maintenanceUntil: undefined, ...quirksRecord(quirks, this.wall()) };
    this.changed();
  }

  /** A new state; the journal starts again empty but keeps counting, so a cursor from before is recognised as gone. */
  private replaceState(state: SimState): void {
    const nextSeq = this.state.journal.nextSeq;
    this.engine.state = state;
    this.state.journal = emptyJournal(nextSeq);
  }
}
