/**
 * The simulator as the HTTP layer and the entry points use it: the engine plus the wall clock,
 * the simulation controls, and a hook to persist the state after every change.
 */
import { MAX_SPEED, simNow, withJump, withSpeed } from './clock';
import { Simulation } from './engine';
import { SimError, type Outcome, type OutcomePreset, type SimState } from './model';
import { OUTCOME_PRESETS, isOutcome } from './outcomes';
import { createSeedState } from './seed';
import { parsePopulate, populate, type PopulateResult } from './populate';
import type { ContentGenerators } from './content/types';

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
    this.engine = new Simulation(state, options.content);
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

  setSpeed(speed: unknown): void {
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) {
      throw new SimError(400, 'Invalid speed', `speed must be a number greater than 0 and at most ${MAX_SPEED}.`);
    }
    this.now();
    this.state.settings = withSpeed(this.state.settings, speed, this.wall());
    this.changed();
  }

  jump(advanceMs: unknown): void {
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0 || advanceMs > 400 * 24 * 3600 * 1000) {
      throw new SimError(400, 'Invalid clock jump', 'advanceMs must be a number of milliseconds between 0 and 400 days.');
    }
    this.now();
    this.state.settings = withJump(this.state.settings, Math.floor(advanceMs), this.wall());
    this.now();
    this.changed();
  }

  setOutcome(outcome: unknown): void {
    if (!(OUTCOME_PRESETS as readonly unknown[]).includes(outcome) && !isOutcome(outcome)) {
      throw new SimError(
        400,
        'Invalid outcome',
        `outcome must be one of ${OUTCOME_PRESETS.join(', ')}, or an object {codeQuality, tests, deploy, audit}.`,
      );
    }
    this.state.settings = { ...this.state.settings, outcome: outcome as OutcomePreset | Outcome };
    this.changed();
  }

  setLayout(layout: unknown): void {
    if (layout !== 'standard' && layout !== 'alternate')
      throw new SimError(400, 'Invalid layout', 'layout must be "standard" or "alternate".');
    this.state.settings = { ...this.state.settings, layout };
    this.changed();
  }

  /** Start a push-update run (an AEM release pushed by Adobe: trigger PUSH_UPGRADES). */
  pushUpdate(programId: unknown, pipelineId: unknown) {
    if (typeof programId !== 'string' || typeof pipelineId !== 'string') {
      throw new SimError(400, 'Invalid push update', 'Expected {"programId": "…", "pipelineId": "…"}.');
    }
    const execution = this.engine.start(programId, pipelineId, this.now(), { trigger: 'PUSH_UPGRADES' });
    this.changed();
    return execution;
  }

  /** Scale data: programs and WKND history up to the totals in `body` (see populate.ts). */
  populate(body: unknown): PopulateResult {
    const request = parsePopulate(body);
    this.now();
    const result = populate(this.engine, request);
    this.changed();
    return result;
  }

  reset(seed: unknown = this.state.seed): void {
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) {
      throw new SimError(400, 'Invalid seed', 'seed must be a non-negative integer.');
    }
    const speed = this.state.settings.speed;
    this.engine.state = createSeedState(seed, this.wall(), this.content);
    this.state.settings = withSpeed(this.state.settings, speed, this.wall());
    this.changed();
  }
}
