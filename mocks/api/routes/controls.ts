/**
 * Simulation controls under /_sim: not part of Cloud Manager, never mixed into its
 * representations. The bodies are checked here; the simulator's setters take typed values.
 */
import { MAX_SPEED } from '../../sim/clock';
import type { Outcome, OutcomePreset, SimSettings } from '../../sim/model';
import { OUTCOME_PRESETS, isOutcome } from '../../sim/outcomes';
import type { Push } from '../../sim/git';
import { POPULATE_LIMITS, type PopulateRequest } from '../../sim/populate';
import type { Simulator } from '../../sim/simulator';
import { checkQuirksBody, checkScenario } from '../../sim/scenario';
import { HttpError } from '../problem';
import { json } from '../responses';
import type { RouteContext } from '../router';

function controlState(simulator: Simulator) {
  const now = simulator.now();
  const { speed, outcome, layout } = simulator.state.settings;
  return {
    now: new Date(now).toISOString(),
    wallNow: new Date(simulator.wallNow()).toISOString(),
    speed,
    outcome,
    layout,
    seed: simulator.state.seed,
  };
}

/** GET: the clock, speed, outcome, layout and seed. The setters answer the same. */
export function state(ctx: RouteContext): Response {
  return json(controlState(ctx.simulator));
}

export function speed(ctx: RouteContext): Response {
  const speed = field(ctx.body, 'speed');
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) {
    throw invalid('Invalid speed', `speed must be a number greater than 0 and at most ${MAX_SPEED}.`);
  }
  ctx.simulator.setSpeed(speed);
  return state(ctx);
}

/** POST: jump the simulated clock forward by `advanceMs`. */
export function clock(ctx: RouteContext): Response {
  const advanceMs = field(ctx.body, 'advanceMs');
  if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0 || advanceMs > 400 * 24 * 3600 * 1000) {
    throw invalid('Invalid clock jump', 'advanceMs must be a number of milliseconds between 0 and 400 days.');
  }
  ctx.simulator.jump(advanceMs);
  return state(ctx);
}

export function outcome(ctx: RouteContext): Response {
  const outcome = field(ctx.body, 'outcome');
  if (!(OUTCOME_PRESETS as readonly unknown[]).includes(outcome) && !isOutcome(outcome)) {
    throw invalid(
      'Invalid outcome',
      `outcome must be one of ${OUTCOME_PRESETS.join(', ')}, or an object {codeQuality, tests, deploy, audit}.`,
    );
  }
  ctx.simulator.setOutcome(outcome as OutcomePreset | Outcome);
  return state(ctx);
}

export function layout(ctx: RouteContext): Response {
  const layout = field(ctx.body, 'layout');
  if (layout !== 'standard' && layout !== 'alternate') throw invalid('Invalid layout', 'layout must be "standard" or "alternate".');
  ctx.simulator.setLayout(layout satisfies SimSettings['layout']);
  return state(ctx);
}

/** POST: start a push-update run (trigger PUSH_UPGRADES) on a pipeline. */
export function pushUpdate(ctx: RouteContext): Response {
  const programId = field(ctx.body, 'programId');
  const pipelineId = field(ctx.body, 'pipelineId');
  if (typeof programId !== 'string' || typeof pipelineId !== 'string') {
    throw invalid('Invalid push update', 'Expected {"programId": "…", "pipelineId": "…"}.');
  }
  const execution = ctx.simulator.pushUpdate(programId, pipelineId);
  return json({ executionId: execution.id }, 201);
}

/** POST: a commit pushed to a repository's branch (On Git Changes): the ON_COMMIT pipelines that build it start. */
export function push(ctx: RouteContext): Response {
  return json(ctx.simulator.push(parsePush(ctx.body)));
}

