// @vitest-environment node
/**
 * The simulated API as a client sees it: every request after /api/programs follows a link from an
 * earlier response, and every JSON body is validated against the spec's definitions.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import type { OutcomePreset } from '../sim/model';
import { OUTCOME_PRESETS } from '../sim/outcomes';
import { createSpecValidator } from './spec-validator';
import { SIM_REL, embedded, findLink, href, pipelineOf, programByName, type Hal } from '../../test-support/hal';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { API_ROUTES } from './route-table';

const ORIGIN = 'http://localhost:8787';
const validate = createSpecValidator();

function setup() {
  let wall = Date.UTC(2026, 10, 28, 9, 0, 0);
  const api = createSimulator({ seed: 1, wallClock: () => wall });
  const violations: string[] = [];
  const call = async (method: string, href: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await api.handle(
      new Request(new URL(href, ORIGIN), {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    return response;
  };
  /** GET a link and validate the body against `definition`. */
  const get = async <T = Hal>(href: string, definition?: string): Promise<T> => {
    const response = await call('GET', href);
    expect(response.status, `GET ${href}`).toBe(200);
    const body = (await response.json()) as T;
    if (definition) violations.push(...validate(definition, body).map((v) => `GET ${href}: ${v}`));
    return body;
  };
  const control = (method: string, path: string, body: unknown) => call(method, path, body);
  const tick = (ms: number) => {
    wall += ms;
  };
  return { api, call, get, control, violations, tick };
}

/** The production pipeline of a program, found through links (test-support/hal). */
async function productionPipeline(t: ReturnType<typeof setup>, programName = 'WKND Sites') {
  const program = await programByName(t.get, programName);
  return { program, pipeline: await pipelineOf(t.get, program) };
}

const failingImportant = (metrics: { severity: string; passed: boolean; kpi: string }[]) =>
  metrics.filter((m) => m.severity === 'important' && !m.passed).map((m) => ({ kpi: m.kpi, override: true }));

