// @vitest-environment node
/**
 * Who may do what (issue 14): each action the permission table gates is refused (403, naming the
 * permission and the roles that have it; nothing changes) for a user without it and done for one
 * with it, who is then recorded (execution `user` + `startedBy`, step `details.decidedBy`/`decidedAt`).
 * Every representation with the new extension fields still matches the spec.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { PERMISSIONS, PERMISSION_KEYS, SEED_USERS, type Permission, type User } from '../sim/users';
import { apiClient, type ApiClient } from '../../test-support/api-client';
import { SIM_REL, embedded, findLink, href, pipelineOf, programByName, type Hal } from '../../test-support/hal';
import { openAccess, parseUsersFile, tokenAccess, type Access } from './identity';
import { createSpecValidator } from './spec-validator';

const ORIGIN = 'http://localhost:8787';
const WALL = Date.UTC(2026, 10, 28, 9, 0, 0);
const validate = createSpecValidator();
const [dana, priya, marco, lena, sam, kenji] = SEED_USERS;
const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

function setup(options: { access?: Access; requireAuth?: boolean } = {}) {
  const api = createSimulator({ seed: 1, wallClock: () => WALL, ...options });
  const client = apiClient(api.handle, ORIGIN, { validate });
  const as = (user: User) => client.as({ 'x-sim-user': user.id });
  const state = () => JSON.stringify(api.simulator.state);
  const jump = (ms: number) => client.call('POST', '/_sim/clock', { advanceMs: ms });
  return { api, client, as, state, jump };
}

type Setup = ReturnType<typeof setup>;

/** Expects the 403 naming `permission` and its roles, and that nothing changed. */
async function expectRefused(t: Setup, send: () => Promise<Response>, permission: Permission) {
  const before = t.state();
  const response = await send();
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ status: 403, title: 'Permission required', errors: [permission] });
  expect(body.detail).toContain(`${PERMISSIONS[permission].name} is required`);
  expect(body.detail).toContain('Roles that have it: ');
  expect(t.state()).toBe(before);
  return body as { detail: string };
}

async function wknd(client: ApiClient) {
  const program = await programByName(client.get, 'WKND Sites');
  return { program, pipeline: await pipelineOf(client.get, program) };
}

/** Starts a run of WKND's production pipeline as `user` with `outcome`, and moves the clock until a step waits. */
async function runToHold(t: Setup, user: User, outcome: string, waitMs: number) {
  await t.client.call('PUT', '/_sim/outcome', { outcome });
  const { pipeline } = await wknd(t.client);
  const started = await t.as(user).call('PUT', href(pipeline, 'execution'));
  expect(started.status).toBe(201);
  const execution: Hal = await started.json();
  await t.jump(waitMs);
  const current = await t.client.get(href(execution, 'self'), 'PipelineExecution');
  return { pipeline, execution: current, waiting: embedded(current, 'stepStates').find((s) => s.status === 'WAITING')! };
}

const stepNow = (t: Setup, step: Hal) => t.client.get(href(step, 'self'), 'PipelineExecutionStepState');

