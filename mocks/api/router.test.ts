// @vitest-environment node
/** The route table: templates compiled to matchers, resources looked up before the method check, both href layouts. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { API_ROUTES, CONTROL_ROUTES, FILE_ROUTES } from './route-table';
import { compileRoutes, route, type RequestContext } from './router';
import { API_SCOPE, FILE_SCOPE } from './scope';

const ok = () => new Response('ok');

describe('compileRoutes', () => {
  it('matches literals and parameters by segment, answers HEAD with GET, and knows which methods a path has', () => {
    const table = compileRoutes([
      route('GET', '/a/{x}', ok),
      route('PUT', '/a/{x}', ok),
      route('GET', '/a/{x}/b', ok),
      route('POST', '/c', ok),
    ]);
    expect(table.takesBody).toBe(true);
    const match = table.match(['a', '7'])!;
    expect(match.params).toEqual({ x: '7' });
    const request = {} as RequestContext;
    expect(['GET', 'HEAD', 'PUT', 'POST'].map((m) => match.run(request, m) !== undefined)).toEqual([true, true, true, false]);
    expect(table.match(['a', '7', 'b'])?.params).toEqual({ x: '7' });
    expect(table.match(['a', '7', 'c'])).toBeUndefined();
    expect(table.match(['a'])).toBeUndefined();
    expect(compileRoutes([route('GET', '/a', ok)]).takesBody).toBe(false);
  });

  it('refuses a table with two routes for one method and path, or a resource parameter its mount cannot look up', () => {
    expect(() => compileRoutes([route('GET', '/a/{x}', ok), route(['GET', 'PUT'], '/a/{x}', ok)])).toThrow(/Two routes for GET/);
    expect(() => compileRoutes([route('GET', '/execution/{executionId}', ok)])).toThrow(/resolves \{executionId\}/);
  });

  it('compiles the simulator’s own tables', () => {
    expect(() => [
      compileRoutes(API_ROUTES, API_SCOPE),
      compileRoutes(FILE_ROUTES, FILE_SCOPE),
      compileRoutes(CONTROL_ROUTES),
    ]).not.toThrow();
  });
});

describe('routing requests', () => {
  const WALL = Date.UTC(2026, 10, 28, 9, 0, 0);
  const setup = () => {
    const api = createSimulator({ seed: 1, wallClock: () => WALL });
    const call = async (method: string, path: string, body?: unknown) => {
      const text = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
      const response = await api.handle(new Request(`http://localhost${path}`, { method, body: text }));
      const answer = await response.text();
      const problem = response.headers.get('content-type') === 'application/problem+json' ? JSON.parse(answer) : undefined;
      return {
        status: response.status,
        title: problem?.title as string | undefined,
        id: response.headers.get('x-request-id'),
        text: answer,
      };
    };
    return { api, call };
  };

  it('looks a path’s resources up before the method: 404 for a missing one, 405 for a wrong method on one that exists', async () => {
    const { call } = setup();
    expect(await call('POST', '/api/program/1/pipeline/101')).toMatchObject({ status: 405, title: 'Method not allowed' });
    expect(await call('DELETE', '/api/program/1/pipeline/999')).toMatchObject({ status: 404, title: 'Pipeline not found' });
    expect(await call('GET', '/api/program/1/pipeline/x%20y')).toMatchObject({ status: 404, title: 'Pipeline not found' });
    expect(await call('GET', '/api/program/1/pipeline/101/nothing')).toMatchObject({ status: 404, title: 'Not found' });
    expect(await call('PUT', '/api/programs')).toMatchObject({ status: 405 });
    expect(await call('PUT', '/api/program/1/pipeline/101/execution', '{')).toMatchObject({ status: 400, title: 'Malformed JSON' });
    expect(await call('POST', '/_sim/speed', { speed: 1 })).toMatchObject({ status: 405 });
    expect(await call('GET', '/_sim/nothing')).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers HEAD like GET, numbers every answer, and tolerates empty segments', async () => {
    const { call } = setup();
    const get = await call('GET', '/api/program/1');
    const head = await call('HEAD', '/api/program/1');
    expect([get.status, head.status]).toEqual([200, 200]);
    expect([get.id, head.id]).toEqual(['sim-1', 'sim-2']);
    expect((await call('GET', '/api//program//1/')).text).toBe(get.text);
  });

  it('serves the same table under both layouts; each refuses the other’s paths; /api/programs is the entry point of both', async () => {
    const { api, call } = setup();
    const execution = api.simulator.state.executions.find((e) => e.pipelineId === '101')!;
    const step = execution.steps.find((s) => s.action === 'build')!;
    const apiPath = `/program/1/pipeline/101/execution/${execution.id}`;
    const filePath = `/execution/${execution.id}/step/${step.id}/log/main.log`;
    const statuses = async () =>
      Promise.all(
        ['/api/programs', `/api${apiPath}`, `/api/alt-layout${apiPath}`, `/files${filePath}`, `/files/alt-layout${filePath}`].map(
          async (path) => (await call('GET', path)).status,
        ),
      );
    expect(await statuses()).toEqual([200, 200, 404, 200, 404]);
    await call('PUT', '/_sim/layout', { layout: 'alternate' });
    expect(await statuses()).toEqual([200, 404, 200, 404, 200]);
  });
});