describe('the simulated Cloud Manager API', () => {
  it('serves programs, pipelines, environments and repositories that match the spec', async () => {
    const t = setup();
    const programs = await t.get('/api/programs', 'ProgramList');
    expect(embedded(programs, 'programs').length).toBeGreaterThanOrEqual(3);
    for (const listed of embedded(programs, 'programs')) {
      expect(typeof listed.id).toBe('string');
      const program = await t.get(href(listed, 'self'), 'Program');
      expect(href(program, 'self')).toMatch(/^\/api\//);
      const environments = await t.get(href(program, 'environments'), 'EnvironmentList');
      expect(embedded(environments, 'environments').map((e) => e.type)).toEqual(expect.arrayContaining(['dev', 'stage', 'prod']));
      await t.get(href(program, 'repositories'), 'RepositoryList');
      const pipelines = await t.get(href(program, 'pipelines'), 'PipelineList');
      for (const pipeline of embedded(pipelines, 'pipelines')) {
        await t.get(href(pipeline, 'self'), 'Pipeline');
        expect(pipeline.status).toBe('IDLE');
        const current = await t.call('GET', href(pipeline, 'execution'));
        expect(current.status).toBe(404);
        expect(current.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    expect(t.violations).toEqual([]);
  });

  it('pages the execution history newest first with next/prev/page links', async () => {
    const t = setup();
    const { pipeline } = await productionPipeline(t);
    const first = await t.get(`${href(pipeline, 'executions')}?start=0&limit=10`, 'PipelineExecutionListRepresentation');
    const total = first._totalNumberOfItems as number;
    expect(total).toBeGreaterThanOrEqual(25);
    const seen: Hal[] = [...embedded(first, 'executions')];
    let page = first;
    while (findLink(page, 'next')) {
      page = await t.get(href(page, 'next'), 'PipelineExecutionListRepresentation');
      seen.push(...embedded(page, 'executions'));
    }
    expect(seen).toHaveLength(total);
    const created = seen.map((e) => Date.parse(String(e.createdAt).replace(/(\d{2})(\d{2})$/, '$1:$2')));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(findLink(page, 'prev')).toBeDefined();
    expect(findLink(page, 'page')?.templated).toBe(true);
    expect(seen.some((e) => e.trigger === 'PUSH_UPGRADES')).toBe(true);
    expect(seen.some((e) => e.trigger === 'RE_EXECUTE')).toBe(true);
    expect(t.violations).toEqual([]);
  });

  const outcomes = OUTCOME_PRESETS.filter((o) => o !== 'mix');
  it.each(outcomes)('runs a whole production execution with outcome %s through links only', async (outcome: OutcomePreset) => {
    const t = setup();
    expect((await t.control('PUT', '/_sim/outcome', { outcome })).status).toBe(200);
    const { pipeline } = await productionPipeline(t);
    const started = await t.call('PUT', href(pipeline, 'execution'));
    expect(started.status).toBe(201);
    const execution = (await started.json()) as Hal;
    t.violations.push(...validate('PipelineExecution', execution));
    expect(started.headers.get('location')).toBe(new URL(href(execution, 'self'), ORIGIN).toString());
    expect(execution.status).toBe('RUNNING');
    expect(execution.trigger).toBe('MANUAL');
    const busy = await t.call('PUT', href(pipeline, 'execution'));
    expect(busy.status).toBe(412);

    let current = execution;
    const seenStatuses = new Set<string>();
    for (let i = 0; i < 400 && ['RUNNING', 'CANCELLING', 'NOT_STARTED'].includes(current.status as string); i += 1) {
      await t.control('POST', '/_sim/clock', { advanceMs: 60_000 });
      current = await t.get(href(current, 'self'), 'PipelineExecution');
      for (const step of embedded(current, 'stepStates')) {
        seenStatuses.add(step.status as string);
        if (findLink(step, 'pipeline/logs') && step.status === 'RUNNING' && i % 7 === 0) {
          const redirect = await t.get<{ redirect: string }>(href(step, 'pipeline/logs'), 'Redirect');
          const log = await t.call('GET', redirect.redirect);
          expect(log.status).toBe(200);
          expect(log.headers.get('content-type')).toMatch(/^text\/plain/);
        }
      }
      const waiting = embedded(current, 'stepStates').find((s) => s.status === 'WAITING');
      if (!waiting) continue;
      const state = await t.get(href(waiting, 'self'), 'PipelineExecutionStepState');
      const advance = href(state, 'pipeline/advance');
      let body: unknown;
      if (state.action === 'codeQuality') {
        const metrics = await t.get<{ metrics: { severity: string; passed: boolean; kpi: string }[] }>(
          href(state, 'pipeline/metrics'),
          'PipelineStepMetrics',
        );
        body = { metrics: failingImportant(metrics.metrics) };
      } else if (state.action === 'approval') body = { approved: true };
      else body = { type: 'IMMEDIATE' };
      const response = await t.call('PUT', advance, body);
      expect(response.status, `advance ${state.action}`).toBe(202);
    }
    const expected: Record<string, string> = {
      pass: 'FINISHED',
      criticalQualityFailure: 'FAILED',
      importantQualityFailure: 'FINISHED',
      testFailure: 'FAILED',
      noCustomTests: 'FINISHED',
      functionalTestTimeout: 'FAILED',
      uiTestTimeout: 'FAILED',
      stageDeployFailure: 'FAILED',
      prodDeployFailure: 'FAILED',
      auditRegression: 'FINISHED',
      auditSteady: 'FINISHED',
    };
    expect(current.status).toBe(expected[outcome]);
    if (outcome === 'noCustomTests') expect(seenStatuses.has('INCOMPLETE')).toBe(true);
    // every finished step's links and sub-resources match the spec
    for (const step of embedded(current, 'stepStates')) {
      if (findLink(step, 'pipeline/metrics')) await t.get(href(step, 'pipeline/metrics'), 'PipelineStepMetrics');
      if (findLink(step, 'pipeline/artifacts')) {
        const artifacts = await t.get(href(step, 'pipeline/artifacts'), 'ArtifactList');
        for (const artifact of embedded(artifacts, 'artifacts')) {
          const redirect = await t.get<{ redirect: string }>(href(artifact, 'self'), 'Redirect');
          expect((await t.call('GET', redirect.redirect)).status).toBe(200);
        }
      }
      expect(findLink(step, 'pipeline/advance')).toBeUndefined();
      expect(findLink(step, 'pipeline/cancel')).toBeUndefined();
    }
    const prodDeploy = embedded(current, 'stepStates').find((s) => s.action === 'deploy' && s.environmentType === 'prod')!;
    const offered = findLink(prodDeploy, 'pipeline/reExecute') !== undefined;
    expect(offered).toBe(
      ['pass', 'importantQualityFailure', 'noCustomTests', 'auditRegression', 'auditSteady', 'prodDeployFailure'].includes(outcome),
    );
    if (offered) {
      const again = await t.call('PUT', href(prodDeploy, 'pipeline/reExecute'));
      expect(again.status).toBe(201);
      const reExecution = (await again.json()) as Hal;
      t.violations.push(...validate('PipelineExecution', reExecution));
      expect(reExecution.trigger).toBe('RE_EXECUTE');
      expect(embedded(reExecution, 'stepStates').map((s) => s.action)).toEqual(['validate', 'build', 'deploy']);
      expect(embedded(reExecution, 'stepStates')[1].details).toMatchObject({ reusedArtifacts: true });
    }
    expect(t.violations).toEqual([]);
  });

  it('serves logs as a redirect (JSON or 307) to text that honours Range for tailing', async () => {
    const t = setup();
    await t.control('PUT', '/_sim/outcome', { outcome: 'pass' });
    const { pipeline } = await productionPipeline(t);
    const execution = (await (await t.call('PUT', href(pipeline, 'execution'))).json()) as Hal;
    await t.control('POST', '/_sim/clock', { advanceMs: 3 * 60_000 }); // the build is running
    const running = await t.get(href(execution, 'self'));
    const build = embedded(running, 'stepStates').find((s) => s.action === 'build')!;
    expect(build.status).toBe('RUNNING');
    const logs = href(build, 'pipeline/logs');
    const plain = await t.call('GET', logs, undefined, { accept: '*/*' });
    expect(plain.status).toBe(307);
    const { redirect } = await t.get<{ redirect: string }>(logs, 'Redirect');
    expect(plain.headers.get('location')).toBe(redirect);
    expect(redirect).toMatch(/^http:\/\/localhost:8787\//);
    const partial = await (await t.call('GET', redirect)).text();
    expect(partial.length).toBeGreaterThan(0);
    const nothingNew = await t.call('GET', redirect, undefined, { range: `bytes=${new TextEncoder().encode(partial).length}-` });
    expect(nothingNew.status).toBe(416);
    await t.control('POST', '/_sim/clock', { advanceMs: 2 * 60_000 });
    const tail = await t.call('GET', redirect, undefined, { range: `bytes=${new TextEncoder().encode(partial).length}-` });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toMatch(/^bytes \d+-\d+\/\d+$/);
    const grown = await (await t.call('GET', redirect)).text();
    expect(grown.startsWith(partial)).toBe(true);
    expect(grown).toBe(partial + (await tail.text()));
    await t.control('POST', '/_sim/clock', { advanceMs: 10 * 60_000 });
    const scan = embedded(await t.get(href(execution, 'self')), 'stepStates').find((s) => s.action === 'codeQuality')!;
    const sonar = await t.get<{ redirect: string }>(`${href(scan, 'pipeline/logs')}?file=sonarLogFile`, 'Redirect');
    expect((await t.call('GET', sonar.redirect)).status).toBe(200);
    const missing = await t.call('GET', `${href(scan, 'pipeline/logs')}?file=nope`);
    expect(missing.status).toBe(404);
    expect(t.violations).toEqual([]);
  });

  it('answers bad input with problem+json and keeps its state', async () => {
    const t = setup();
    const { program, pipeline } = await productionPipeline(t);
    const snapshot = JSON.stringify(t.api.simulator.state.executions);
    const expectProblem = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = (await response.json()) as { status: number; title: string };
      expect(body.status).toBe(status);
      expect(body.title).toBeTruthy();
    };
    await expectProblem(await t.call('GET', '/api/program/9999'), 404);
    await expectProblem(await t.call('GET', `${href(program, 'self')}/pipeline/9999`), 404);
    await expectProblem(await t.call('GET', `${href(pipeline, 'self')}/execution/424242`), 404);
    await expectProblem(await t.call('GET', `${href(pipeline, 'self')}/execution/%3Cscript%3E`), 404);
    await expectProblem(await t.call('GET', '/api/nothing/here'), 404);
    await expectProblem(await t.call('POST', href(pipeline, 'self')), 405);
    await expectProblem(await t.call('GET', `${href(pipeline, 'executions')}?limit=abc`), 400);
    expect(JSON.stringify(t.api.simulator.state.executions)).toBe(snapshot);

    const execution = (await (await t.call('PUT', href(pipeline, 'execution'))).json()) as Hal;
    await t.control('POST', '/_sim/clock', { advanceMs: 60_000 });
    const validate = embedded(await t.get(href(execution, 'self')), 'stepStates')[0];
    const before = JSON.stringify(t.api.simulator.state.executions);
    await expectProblem(await t.call('PUT', `${href(validate, 'self')}/advance`, '{"approved": tru'), 400);
    await expectProblem(await t.call('PUT', `${href(validate, 'self')}/advance`, { approved: true }), 409);
    await expectProblem(await t.call('PUT', `${href(validate, 'self')}/cancel`, { cancel: true }), 409);
    await expectProblem(await t.call('PUT', `${href(validate, 'self')}/advance`, 'x'.repeat(70_000)), 413);
    await expectProblem(await t.control('PUT', '/_sim/speed', { speed: -1 }), 400);
    await expectProblem(await t.control('PUT', '/_sim/outcome', { outcome: 'everything' }), 400);
    expect(JSON.stringify(t.api.simulator.state.executions)).toBe(before);
  });

  it('serves pipelines you configure (add, edit, variables, cache, delete) and branches that match the spec', async () => {
    const t = setup();
    const summit = await programByName(t.get, 'Summit Launch');
    const pipelines = await t.get(href(summit, 'pipelines'), 'PipelineList');
    expect(embedded(pipelines, 'pipelines')).toEqual([]);
    const add = href(pipelines, `${SIM_REL}createPipeline`);
    expect(add).toBe(href(summit, 'pipelines'));
    const repositories = await t.get(href(summit, 'repositories'), 'RepositoryList');
    const repository = await t.get(href(embedded(repositories, 'repositories')[0], 'self'), 'Repository');
    const branches = await t.get(href(repository, 'branches'), 'BranchList');
    expect(embedded(branches, 'branches').map((b) => b.name)).toEqual(expect.arrayContaining(['main', 'develop']));
    const environments = embedded(await t.get(href(summit, 'environments'), 'EnvironmentList'), 'environments');
    const envOf = (type: string) => environments.find((e) => e.type === type)!.id;

    const created = await t.call('POST', add, {
      name: 'Summit Production',
      trigger: 'MANUAL',
      phases: [
        { type: 'BUILD', repositoryId: repository.id, branch: 'main' },
        { type: 'DEPLOY', environmentId: envOf('stage'), steps: [{ name: 'contentAudit', options: { pages: ['/en.html'] } }] },
        { type: 'DEPLOY', environmentId: envOf('prod'), steps: [{ name: 'approval' }, { name: 'deploy' }] },
      ],
    });
    expect(created.status).toBe(201);
    const pipeline = (await created.json()) as Hal;
    t.violations.push(...validate('Pipeline', pipeline).map((v) => `created: ${v}`));
    expect(created.headers.get('location')).toBe(new URL(href(pipeline, 'self'), ORIGIN).toString());
    expect((pipeline.phases as { steps: { name: string }[] }[]).at(-1)!.steps.map((s) => s.name)).toEqual(['approval', 'deploy']);
    await t.get(href(summit, 'pipelines'), 'PipelineList');

    const patched = await t.call('PATCH', href(pipeline, 'self'), {
      phases: [
        { type: 'BUILD', branch: 'develop', steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'FAIL' } }] },
      ],
    });
    expect(patched.status).toBe(200);
    const edited = (await patched.json()) as Hal;
    t.violations.push(...validate('Pipeline', edited).map((v) => `patched: ${v}`));
    const build = (edited.phases as { type: string; branch?: string; steps: { name: string; options?: unknown }[] }[]).find(
      (p) => p.type === 'BUILD',
    )!;
    expect(build.branch).toBe('develop');
    expect(build.steps.find((s) => s.name === 'codeQuality')?.options).toEqual({ importantMetricFailuresBehavior: 'FAIL' });

    const variables = href(edited, 'variables');
    expect(embedded(await t.get(variables, 'VariableList'), 'variables')).toEqual([]);
    const set = await t.call('PATCH', variables, [
      { name: 'MY_VAR', value: 'one' },
      { name: 'MY_SECRET', value: 's3cr3t', type: 'secretString' },
    ]);
    expect(set.status).toBe(204);
    const listed = await t.get(variables, 'VariableList');
    expect(embedded(listed, 'variables')).toEqual([
      { name: 'MY_VAR', type: 'string', value: 'one', status: 'ready' },
      { name: 'MY_SECRET', type: 'secretString', status: 'ready' },
    ]);
    expect(href(listed, 'pipeline')).toBe(href(edited, 'self'));
    expect((await t.call('DELETE', href(edited, 'cache'))).status).toBe(204);
    expect((await t.call('DELETE', href(edited, 'self'))).status).toBe(204);
    expect((await t.call('GET', href(edited, 'self'))).status).toBe(404);
    expect(t.violations).toEqual([]);
  });

  it('serves environments with their logs and variables, and repositories’ generatePassword, that match the spec', async () => {
    const t = setup();
    const wknd = await programByName(t.get, 'WKND Sites');
    const environments = embedded(await t.get(href(wknd, 'environments'), 'EnvironmentList'), 'environments');
    for (const listed of environments) {
      const environment = await t.get(href(listed, 'self'), 'Environment');
      for (const rel of ['program', 'author', 'publish', 'developerConsole', 'logs', 'variables', 'self'])
        expect(findLink(environment, rel), rel).toBeDefined();
      expect(findLink(environment, 'logs')?.templated).toBe(true);
      expect(findLink(environment, 'preview') !== undefined).toBe(environment.type !== 'stage');
      expect(href(environment, 'developerConsole')).toMatch(/^https:\/\/dev-console-.*#release-cm-p1-e\d+$/);
      expect(environment.aemRelease).toMatch(/^\d{4}\.\d+\.\d+\.\d{8}T\d{6}Z$/);
    }
    const prod = await t.get(
      href(
        environments.find((e) => e.type === 'prod'),
        'self',
      ),
      'Environment',
    );
    expect((prod.availableLogOptions as unknown[]).length).toBe(15);

    const logs = await t.get(href(prod, 'logs', { service: 'author', name: 'aemerror', days: 2 }), 'EnvironmentLogs');
    expect(logs).toMatchObject({ service: ['author'], name: ['aemerror'], days: 2 });
    const downloads = embedded(logs, 'downloads');
    expect(downloads.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-27']);
    for (const download of downloads) t.violations.push(...validate('EnvironmentLog', download).map((v) => `download: ${v}`));
    expect(findLink(downloads[0], 'logs/tail')?.href).toBe(`${ORIGIN}/files/environment/${prod.id}/logs/author/aemerror/2026-11-28.log`);
    expect(findLink(downloads[1], 'logs/tail')).toBeUndefined();
    const { redirect } = await t.get<{ redirect: string }>(href(downloads[1], 'logs/download'), 'Redirect');
    const gz = await t.call('GET', redirect);
    expect(gz.headers.get('content-type')).toBe('application/gzip');
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toMatch(/^27\.11\.2026 00:/);

    const bad = await t.call('GET', href(prod, 'logs', { service: 'author', name: 'httpdaccess', days: 15 }));
    expect(bad.status).toBe(400);
    t.violations.push(...validate('BadRequestError', await bad.json()).map((v) => `400: ${v}`));

    const variables = await t.get(href(prod, 'variables'), 'VariableList');
    expect(href(variables, 'environment')).toBe(href(prod, 'self'));
    expect(embedded(variables, 'variables')).toEqual([
      { name: 'ANALYTICS_ENDPOINT', type: 'string', value: 'https://analytics.wknd.site/collect', status: 'ready' },
      { name: 'SEARCH_API_KEY', type: 'secretString', service: 'publish', status: 'ready' },
    ]);
    expect((await t.call('PATCH', href(prod, 'variables'), [{ name: 'NEW_ONE', value: 'x', service: 'preview' }])).status).toBe(204);
    expect(embedded(await t.get(href(prod, 'variables'), 'VariableList'), 'variables').at(-1)).toEqual({
      name: 'NEW_ONE',
      type: 'string',
      value: 'x',
      service: 'preview',
      status: 'updating',
    });
    expect((await t.get(href(prod, 'self'), 'Environment')).status).toBe('updating');

    const repositories = await t.get(href(wknd, 'repositories'), 'RepositoryList');
    const repository = await t.get(href(embedded(repositories, 'repositories')[0], 'self'), 'Repository');
    const passwords = await Promise.all(
      [0, 1].map(
        async () => (await t.call('POST', href(repository, `${SIM_REL}generatePassword`))).json() as Promise<Record<string, string>>,
      ),
    );
    expect(passwords[0]).toEqual({
      username: 'simulatedorg-1',
      password: expect.stringMatching(/^\w{32}$/),
      repositoryUrl: repository.repositoryUrl,
    });
    expect(passwords[1].password).not.toBe(passwords[0].password);
    expect(t.violations).toEqual([]);
  });

  it('adds only the documented operations the spec lacks: POST to a program’s pipelines and to a repository’s generatePassword', () => {
    const spec = parse(readFileSync(new URL('./spec/api.yaml', import.meta.url), 'utf8')) as { paths: Record<string, object> };
    const normal = (path: string) => path.replace(/\{\w+\}/g, '{}');
    const operations = new Set(
      Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${normal(path)}`)),
    );
    const missing = API_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${normal(`/api${r.path}`)}`)).filter((op) => !operations.has(op));
    expect(missing).toEqual(['POST /api/program/{}/repository/{}/generatePassword', 'POST /api/program/{}/pipelines']);
  });

  it('starts exactly one execution for 20 concurrent starts', async () => {
    const t = setup();
    const { pipeline } = await productionPipeline(t);
    const before = t.api.simulator.state.executions.length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.call('PUT', href(pipeline, 'execution'))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(t.api.simulator.state.executions.length).toBe(before + 1);
  });

  it('serves every href under another path layout when asked, with the same entry point', async () => {
    const t = setup();
    await t.control('PUT', '/_sim/layout', { layout: 'alternate' });
    const { program, pipeline } = await productionPipeline(t);
    expect(href(program, 'self')).toMatch(/^\/api\/alt-layout\//);
    expect(href(pipeline, 'executions')).toMatch(/^\/api\/alt-layout\//);
    expect((await t.call('GET', '/api/program/1')).status).toBe(404);
    await t.control('PUT', '/_sim/layout', { layout: 'standard' });
    expect((await t.call('GET', '/api/program/1')).status).toBe(200);
  });

  it('answers like the gateway when the Cloud Manager headers are required and missing', async () => {
    const api = createSimulator({ seed: 1, requireAuth: true });
    const ask = (headers: Record<string, string>) => api.handle(new Request(`${ORIGIN}/api/programs`, { headers }));
    const noKey = await ask({});
    expect(noKey.status).toBe(403);
    expect(await noKey.json()).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
    expect((await ask({ 'x-api-key': 'k', 'x-gw-ims-org-id': 'o@AdobeOrg' })).status).toBe(401);
    expect((await ask({ 'x-api-key': 'k', 'x-gw-ims-org-id': 'o@AdobeOrg', authorization: 'Bearer t' })).status).toBe(200);
  });
});
