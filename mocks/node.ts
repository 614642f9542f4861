/** The simulator for Node tests: the same API function, served through msw/node or called directly. */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createApi, type ApiOptions } from './api/app';
import { content } from './sim/content';
import { Simulator, type SimulatorOptions } from './sim/simulator';

export interface TestSimulatorOptions extends Omit<SimulatorOptions, 'content'>, ApiOptions {}

export function createSimulator(options: TestSimulatorOptions = {}) {
  const simulator = new Simulator({ ...options, content });
  return createApi(simulator, options);
}

/** An msw/node server answering `origin` with a fresh simulator. */
export function createSimulatorServer(options: TestSimulatorOptions & { origin?: string } = {}) {
  const api = createSimulator(options);
  const origin = options.origin ?? 'http://localhost:3000';
  const server = setupServer(
    http.all(new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(api|files|_sim)(/|$)`), ({ request }) => api.handle(request)),
  );
  return { server, api, simulator: api.simulator };
}
