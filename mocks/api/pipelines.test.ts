// @vitest-environment node
/**
 * Pipelines you configure, refused: every bad add, edit, variable or push is a 400 (or 412 while
 * the pipeline runs, 404 for what does not exist) problem+json naming the problem, and the state
 * is exactly what it was.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';

const ORIGIN = 'http://localhost:8787';
const WALL = Date.UTC(2026, 10, 28, 9, 0, 0);
const WKND = '/api/program/1';
const SUMMIT = '/api/program/5';

function setup() {
  const api = createSimulator({ seed: 1, wallClock: () => WALL });
  const call = async (method: string, path: string, body?: unknown) => {
    const text = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const response = await api.handle(
      new Request(ORIGIN + path, { method, headers: text === undefined ? {} : { 'content-type': 'application/json' }, body: text }),
    );
    const answer = response.status === 204 ? undefined : await response.json();
    return { status: response.status, type: response.headers.get('content-type'), body: answer };
  };
  return { api, call };
}

/** A valid add body for Summit Launch's production pipeline, with `change` applied. */
function production(change: (body: ProductionBody) => void = () => {}) {
  const body: ProductionBody = {
    name: 'Summit Production',
    trigger: 'MANUAL',
    phases: [
      {
        type: 'BUILD',
        repositoryId: '205',
        branch: 'main',
        steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'ASK' } }],
      },
      { type: 'DEPLOY', environmentId: '10051', steps: [{ name: 'contentAudit', options: { pages: ['/'] } }] },
      { type: 'DEPLOY', environmentId: '10052', steps: [{ name: 'approval' }, { name: 'deploy' }] },
    ],
  };
  change(body);
  return body;
}
type ProductionBody = { name: unknown; trigger: unknown; phases: Record<string, unknown>[] } & Record<string, unknown>;
const setPages = (pages: unknown) => (b: ProductionBody) => {
  b.phases[1].steps = [{ name: 'contentAudit', options: { pages } }];
};
const manyPages = Array.from({ length: 26 }, (_, i) => `/page-${i}.html`);

type Case = [what: string, method: string, path: string, body: unknown, status: number, names: RegExp];