describe('users and permissions (embedded simulator: x-sim-user)', () => {
  it('tells who acts (a Deployment Manager by default), lists the users and the permission table, and puts the acting user’s permissions on the Program', async () => {
    const t = setup();
    expect(await t.client.get('/_sim/whoami')).toMatchObject({
      id: marco.id,
      name: 'Marco Bianchi',
      roles: ['DEPLOYMENT_MANAGER'],
      permissions: PERMISSION_KEYS,
      mode: 'embedded',
    });
    expect(await t.as(sam).get('/_sim/whoami')).toMatchObject({ name: 'Sam Okafor', permissions: ['repositoryInfo'] });
    expect((await t.as(priya).get<{ permissions: string[] }>('/_sim/whoami')).permissions).toEqual([
      'executionStart',
      'executionCancel',
      'productionApprove',
      'productionSchedule',
      'qualityOverride',
      'repositoryInfo',
    ]);
    const users = await t.client.get<{ users: Hal[]; permissions: typeof PERMISSIONS; roles: Record<string, string> }>('/_sim/users');
    expect(users.users.map((u) => u.name)).toEqual([
      'Dana Whitfield',
      'Priya Raman',
      'Marco Bianchi',
      'Lena Vogel',
      'Sam Okafor',
      'Kenji Sato',
    ]);
    expect(users.permissions.productionApprove.name).toBe('Production Deployments Approve/Reject');
    expect(users.roles.DEVELOPER).toBe('Developer');
    for (const user of users.users) expect(user.id).toMatch(/^[0-9A-F]{24}@AdobeID$/);

    const program = await programByName(t.as(sam).get, 'WKND Sites');
    expect(program.permissions).toEqual(['repositoryInfo']);
    expect((await programByName(t.as(dana).get, 'WKND Sites')).permissions).not.toContain('variablesEdit');
    expect(validate('Program', program)).toEqual([]);
  });

  it('refuses a user that does not exist (401) on the API, and leaves the controls open', async () => {
    const t = setup();
    const nobody = t.client.as({ 'x-sim-user': 'NOBODY@AdobeID' });
    for (const path of ['/api/programs', '/_sim/whoami']) {
      const response = await nobody.call('GET', path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).detail).toContain('GET /_sim/users');
    }
    expect((await nobody.call('GET', '/_sim/state')).status).toBe(200);
    expect((await nobody.call('GET', '/_sim/users')).status).toBe(200);
  });

  it('approval: a Developer gets 403 naming "Production Deployments Approve/Reject"; a Deployment Manager approves and is named', async () => {
    const t = setup();
    const { execution, waiting } = await runToHold(t, marco, 'pass', 3 * 3600_000);
    expect(execution).toMatchObject({ user: marco.id, startedBy: { id: marco.id, name: 'Marco Bianchi' } });
    expect(waiting.action).toBe('approval');
    const refusal = await expectRefused(
      t,
      () => t.as(sam).call('PUT', href(waiting, 'pipeline/advance'), { approved: true }),
      'productionApprove',
    );
    expect(refusal.detail).toBe(
      'Production Deployments Approve/Reject is required to approve or reject a production deployment; Sam Okafor (Developer) does not have it. Roles that have it: Business Owner, Program Manager or Deployment Manager. Nothing was changed.',
    );
    await expectRefused(t, () => t.as(kenji).call('PUT', href(waiting, 'pipeline/cancel'), { approved: false }), 'productionApprove');
    expect((await t.as(lena).call('PUT', href(waiting, 'pipeline/advance'), { approved: true })).status).toBe(202);
    const approved = await stepNow(t, waiting);
    expect(approved.details).toMatchObject({ decidedBy: { id: lena.id, name: 'Lena Vogel' }, input: { approved: true } });
    expect(String((approved.details as Hal).decidedAt)).toMatch(API_TIME);
    expect((approved.details as Hal).decidedAt).toBe(approved.finishedAt);

    // Schedule: a Developer may not; a Program Manager schedules for later, a Business Owner then cancels it.
    await t.jump(10_000);
    const schedule = embedded(await t.client.get(href(execution, 'self')), 'stepStates').find((s) => s.status === 'WAITING')!;
    expect(schedule.action).toBe('schedule');
    await expectRefused(t, () => t.as(sam).call('PUT', href(schedule, 'pipeline/advance'), { type: 'IMMEDIATE' }), 'productionSchedule');
    const later = new Date(WALL + 10 * 86_400_000).toISOString();
    expect((await t.as(priya).call('PUT', href(schedule, 'pipeline/advance'), { type: 'SCHEDULED', schedule: later })).status).toBe(202);
    const scheduled = await stepNow(t, schedule);
    expect(scheduled.details).toMatchObject({ decidedBy: { name: 'Priya Raman' }, scheduledBy: { id: priya.id, name: 'Priya Raman' } });
    await expectRefused(t, () => t.as(kenji).call('PUT', href(scheduled, 'pipeline/cancel'), { cancel: true }), 'executionCancel');
    expect((await t.as(dana).call('PUT', href(scheduled, 'pipeline/cancel'), { cancel: true })).status).toBe(202);
    const cancelled = await stepNow(t, schedule);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.details).toMatchObject({ decidedBy: { id: dana.id, name: 'Dana Whitfield' }, scheduledBy: { name: 'Priya Raman' } });
    await t.client.get(href(execution, 'self'), 'PipelineExecution');
    expect(t.client.violations).toEqual([]);
  });

  it('code quality: override and reject need "Override/Reject Important Metric Failures"', async () => {
    const t = setup();
    const { waiting } = await runToHold(t, dana, 'importantQualityFailure', 40 * 60_000);
    expect(waiting.action).toBe('codeQuality');
    const metrics = await t.client.get<{ metrics: { kpi: string; severity: string; passed: boolean }[] }>(
      href(waiting, 'pipeline/metrics'),
    );
    const body = {
      metrics: metrics.metrics.filter((m) => m.severity === 'important' && !m.passed).map((m) => ({ kpi: m.kpi, override: true })),
    };
    await expectRefused(t, () => t.as(sam).call('PUT', href(waiting, 'pipeline/advance'), body), 'qualityOverride');
    await expectRefused(t, () => t.as(sam).call('PUT', href(waiting, 'pipeline/cancel'), { override: false }), 'qualityOverride');
    expect((await t.as(priya).call('PUT', href(waiting, 'pipeline/cancel'), { override: false })).status).toBe(202);
    expect((await stepNow(t, waiting)).details).toMatchObject({ decidedBy: { name: 'Priya Raman' }, input: { override: false } });
    expect(t.client.violations).toEqual([]);
  });

  it('start, re-execute and cancel need "Pipeline Executions Start" / "Cancel"; the starter is the execution’s user', async () => {
    const t = setup();
    const { pipeline } = await wknd(t.client);
    const last = embedded(await t.client.get(href(pipeline, 'executions')), 'executions')[0];
    const prodDeploy = embedded(last, 'stepStates').find((s) => findLink(s, 'pipeline/reExecute'))!;
    await expectRefused(t, () => t.as(sam).call('PUT', href(prodDeploy, 'pipeline/reExecute')), 'executionStart');
    await expectRefused(t, () => t.as(kenji).call('PUT', href(pipeline, 'execution')), 'executionStart');
    const started = await t.as(priya).call('PUT', href(pipeline, 'execution'));
    expect(started.status).toBe(201);
    const execution: Hal = await started.json();
    expect(execution).toMatchObject({ user: priya.id, startedBy: { id: priya.id, name: 'Priya Raman' }, trigger: 'MANUAL' });
    expect(validate('PipelineExecution', execution)).toEqual([]);
    await t.jump(60_000);
    const build = embedded(await t.client.get(href(execution, 'self')), 'stepStates').find((s) => s.action === 'build')!;
    expect(build.status).toBe('RUNNING');
    await expectRefused(t, () => t.as(sam).call('PUT', href(build, 'pipeline/cancel'), { cancel: true }), 'executionCancel');
    expect((await t.as(lena).call('PUT', href(build, 'pipeline/cancel'), { cancel: true })).status).toBe(202);
    expect((await stepNow(t, build)).details).toMatchObject({ decidedBy: { id: lena.id, name: 'Lena Vogel' } });
  });

  it('pipelines (create, edit, delete, cache) need "Pipeline Create / Edit / Delete"; variables "Environment / Pipeline variables edit"', async () => {
    const t = setup();
    const { program, pipeline } = await wknd(t.client);
    const summit = await programByName(t.client.get, 'Summit Launch');
    const pipelines = href(summit, 'pipelines');
    expect(findLink(await t.client.get(pipelines), `${SIM_REL}createPipeline`)).toBeDefined();
    const add = { name: 'By a manager', phases: [{ type: 'BUILD', repositoryId: '205', branch: 'main' }] };
    await expectRefused(t, () => t.as(priya).call('POST', pipelines, add), 'pipelineEdit');
    await expectRefused(t, () => t.as(priya).call('PATCH', href(pipeline, 'self'), { name: 'Renamed' }), 'pipelineEdit');
    await expectRefused(t, () => t.as(sam).call('DELETE', href(pipeline, 'self')), 'pipelineEdit');
    await expectRefused(t, () => t.as(priya).call('DELETE', href(pipeline, 'cache')), 'pipelineEdit');
    expect((await t.as(dana).call('POST', pipelines, add)).status).toBe(201);
    expect((await t.as(dana).call('DELETE', href(pipeline, 'cache'))).status).toBe(204);
    expect((await t.as(dana).call('PATCH', href(pipeline, 'self'), { name: 'Production' })).status).toBe(200);

    const variables = [{ name: 'FEATURE_FLAG', value: 'on' }];
    const environment = embedded(await t.client.get(href(program, 'environments')), 'environments')[0];
    await expectRefused(t, () => t.as(dana).call('PATCH', href(pipeline, 'variables'), variables), 'variablesEdit');
    await expectRefused(t, () => t.as(priya).call('PATCH', href(environment, 'variables'), variables), 'variablesEdit');
    expect((await t.as(lena).call('PATCH', href(pipeline, 'variables'), variables)).status).toBe(204);
    expect((await t.as(lena).call('PATCH', href(environment, 'variables'), variables)).status).toBe(204);

    // Repository Info Access: everyone.
    const repository = embedded(await t.client.get(href(program, 'repositories')), 'repositories')[0];
    expect((await t.as(sam).call('POST', href(repository, `${SIM_REL}generatePassword`))).status).toBe(200);

    // The permission is checked before the pipeline's state: a Developer editing a busy pipeline is refused for the permission.
    expect((await t.as(marco).call('PUT', href(pipeline, 'execution'))).status).toBe(201);
    await expectRefused(t, () => t.as(sam).call('PATCH', href(pipeline, 'self'), { name: 'x' }), 'pipelineEdit');
    expect((await t.as(lena).call('PATCH', href(pipeline, 'self'), { name: 'x' })).status).toBe(412);
  });
});

