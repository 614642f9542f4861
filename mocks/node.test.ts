// @vitest-environment node
/** createSimulatorServer: the simulator behind msw/node, answering plain fetch calls on its origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatorServer } from './node';
import { embedded, follow, href, pipelineOf, programByName, type GetJson } from '../test-support/hal';

const origin = 'http://simulator.test';
const { server, simulator } = createSimulatorServer({ origin, seed: 1, wallClock: () => Date.UTC(2026, 10, 28, 9, 0, 0) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const get: GetJson = async (target) => (await fetch(new URL(target, origin), { headers: { accept: 'application/json' } })).json();

describe('createSimulatorServer', () => {
  it('serves the API, its files and the controls to fetch on its origin', async () => {
    const pipeline = await pipelineOf(get, await programByName(get, 'WKND Sites'));
    const started = await fetch(new URL(href(pipeline, 'execution'), origin), { method: 'PUT' });
    expect(started.status).toBe(201);
    expect(simulator.state.executions.at(-1)!.status).toBe('RUNNING');
    const jumped = await fetch(`${origin}/_sim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10 * 60_000 }) });
    expect(jumped.status).toBe(200);
    const execution = await get(started.headers.get('location')!);
    const build = embedded(execution, 'stepStates').find((s) => s.action === 'build')!;
    const { redirect } = await follow<{ redirect: string }>(get, build, 'pipeline/logs');
    const log = await fetch(redirect);
    expect(log.status).toBe(200);
    expect(await log.text()).toContain('Build');
  });
});