const CASES: Case[] = [
  // Add (simulator extension)
  ['an empty name', 'POST', `${SUMMIT}/pipelines`, production((b) => (b.name = '  ')), 400, /^name: must not be empty/],
  ['a name over 64 characters', 'POST', `${SUMMIT}/pipelines`, production((b) => (b.name = 'x'.repeat(65))), 400, /^name: has at most 64/],
  ['a name that is not a string', 'POST', `${SUMMIT}/pipelines`, production((b) => (b.name = 7)), 400, /^name: must be a string/],
  [
    'a duplicate name',
    'POST',
    `${WKND}/pipelines`,
    { name: 'code quality', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'main' }] },
    400,
    /^name: the program already has a pipeline named/,
  ],
  [
    'a second production pipeline',
    'POST',
    `${WKND}/pipelines`,
    {
      name: 'Prod 2',
      phases: [
        { type: 'BUILD', repositoryId: '201', branch: 'main' },
        { type: 'DEPLOY', environmentId: '10012' },
      ],
    },
    400,
    /^One full-stack production pipeline per program\.$/,
  ],
  [
    'a branch the repository lacks',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.phases[0].branch = 'nope')),
    400,
    /branch "nope" does not exist/,
  ],
  [
    'an unknown repository',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.phases[0].repositoryId = '201')),
    400,
    /repository 201 does not exist/,
  ],
  [
    'an unknown environment',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.phases[2].environmentId = '10012')),
    400,
    /environment 10012 does not exist/,
  ],
  ['an audit page without /', 'POST', `${SUMMIT}/pipelines`, production(setPages(['en.html'])), 400, /"en\.html" does not start with \//],
  ['more than 25 audit pages', 'POST', `${SUMMIT}/pipelines`, production(setPages(manyPages)), 400, /at most 25 pages/],
  [
    'a bad behaviour',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.phases[0].steps = [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'SOMETIMES' } }])),
    400,
    /importantMetricFailuresBehavior: must be one of ASK, FAIL, CONTINUE/,
  ],
  [
    'a bad trigger',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.trigger = 'NIGHTLY')),
    400,
    /^trigger: must be one of MANUAL, ON_COMMIT/,
  ],
  ['an unknown field', 'POST', `${SUMMIT}/pipelines`, production((b) => (b.color = 'red')), 400, /unknown field "color"/],
  [
    'a step of another phase',
    'POST',
    `${SUMMIT}/pipelines`,
    production((b) => (b.phases[2].steps = [{ name: 'uiTest' }])),
    400,
    /"uiTest" is not one of its steps/,
  ],
  ['malformed JSON', 'POST', `${SUMMIT}/pipelines`, '{"name": "x", ', 400, /.*/],
  ['no body', 'POST', `${SUMMIT}/pipelines`, undefined, 400, /.*/],
  // Edit (spec PATCH with PipelineUpdate, plus name and trigger)
  [
    'an unknown step',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'BUILD', steps: [{ name: 'loadTest' }] }] },
    400,
    /steps\[0\]\.name: unknown step "loadTest"/,
  ],
  [
    'a step of another phase',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'BUILD', steps: [{ name: 'deploy' }] }] },
    400,
    /BUILD phase: "deploy" is not one of its steps/,
  ],
  ['an empty name', 'PATCH', `${WKND}/pipeline/101`, { name: '' }, 400, /^name: must not be empty/],
  [
    'a duplicate name',
    'PATCH',
    `${WKND}/pipeline/102`,
    { name: 'Production Pipeline' },
    400,
    /already has a pipeline named "Production Pipeline"/,
  ],
  ['a bad branch', 'PATCH', `${WKND}/pipeline/101`, { phases: [{ type: 'BUILD', branch: 'nope' }] }, 400, /branch "nope" does not exist/],
  [
    'an empty branch',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'BUILD', branch: '' }] },
    400,
    /^BUILD phase: branch is required/,
  ],
  ['no BUILD phase', 'POST', `${SUMMIT}/pipelines`, { name: 'Nothing to build', phases: [] }, 400, /exactly one BUILD phase/],
  [
    'an audit page without /',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'DEPLOY', name: 'DEPLOY_STAGE', steps: [{ name: 'contentAudit', options: { pages: ['/ok', 'us/en.html'] } }] }] },
    400,
    /"us\/en\.html" does not start with \//,
  ],
  [
    'more than 25 audit pages',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'DEPLOY', environmentId: '10011', steps: [{ name: 'contentAudit', options: { pages: manyPages } }] }] },
    400,
    /at most 25 pages \(got 26\)/,
  ],
  [
    'an environment of another type',
    'PATCH',
    `${WKND}/pipeline/101`,
    { phases: [{ type: 'DEPLOY', name: 'DEPLOY_PROD', environmentId: '10011' }] },
    400,
    /is a stage environment; this phase deploys to prod/,
  ],
  [
    'a phase the pipeline lacks',
    'PATCH',
    `${WKND}/pipeline/103`,
    { phases: [{ type: 'DEPLOY', environmentType: 'dev' }] },
    400,
    /no DEPLOY phase/,
  ],
  ['an unknown field', 'PATCH', `${WKND}/pipeline/101`, { phases: [], owner: 'me' }, 400, /unknown field "owner"/],
  ['malformed JSON', 'PATCH', `${WKND}/pipeline/101`, '{"phases": [', 400, /.*/],
  ['an array body', 'PATCH', `${WKND}/pipeline/101`, [], 400, /must be a JSON object/],
  // Variables (spec PATCH with PipelineVariableUpdate[])
  [
    'an invalid variable name',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: '9LIVES', value: 'x' }],
    400,
    /^"9LIVES": a name has only letters/,
  ],
  [
    'a one-character name',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'A', value: 'x' }],
    400,
    /^"A": a name has 2 to 100 characters/,
  ],
  [
    'a reserved name',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'ADOBE_TOKEN', value: 'x' }],
    400,
    /^"ADOBE_TOKEN": names starting with ADOBE_ are reserved/,
  ],
  [
    'a secret of 500 characters',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'BIG_SECRET', value: 's'.repeat(500), type: 'secretString' }],
    400,
    /^"BIG_SECRET": a secretString value must be shorter than 500/,
  ],
  [
    'a value over 2048 characters',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'BIG', value: 'v'.repeat(2049) }],
    400,
    /^"BIG": a value has at most 2048/,
  ],
  [
    'a type change',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'EXISTING', value: 'x', type: 'secretString' }],
    400,
    /^"EXISTING": the type of a variable cannot change/,
  ],
  [
    'a bad type',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [{ name: 'NEW_ONE', value: 'x', type: 'number' }],
    400,
    /type: must be one of string, secretString/,
  ],
  [
    'a name twice',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    [
      { name: 'TWICE', value: 'a' },
      { name: 'TWICE', value: 'b' },
    ],
    400,
    /^"TWICE": listed more than once/,
  ],
  ['an object body', 'PATCH', `${WKND}/pipeline/101/variables`, { name: 'X_Y', value: 'x' }, 400, /must be an array/],
  [
    'more than 200 variables',
    'PATCH',
    `${WKND}/pipeline/101/variables`,
    Array.from({ length: 201 }, (_, i) => ({ name: `VAR_${i}`, value: 'x' })),
    400,
    /has at most 200 items/,
  ],
  ['malformed JSON', 'PATCH', `${WKND}/pipeline/101/variables`, '[{"name":', 400, /.*/],
  // Push (simulation control)
  [
    'a bad branch name',
    'POST',
    '/_sim/push',
    { programId: '1', repositoryId: '201', branch: 'a..b' },
    400,
    /^branch: is not a valid git branch name/,
  ],
  ['an unknown repository', 'POST', '/_sim/push', { programId: '1', repositoryId: '999', branch: 'main' }, 404, /.*/],
  ['an unknown field', 'POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'main', force: true }, 400, /.*/],
];