describe('the standalone server’s access', () => {
  it('without --users: nobody is refused; x-sim-user still names who did it', async () => {
    const t = setup({ access: openAccess() });
    expect(await t.client.get('/_sim/whoami')).toMatchObject({
      id: 'SIMULATED0USER00@AdobeID',
      permissions: PERMISSION_KEYS,
      mode: 'open',
    });
    expect((await t.as(sam).get<{ permissions: string[] }>('/_sim/whoami')).permissions).toEqual(PERMISSION_KEYS);
    const { pipeline } = await wknd(t.client);
    const started: Hal = await (await t.as(sam).call('PUT', href(pipeline, 'execution'))).json();
    expect(started).toMatchObject({ user: sam.id, startedBy: { name: 'Sam Okafor' } });
    const program = await programByName(t.as(sam).get, 'WKND Sites');
    expect(program.permissions).toEqual(PERMISSION_KEYS);
  });

  it('with --users: the bearer token picks the user; an unknown or missing one is the gateway’s 401; with --require-auth the headers first', async () => {
    const users = parseUsersFile({
      users: [
        { id: sam.id, name: 'Sam Okafor', email: sam.email, roles: ['DEVELOPER'], token: 'token-of-sam' },
        { id: 'OPS1@AdobeID', name: 'Ops Person', email: 'ops@example.com', roles: ['DEPLOYMENT_MANAGER'], token: 'token-of-ops' },
      ],
    });
    const t = setup({ access: tokenAccess(users) });
    const bearer = (token: string) => t.client.as({ authorization: `Bearer ${token}` });
    for (const client of [t.client, bearer('wrong-token')]) {
      const response = await client.call('GET', '/api/programs');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
    }
    expect((await t.client.call('GET', '/_sim/state')).status).toBe(200);
    expect(JSON.stringify(await t.client.get('/_sim/users'))).not.toContain('token-of');
    expect(await bearer('token-of-sam').get('/_sim/whoami')).toMatchObject({
      name: 'Sam Okafor',
      permissions: ['repositoryInfo'],
      mode: 'tokens',
    });
    const { pipeline } = await wknd(bearer('token-of-sam'));
    await expectRefused(t, () => bearer('token-of-sam').call('PUT', href(pipeline, 'execution')), 'executionStart');
    const started: Hal = await (await bearer('token-of-ops').call('PUT', href(pipeline, 'execution'))).json();
    expect(started).toMatchObject({ user: 'OPS1@AdobeID', startedBy: { id: 'OPS1@AdobeID', name: 'Ops Person' } });

    const gated = setup({ access: tokenAccess(users), requireAuth: true });
    const noKey = await gated.client.as({ authorization: 'Bearer token-of-ops' }).call('GET', '/api/programs');
    expect(await noKey.json()).toMatchObject({ error_code: '403003' });
    const headers = { 'x-api-key': 'k', 'x-gw-ims-org-id': 'ORG@AdobeOrg' };
    expect((await gated.client.as({ ...headers, authorization: 'Bearer nope' }).call('GET', '/api/programs')).status).toBe(401);
    expect((await gated.client.as({ ...headers, authorization: 'Bearer token-of-ops' }).call('GET', '/api/programs')).status).toBe(200);
  });

  it('reads a --users file strictly, naming the first problem', () => {
    const good = { id: 'U1@AdobeID', name: 'U', email: 'u@example.com', roles: ['DEVELOPER'], token: 'abcdefgh' };
    expect(parseUsersFile({ users: [good] })).toEqual([good]);
    const problems: [unknown, string][] = [
      [[], 'expected {"users"'],
      [{ users: [] }, '"users" must be a non-empty array'],
      [{ users: [{ ...good, roles: ['ADMIN'] }] }, 'users[0].roles[0] "ADMIN" is not a role'],
      [{ users: [{ ...good, roles: [] }] }, 'users[0].roles must be a non-empty array'],
      [{ users: [{ ...good, token: 'short' }] }, 'users[0].token must be a token of 8 or more'],
      [{ users: [{ ...good, email: 'nope' }] }, 'users[0].email must be an email address'],
      [{ users: [good, { ...good, token: 'another-token' }] }, 'users[1].id "U1@AdobeID" is given twice'],
      [{ users: [good, { ...good, id: 'U2@AdobeID' }] }, 'users[1].token is the same as an earlier user'],
      [{ users: [{ ...good, password: 'x' }] }, 'users[0] has an unknown field "password"'],
    ];
    for (const [value, message] of problems) expect(() => parseUsersFile(value), message).toThrow(message);
  });
});
