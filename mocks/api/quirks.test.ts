// @vitest-environment node
/**
 * The opt-in API quirks (docs/scenarios.md), each seen from outside and each coped with by the
 * simulator's own clients (test-support: apiClient's runWkndToEnd, and the scenario player):
 * the window at the end of a run with no current step, a step status outside the spec's enum,
 * a 503 maintenance window with Retry-After, and slow answers. /_sim controls never suffer them.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { apiClient, runWkndToEnd } from '../../test-support/api-client';
import { embedded, href, pipelineOf, programByName, type Hal } from '../../test-support/hal';
import { playScript, retryingMaintenance } from '../../test-support/scenario-runner';

const ORIGIN = 'http://sim.test';
const WALL = Date.UTC(2026, 10, 28, 9);

function world() {
  const clock = { wall: WALL };
  const api = createSimulator({ seed: 1, wallClock: () => clock.wall });
  const wait = async (ms: number) => {
    clock.wall += ms;
  };
  const client = apiClient(retryingMaintenance(api.handle, wait), ORIGIN);
  return { api, clock, client, wait };
}

/** A run without holds (We.Retail's production pipeline has neither approval nor schedule). */
const WE_RETAIL_SCRIPT = [{ program: 'We.Retail Global', pipeline: 'Production Pipeline', runs: [{}] }];

describe('quirk: no current step at the end of a run (noCurrentStepMs)', () => {
  it('the run stays RUNNING with every step ended for that long, then FINISHED; the pipeline is BUSY meanwhile; clients poll on', async () => {
    const { api, client } = world();
    expect((await client.call('PUT', '/_sim/quirks', { noCurrentStepMs: 120_000 })).status).toBe(200);
    const ended = await runWkndToEnd(client);
    expect(ended.status).toBe('FINISHED');
    const execution = api.simulator.state.executions.at(-1)!;
    const lastStep = execution.steps.at(-1)!;
    expect(execution.finishedAt! - lastStep.finishedAt!).toBe(120_000);

    // Another run, watched a minute at a time: the player sees the window and carries on.
    const played = await playScript(api.handle, ORIGIN, WE_RETAIL_SCRIPT, { wait: async () => undefined, stepMs: 60_000 });
    const [run] = played['We.Retail Global/Production Pipeline'];
    expect(run.status).toBe('FINISHED');
    expect(run.pollsWithoutCurrentStep).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('in the window the execution answers RUNNING with no RUNNING or WAITING step', async () => {
    const { api, client } = world();
    await client.call('PUT', '/_sim/quirks', { noCurrentStepMs: 600_000 });
    await client.call('PUT', '/_sim/outcome', { outcome: 'pass' });
    const pipeline = await pipelineOf(client.get, await programByName(client.get, 'We.Retail Global'));
    const started = (await (await client.call('PUT', href(pipeline, 'execution'))).json()) as Hal;
    const execution = api.simulator.state.executions.at(-1)!;
    // Jump to a minute after the last step ends (durations are planned when the run starts).
    api.simulator.jump(0);
    for (let i = 0; i < 200 && execution.steps.at(-1)!.finishedAt === undefined; i += 1) api.simulator.jump(60_000);
    const seen = await client.get(href(started, 'self'));
    expect(seen.status).toBe('RUNNING');
    expect(embedded(seen, 'stepStates').filter((s) => s.status === 'RUNNING' || s.status === 'WAITING')).toEqual([]);
    expect((await client.get(href(pipeline, 'self'))).status).toBe('BUSY');
  });
});

describe('quirk: a step status outside the spec enum (unknownStepStatus)', () => {
  it('a finished experience audit is rendered SKIPPED in the execution and on its own; the run still ends FINISHED', async () => {
    const { api, client } = world();
    await client.call('PUT', '/_sim/quirks', { unknownStepStatus: { action: 'contentAudit', status: 'SKIPPED' } });
    const ended = await runWkndToEnd(client);
    expect(ended.status).toBe('FINISHED');
    const audit = embedded(ended, 'stepStates').find((s) => s.action === 'contentAudit')!;
    expect(audit.status).toBe('SKIPPED');
    expect((await client.get(href(audit, 'self'))).status).toBe('SKIPPED');
    // Only the representation: the engine's step is FINISHED, and other steps are as they were.
    expect(api.simulator.state.executions.at(-1)!.steps.find((s) => s.action === 'contentAudit')!.status).toBe('FINISHED');
    expect(embedded(ended, 'stepStates').filter((s) => s.status === 'SKIPPED')).toHaveLength(1);
  });
});

describe('quirk: 503 maintenance for N seconds (maintenance)', () => {
  it('every API and file request answers 503 problem+json with Retry-After until the window ends; /_sim answers throughout', async () => {
    const { api, clock } = world();
    const put = await api.handle(
      new Request(`${ORIGIN}/_sim/quirks`, {
        method: 'PUT',
        body: JSON.stringify({ maintenance: { seconds: 30, message: 'Back at 10:00.' } }),
      }),
    );
    expect(put.status).toBe(200);
    const down = await api.handle(new Request(`${ORIGIN}/api/programs`));
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    expect(down.headers.get('retry-after')).toBe('30');
    expect(await down.json()).toMatchObject({ status: 503, title: 'Service Unavailable', detail: 'Back at 10:00.' });
    expect((await api.handle(new Request(`${ORIGIN}/_sim/state`))).status).toBe(200);
    clock.wall += 20_000;
    expect((await api.handle(new Request(`${ORIGIN}/api/programs`))).headers.get('retry-after')).toBe('10');
    clock.wall += 10_000;
    expect((await api.handle(new Request(`${ORIGIN}/api/programs`))).status).toBe(200);
  });

  it('apiClient over a handle that honours Retry-After drives a run through the window as if nothing happened', async () => {
    const { clock, client } = world();
    await client.call('PUT', '/_sim/quirks', { maintenance: { seconds: 45 } });
    const ended = await runWkndToEnd(client);
    expect(ended.status).toBe('FINISHED');
    expect(clock.wall - WALL).toBeGreaterThanOrEqual(45_000);
  });
});

describe('quirk: slow answers (delayMs)', () => {
  it('each API request is answered that late; controls are not; a client simply waits', async () => {
    const { api, client } = world();
    await client.call('PUT', '/_sim/quirks', { delayMs: 250 });
    let started = performance.now();
    expect((await api.handle(new Request(`${ORIGIN}/api/programs`))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    started = performance.now();
    await api.handle(new Request(`${ORIGIN}/_sim/state`));
    expect(performance.now() - started).toBeLessThan(200);
    const program = await programByName(client.get, 'We.Retail Global');
    expect(program.name).toBe('We.Retail Global');
  });
});
