/**
 * Test-only: the real simulator (mocks/), served through msw/node at the origin the console's
 * requests use under jsdom (`location.origin`, the embedded API's base URL). Per file:
 *   const sim = setupSimulatorServer();   // listen; reset to seed 1 before each test; close
 *   await sim.control('PUT', 'outcome', { outcome: 'pass' });
 *   await sim.advance(60_000);            // simulated time moves only when a test moves it
 * The wall clock stands still, so seed 1 always gives the same programs, pipelines and history.
 * Failure cases override single requests with `sim.server.use(...)`.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createSimulatorServer } from '../../mocks/node';
import { simRequest } from '../api/simulator';

/** The standing wall clock of every simulator test: 28 Nov 2026, 09:00 UTC. */
export const SIM_WALL_CLOCK = Date.UTC(2026, 10, 28, 9, 0, 0);

export function setupSimulatorServer() {
  const { server } = createSimulatorServer({ seed: 1, wallClock: () => SIM_WALL_CLOCK, origin: location.origin });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    await simRequest('POST', 'reset', { seed: 1 });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    /** A simulation control, through the console's own client (as the Simulator panel sends it). */
    control: (method: 'PUT' | 'POST', path: string, body: unknown) => simRequest(method, path, body),
    /** The simulator's state (simulated time `now`, speed, outcome…). */
    state: () => simRequest('GET', 'state'),
    /** Moves simulated time forward by `ms`. */
    advance: (ms: number) => simRequest('POST', 'clock', { advanceMs: ms }),
  };
}
