// @vitest-environment node
/**
 * Loading a scenario: every problem of an invalid one is listed (JSON path and what was expected)
 * and nothing changes — through `PUT /_sim/scenario` (422 problem+json, the state as it was) and
 * through `--scenario <file>` (the server does not start; it exits 2 printing every problem with
 * the file's name). A valid one replaces the world, from its clock start.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from './node';
import { checkScenario, parseScenario } from './sim/scenario';
import { serverExit, startServerProcess, type ServerProcess } from './server-process';
import { embedded, type Hal } from '../test-support/hal';

const ORIGIN = 'http://sim.test';
const put = (api: ReturnType<typeof createSimulator>, path: string, body: unknown) =>
  api.handle(
    new Request(`${ORIGIN}/_sim/${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
const getJson = async (api: ReturnType<typeof createSimulator>, path: string): Promise<Hal> =>
  (await api.handle(new Request(`${ORIGIN}${path}`))).json() as Promise<Hal>;

/** A scenario with one problem of each kind the checker knows. */
const BROKEN = {
  name: '',
  seed: -1,
  clock: { start: 'yesterday', speed: 0 },
  colour: 'green',
  programs: [
    {
      name: 'Shop',
      pipelines: [
        { name: 'Prod', kind: 'production', approval: 'yes' },
        { name: 'Dev', kind: 'staging', schedule: true },
      ],
    },
  ],
  script: [
    { program: 'Shop', pipeline: 'Prod', runs: [{ codeQuality: 'pass', metrics: { coverage: '12' }, failAt: { step: 'devDeploy' } }] },
    { program: 'Nope', pipeline: 'Prod', runs: [] },
  ],
  quirks: { delayMs: -5, maintenance: {}, unknownStepStatus: { action: 'deploy', status: 'weird status' } },
};

const EXPECTED_PROBLEMS = [
  '$.colour: not a known field',
  '$.name: expected a non-empty string',
  '$.seed: expected an integer from 0',
  '$.clock.start: expected a date and time with its offset',
  '$.clock.speed: expected a number greater than 0',
  '$.programs[0].pipelines[0].approval: expected true or false, got "yes"',
  '$.programs[0].pipelines[1].kind: expected one of "production", "nonProductionDeployment", "codeQuality", got "staging"',
  '$.script[0].runs[0].metrics: values that agree with "codeQuality": "pass"',
  '$.script[0].runs[0].failAt.step: expected one of "validate"',
  '$.script[1].program: expected the name of a program of the scenario ("Shop"), got "Nope"',
  '$.quirks.delayMs: expected an integer from 0 to 60000, got -5',
  '$.quirks.maintenance.seconds: expected an integer from 1 to 3600, got nothing',
  '$.quirks.unknownStepStatus.status: expected an upper-case status word',
];

function expectEveryProblem(problems: string[]) {
  for (const expected of EXPECTED_PROBLEMS)
    expect(
      problems.some((p) => p.includes(expected)),
      expected,
    ).toBe(true);
}

describe('checking a scenario', () => {
  it('lists every problem at once, each with its JSON path and what was expected', () => {
    const { problems } = checkScenario(BROKEN);
    expectEveryProblem(problems ?? []);
    expect(problems).toHaveLength(EXPECTED_PROBLEMS.length);
  });

  it('says where a JSON syntax error is (line and column)', () => {
    expect(parseScenario('{\n  "name": "x",\n  "seed": 1,,\n}').problems?.[0]).toMatch(/^\$: not valid JSON at line 3, column 13/);
  });

  it('checks variables by the rules of the variables PATCH (reserved names, services the environment has); a secret keeps no value', () => {
    const program = (environments: unknown, variables: unknown) => ({
      name: 'vars',
      programs: [{ name: 'Intranet', solutions: ['Assets'], environments, pipelines: [{ name: 'Prod', kind: 'production', variables }] }],
    });
    expect(
      checkScenario(
        program(
          {
            prod: {
              variables: [
                { name: 'CM_TOKEN', value: 'x' },
                { name: 'KEY', value: 'v', service: 'preview' },
              ],
            },
          },
          [{ name: 'X', value: 'v' }],
        ),
      ).problems,
    ).toEqual([
      '$.programs[0].environments.prod.variables: "CM_TOKEN": names starting with CM_ are reserved',
      '$.programs[0].environments.prod.variables: "KEY" (preview): this environment has no preview service (services: author, publish)',
      '$.programs[0].pipelines[0].variables: "X": a name has 2 to 100 characters',
    ]);
    const { scenario } = checkScenario(program({ dev: { variables: [{ name: 'API_KEY', value: 's3cret', type: 'secretString' }] } }, []));
    expect(scenario?.programs?.[0].environments.dev).toEqual([{ name: 'API_KEY', type: 'secretString' }]);
  });

  it('refuses a hold the pipeline does not have, and a code quality hold that cannot happen', () => {
    const { problems } = checkScenario({
      name: 'holds',
      programs: [{ name: 'P', pipelines: [{ name: 'Prod', kind: 'production' }] }],
      script: [{ program: 'P', pipeline: 'Prod', runs: [{ holds: { approval: { then: 'accept' }, codeQuality: { then: 'accept' } } }] }],
    });
    expect(problems).toEqual([
      '$.script[0].runs[0].holds.approval: nothing: the pipeline has no approval step',
      '$.script[0].runs[0].holds.codeQuality: nothing: code quality holds only when important metrics fail ("codeQuality": "important") in a production pipeline set to ASK',
    ]);
  });
});

