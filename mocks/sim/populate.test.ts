// @vitest-environment node
/** Scale data: POST /_sim/populate and the server's --populate flag. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { parsePopulateFlag } from '../server';
import { TERMINAL_EXECUTION } from './model';
import { embedded, follow, pipelineOf, type GetJson } from '../../test-support/hal';

const WALL = Date.UTC(2026, 10, 28, 9, 0, 0);

function setup(seed = 1) {
  const api = createSimulator({ seed, wallClock: () => WALL });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.handle(
      new Request(`http://localhost${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };
  return { api, call };
}

describe('POST /_sim/populate', () => {
  it('adds programs and WKND production history up to the totals, all finished and older than the seeded runs', async () => {
    const { api, call } = setup();
    const before = await call('GET', '/api/program/1/pipeline/101/executions?limit=1');
    const populated = await call('POST', '/_sim/populate', { programs: 60, executions: 500 });
    expect(populated.status).toBe(200);
    expect(populated.body).toMatchObject({ programs: 60, executions: 500 });

    const programs = await call('GET', '/api/programs');
    expect(programs.body._totalNumberOfItems).toBe(60);
    const get: GetJson = async (target) => (await call('GET', target)).body;
    const last = await follow(get, embedded(programs.body, 'programs')[59], 'self');
    expect(await pipelineOf(get, last)).toBeDefined();
    const environments = await follow(get, last, 'environments');
    expect(embedded(environments, 'environments').map((e) => e.type)).toEqual(['dev', 'stage', 'prod']);

    const history = await call('GET', '/api/program/1/pipeline/101/executions?limit=1');
    expect(history.body._totalNumberOfItems).toBe(500);
    expect(history.body._embedded.executions[0].id).toBe(before.body._embedded.executions[0].id);
    const oldest = await call('GET', '/api/program/1/pipeline/101/executions?start=499&limit=1');
    const old = oldest.body._embedded.executions[0];
    expect(TERMINAL_EXECUTION).toContain(old.status);
    expect(old._embedded.stepStates.some((s: { status: string }) => s.status === 'RUNNING' || s.status === 'WAITING')).toBe(false);

    const state = api.simulator.state;
    for (const list of [state.programs, state.pipelines, state.environments, state.repositories, state.executions]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    const own = state.executions.filter((e) => e.pipelineId === '101');
    own.forEach((e, i) => i > 0 && expect(e.createdAt).toBeGreaterThan(own[i - 1].finishedAt ?? Infinity));
    expect(new Set(own.map((e) => e.status))).toEqual(new Set(['FINISHED', 'FAILED', 'CANCELLED']));

    // Totals, not increments: asking again adds nothing.
    expect((await call('POST', '/_sim/populate', { programs: 10, executions: 500 })).body.added).toEqual({ programs: 0, executions: 0 });
  });

  it('is deterministic for a seed', async () => {
    const states = [];
    for (let i = 0; i < 2; i += 1) {
      const { api, call } = setup(7);
      await call('POST', '/_sim/populate', { programs: 30, executions: 300 });
      states.push(JSON.stringify(api.simulator.state));
    }
    expect(states[0]).toBe(states[1]);
  });

  it('generates 1,000 programs and 10,000 executions (timed by npm run bench, scale)', async () => {
    const { api, call } = setup();
    expect((await call('POST', '/_sim/populate', { programs: 1000, executions: 10000 })).status).toBe(200);
    expect(api.simulator.state.programs).toHaveLength(1000);
    expect(api.simulator.state.executions.length).toBeGreaterThanOrEqual(10000);
  });

  it('refuses bad bodies with 400 problem+json and changes nothing', async () => {
    const { api, call } = setup();
    const before = JSON.stringify(api.simulator.state);
    for (const body of [
      { programs: -1 },
      { programs: 5001 },
      { executions: 50001 },
      { executions: 1.5 },
      { programs: '10' },
      { extra: 1 },
      [],
      'x',
      null,
    ]) {
      const answer = await call('POST', '/_sim/populate', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.type).toBe('application/problem+json');
    }
    expect((await call('GET', '/_sim/populate')).status).toBe(405);
    expect(JSON.stringify(api.simulator.state)).toBe(before);
  });
});

describe('--populate', () => {
  it('parses programs=<n>,executions=<n> and refuses anything else', () => {
    expect(parsePopulateFlag('programs=1000,executions=10000')).toEqual({ programs: 1000, executions: 10000 });
    expect(parsePopulateFlag('executions=5')).toEqual({ programs: undefined, executions: 5 });
    expect(() => parsePopulateFlag('programs=ten')).toThrow(/--populate/);
    expect(() => parsePopulateFlag('programs=9000')).toThrow(/between 0 and 5000/);
    expect(() => parsePopulateFlag('runs=3')).toThrow(/Unknown field/);
  });
});
