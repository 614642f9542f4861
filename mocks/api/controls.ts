/** Simulation controls under /_sim: not part of Cloud Manager, never mixed into its representations. */
import type { Simulator } from '../sim/simulator';
import { HttpError } from './problem';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function controlState(simulator: Simulator) {
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

function field(body: unknown, name: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'Invalid request body', `Expected a JSON object with "${name}".`);
  return (body as Record<string, unknown>)[name];
}

export function handleControl(simulator: Simulator, request: Request, url: URL, body: unknown): Response {
  const path = url.pathname.replace(/\/+$/, '');
  const method = request.method;
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_sim':
    case 'GET /_sim/state':
      return json(controlState(simulator));
    case 'PUT /_sim/speed':
      simulator.setSpeed(field(body, 'speed'));
      return json(controlState(simulator));
    case 'POST /_sim/clock':
      simulator.jump(field(body, 'advanceMs'));
      return json(controlState(simulator));
    case 'PUT /_sim/outcome':
      simulator.setOutcome(field(body, 'outcome'));
      return json(controlState(simulator));
    case 'PUT /_sim/layout':
      simulator.setLayout(field(body, 'layout'));
      return json(controlState(simulator));
    case 'POST /_sim/push-update': {
      const execution = simulator.pushUpdate(field(body, 'programId'), field(body, 'pipelineId'));
      return json({ executionId: execution.id }, 201);
    }
    case 'POST /_sim/populate':
      return json(simulator.populate(body));
    case 'POST /_sim/reset':
      simulator.reset(body === undefined ? undefined : (field(body, 'seed') ?? undefined));
      return json(controlState(simulator));
    default:
      if (
        [
          '/_sim',
          '/_sim/state',
          '/_sim/speed',
          '/_sim/clock',
          '/_sim/outcome',
          '/_sim/layout',
          '/_sim/push-update',
          '/_sim/populate',
          '/_sim/reset',
        ].includes(path)
      ) {
        throw new HttpError(405, 'Method not allowed', `${method} is not allowed on ${path}.`);
      }
      throw new HttpError(404, 'Not found', `No simulation control at ${path.slice(0, 100)}.`);
  }
}