describe('PUT /_sim/scenario', () => {
  it('refuses an invalid scenario with 422 problem+json listing every problem, and changes nothing', async () => {
    const api = createSimulator({ seed: 1, wallClock: () => Date.UTC(2026, 10, 28, 9) });
    const before = JSON.stringify(api.simulator.state);
    const answer = await put(api, 'scenario', BROKEN);
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const body = (await answer.json()) as { title: string; errors: string[] };
    expect(body.title).toBe('The scenario was not loaded');
    expectEveryProblem(body.errors);
    expect(JSON.stringify(api.simulator.state)).toBe(before);
    expect((await api.handle(new Request(`${ORIGIN}/_sim/scenario`))).status).toBe(404);
  });

  it('loads a valid one: its programs only, its clock start and speed; GET tells its name and the runs left; a reset starts it again', async () => {
    const api = createSimulator({ seed: 1, wallClock: () => Date.UTC(2026, 10, 28, 9) });
    const scenario = {
      name: 'tiny',
      clock: { start: '2027-03-01T10:00:00Z', speed: 60 },
      programs: [{ name: 'Tiny', pipelines: [{ name: 'Prod', kind: 'production' }] }],
      script: [{ program: 'Tiny', pipeline: 'Prod', runs: [{}, { codeQuality: 'critical' }] }],
    };
    expect((await put(api, 'scenario', scenario)).status).toBe(200);
    const programs = await getJson(api, '/api/programs');
    expect(embedded(programs, 'programs').map((p) => p.name)).toEqual(['Tiny']);
    const environments = await getJson(api, '/api/program/1/environments');
    expect(embedded(environments, 'environments').map((e) => e.name)).toEqual(['tiny-dev', 'tiny-stage', 'tiny-prod']);
    const state = await getJson(api, '/_sim/state');
    expect(state).toMatchObject({ now: '2027-03-01T10:00:00.000Z', speed: 60, outcome: 'pass' });
    expect(await getJson(api, '/_sim/scenario')).toEqual({ name: 'tiny', scriptedRunsLeft: { '101': 2 }, quirks: {} });

    expect((await api.handle(new Request(`${ORIGIN}/api/program/1/pipeline/101/execution`, { method: 'PUT' }))).status).toBe(201);
    expect((await getJson(api, '/_sim/scenario')).scriptedRunsLeft).toEqual({ '101': 1 });
    const reset = await api.handle(new Request(`${ORIGIN}/_sim/reset`, { method: 'POST' }));
    expect(reset.status).toBe(200);
    expect((await getJson(api, '/_sim/scenario')).scriptedRunsLeft).toEqual({ '101': 2 });
    expect(api.simulator.state.executions).toHaveLength(0);
  });

  it('PUT /_sim/quirks refuses an invalid body (422, nothing changed) and sets valid quirks', async () => {
    const api = createSimulator({ seed: 1 });
    const refused = await put(api, 'quirks', { delayMs: 'slow', teapot: true });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: string[] }).errors).toEqual([
      '$.teapot: not a known field (known: noCurrentStepMs, unknownStepStatus, maintenance, delayMs)',
      '$.delayMs: expected an integer from 0 to 60000, got "slow"',
    ]);
    expect(api.simulator.state.scenario).toBeUndefined();
    expect((await put(api, 'quirks', { noCurrentStepMs: 60000 })).status).toBe(200);
    expect(api.simulator.state.scenario?.quirks).toEqual({ noCurrentStepMs: 60000 });
  });
});

describe('npm run api -- --scenario <file>', () => {
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.kill()));
  });

  it('refuses to start with an invalid file: exit 2, every problem printed with the file name, no data file written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cm-scenario-'));
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(BROKEN));
    const data = join(folder, 'state.json');
    const { code, output } = await serverExit(['--scenario', file, '--data', data]);
    expect(code).toBe(2);
    expect(output).toContain(`--scenario ${file}: ${EXPECTED_PROBLEMS.length} problems, nothing was started`);
    for (const expected of EXPECTED_PROBLEMS) expect(output).toContain(`${file}: ${expected}`);
    expect(output).not.toContain('Simulated Cloud Manager API on');
    expect(existsSync(data)).toBe(false);

    const missing = await serverExit(['--scenario', join(folder, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('cannot read it');
  });

  it('starts from a shipped scenario: its world, its name in the first line', async () => {
    const server = await startServerProcess(['--scenario', 'scenarios/green-release.json']);
    servers.push(server);
    expect(server.output()).toContain('scenario green-release');
    const programs = (await (await fetch(`${server.base}/api/programs`)).json()) as Hal;
    expect(embedded(programs, 'programs').map((p) => p.name)).toEqual(['Green Release']);
  });
});