describe('refused pipeline configuration', () => {
  it.each(CASES)('%s (%s %s) → problem+json naming it, and nothing changes', async (_what, method, path, body, status, names) => {
    const { api, call } = setup();
    expect((await call('PATCH', `${WKND}/pipeline/101/variables`, [{ name: 'EXISTING', value: 'plain' }])).status).toBe(204);
    const before = structuredClone(api.simulator.state);
    const answer = await call(method, path, body);
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    const messages: string[] = answer.body.errors ?? [answer.body.detail];
    expect(
      messages.some((m) => names.test(m)),
      JSON.stringify(answer.body),
    ).toBe(true);
    expect(api.simulator.state).toEqual(before);
  });

  it('lists every problem of a body at once', async () => {
    const { call } = setup();
    const answer = await call(
      'POST',
      `${SUMMIT}/pipelines`,
      production((b) => {
        b.name = '';
        b.phases[0].branch = 'nope';
        setPages(['no-slash', 'also-none'])(b);
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(4);
  });

  it('refuses to edit, delete or set variables on a running pipeline with 412 "Pipeline is busy", whatever the body', async () => {
    const { api, call } = setup();
    expect((await call('PUT', `${WKND}/pipeline/101/execution`)).status).toBe(201);
    const before = structuredClone(api.simulator.state);
    for (const [method, path, body] of [
      ['PATCH', `${WKND}/pipeline/101`, { name: 'Renamed' }],
      ['PATCH', `${WKND}/pipeline/101`, { name: '' }],
      ['DELETE', `${WKND}/pipeline/101`, undefined],
      ['PATCH', `${WKND}/pipeline/101/variables`, [{ name: 'OK_NAME', value: 'x' }]],
      ['PATCH', `${WKND}/pipeline/101/variables`, 'not json'],
    ] as const) {
      const answer = await call(method, path, body);
      if (body === 'not json') {
        expect(answer.status).toBe(400); // the body cannot even be read
        continue;
      }
      expect(answer.status, `${method} ${path}`).toBe(412);
      expect(answer.type).toBe('application/problem+json');
      expect(answer.body.title).toBe('Pipeline is busy');
    }
    expect(api.simulator.state).toEqual(before);
    // The cache can be invalidated at any time.
    expect((await call('DELETE', `${WKND}/pipeline/101/cache`)).status).toBe(204);
  });

  it('answers 404 for an unknown pipeline to edit, delete or read variables of', async () => {
    const { call } = setup();
    for (const [method, path] of [
      ['PATCH', `${WKND}/pipeline/999`],
      ['DELETE', `${WKND}/pipeline/999`],
      ['GET', `${WKND}/pipeline/999/variables`],
      ['DELETE', `${WKND}/pipeline/999/cache`],
    ]) {
      expect((await call(method, path, method === 'PATCH' ? {} : undefined)).status).toBe(404);
    }
  });
});

describe('On Git Changes through POST /_sim/push', () => {
  it('answers the commit, the runs it started and the pipelines that were busy', async () => {
    const { call } = setup();
    const first = await call('POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'develop', message: 'Fix the footer' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      commitId: expect.stringMatching(/^[0-9a-f]{40}$/),
      started: [{ pipelineId: '102', executionId: expect.any(String) }],
      busy: [],
    });
    const execution = await call('GET', `${WKND}/pipeline/102/execution/${first.body.started[0].executionId}`);
    expect(execution.body.trigger).toBe('ON_COMMIT');
    const build = execution.body._embedded.stepStates.find((s: { action: string }) => s.action === 'build');
    expect(build.commitId).toBe(first.body.commitId);
    const second = await call('POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'develop' });
    expect(second.body).toMatchObject({ started: [], busy: ['102'] });
    const branches = await call('POST', '/_sim/push', { programId: '5', repositoryId: '205', branch: 'feature/launch' });
    expect(branches.body.started).toEqual([]);
    const list = await call('GET', `${SUMMIT}/repository/205/branches`);
    expect(list.body._embedded.branches.map((b: { name: string }) => b.name)).toContain('feature/launch');
  });

  it('records the pull request a pushed commit came from on the build step; refuses a bad number, changing nothing', async () => {
    const { call } = setup();
    const bad = await call('POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'develop', pullRequest: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe("pullRequest must be the pull request's number, a positive integer.");
    expect((await call('GET', `${WKND}/pipeline/102/executions`)).body._embedded.executions[0].trigger).not.toBe('ON_COMMIT');

    const pushed = await call('POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'develop', pullRequest: 42 });
    const execution = await call('GET', `${WKND}/pipeline/102/execution/${pushed.body.started[0].executionId}`);
    const build = execution.body._embedded.stepStates.find((s: { action: string }) => s.action === 'build');
    const repository = await call('GET', `${WKND}/repository/201`);
    expect(build.details.pullRequestUrl).toBe(`${repository.body.repositoryUrl}pull/42`);
    // a commit pushed without one is not from a pull request
    await call('POST', '/_sim/clock', { advanceMs: 24 * 3600_000 });
    const next = await call('POST', '/_sim/push', { programId: '1', repositoryId: '201', branch: 'develop' });
    const plain = await call('GET', `${WKND}/pipeline/102/execution/${next.body.started[0].executionId}`);
    expect(plain.body._embedded.stepStates.find((s: { action: string }) => s.action === 'build').details?.pullRequestUrl).toBeUndefined();
  });
});