/** A `POST /_sim/push` body: `{"programId", "repositoryId", "branch", "message"?, "pullRequest"?}`. */
function parsePush(body: unknown): Push {
  const expected =
    'Expected {"programId": "…", "repositoryId": "…", "branch": "…", "message": "…" (optional), "pullRequest": 42 (optional)}.';
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('Invalid push', expected);
  const unknown = Object.keys(body).filter((key) => !['programId', 'repositoryId', 'branch', 'message', 'pullRequest'].includes(key));
  if (unknown.length) throw invalid('Invalid push', `Unknown field ${JSON.stringify(unknown[0].slice(0, 40))}. ${expected}`);
  const { programId, repositoryId, branch, message, pullRequest } = body as Record<string, unknown>;
  if (typeof programId !== 'string' || typeof repositoryId !== 'string' || typeof branch !== 'string')
    throw invalid('Invalid push', expected);
  if (message !== undefined && (typeof message !== 'string' || message.length > 200 || /\p{Cc}/u.test(message)))
    throw invalid('Invalid push', 'message must be one line of at most 200 characters.');
  if (
    pullRequest !== undefined &&
    (typeof pullRequest !== 'number' || !Number.isInteger(pullRequest) || pullRequest < 1 || pullRequest > 1e9)
  )
    throw invalid('Invalid push', "pullRequest must be the pull request's number, a positive integer.");
  return {
    programId,
    repositoryId,
    branch,
    ...(message === undefined ? {} : { message }),
    ...(pullRequest === undefined ? {} : { pullRequest }),
  };
}

export function populate(ctx: RouteContext): Response {
  return json(ctx.simulator.populate(parsePopulate(ctx.body)));
}

/** POST: back to the seed data (of `seed`, or of the current seed). */
export function reset(ctx: RouteContext): Response {
  const seed = ctx.body === undefined ? undefined : (field(ctx.body, 'seed') ?? undefined);
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31)) {
    throw invalid('Invalid seed', 'seed must be a non-negative integer.');
  }
  ctx.simulator.reset(seed);
  return state(ctx);
}

/** GET: the scenario loaded (its name, the scripted runs still to come per pipeline id, its quirks), or 404. */
export function scenario(ctx: RouteContext): Response {
  const loaded = ctx.simulator.state.scenario;
  if (!loaded) throw new HttpError(404, 'No scenario', 'No scenario is loaded: PUT one here (docs/scenarios.md).');
  const remaining = Object.fromEntries(Object.entries(loaded.script).map(([pipelineId, runs]) => [pipelineId, runs.length]));
  return json({
    name: loaded.name,
    scriptedRunsLeft: remaining,
    quirks: loaded.quirks,
    ...(loaded.maintenanceUntil === undefined ? {} : { maintenanceUntil: new Date(loaded.maintenanceUntil).toISOString() }),
  });
}

/** PUT: load a scenario (the whole world is replaced); 422 listing every problem, nothing changed. */
export function loadScenario(ctx: RouteContext): Response {
  const result = checkScenario(ctx.body);
  if (result.problems) throw refusedScenario('The scenario was not loaded', result.problems);
  ctx.simulator.loadScenario(result.scenario, ctx.body);
  return scenario(ctx);
}

/** PUT: the API quirks from now on (docs/scenarios.md); 422 listing every problem, nothing changed. */
export function quirks(ctx: RouteContext): Response {
  const result = checkQuirksBody(ctx.body ?? {});
  if (result.problems) throw refusedScenario('The quirks were not set', result.problems);
  ctx.simulator.setQuirks(result.quirks);
  return json({ quirks: result.quirks });
}

function refusedScenario(title: string, problems: string[]): HttpError {
  return new HttpError(
    422,
    title,
    `${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ').slice(0, 500)}`,
    problems,
  );
}

/** A `POST /_sim/populate` body: `{"programs"?: n, "executions"?: n}` (totals; both optional). */
export function parsePopulate(body: unknown): PopulateRequest {
  if (body === undefined) return {};
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalid('Invalid populate request', 'Expected {"programs": <n>, "executions": <n>} (both optional).');
  const unknown = Object.keys(body).filter((key) => key !== 'programs' && key !== 'executions');
  if (unknown.length)
    throw invalid(
      'Invalid populate request',
      `Unknown field ${JSON.stringify(unknown[0].slice(0, 40))}; expected "programs" and/or "executions".`,
    );
  const input = body as Record<string, unknown>;
  return { programs: count(input.programs, 'programs'), executions: count(input.executions, 'executions') };
}

function count(value: unknown, name: keyof typeof POPULATE_LIMITS): number | undefined {
  if (value === undefined) return undefined;
  const max = POPULATE_LIMITS[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalid('Invalid populate request', `${name} must be an integer between 0 and ${max}.`);
  }
  return value;
}

function field(body: unknown, name: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalid('Invalid request body', `Expected a JSON object with "${name}".`);
  return (body as Record<string, unknown>)[name];
}

function invalid(title: string, detail: string): HttpError {
  return new HttpError(400, title, detail);
}
