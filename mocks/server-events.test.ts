// @vitest-environment node
/**
 * `npm run api` as a process with users and events: `--events-webhook` registered at start (or the
 * start refused with the reason), deliveries kept in the `--data` file across kill -9 (nothing
 * acknowledged is sent again, what was pending is delivered), `--users` (tokens, 401 for an unknown
 * one, a malformed file refused with exit 2), with and without `--require-auth`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from './api/event-envelope';
import { serverExit, startServerProcess, type ServerProcess } from './server-process';
import { verifySignature } from './events/signature';
import { SEED_USERS } from './sim/users';
import { apiClient } from '../test-support/api-client';
import { href, pipelineOf, programByName } from '../test-support/hal';
import { startReceiver, type Receiver } from '../test-support/webhook-receiver';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function server(args: string[]): Promise<ServerProcess> {
  const started = await startServerProcess(args);
  cleanups.push(() => started.kill());
  return started;
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'cm-sim14-')), name);
const client = (base: string, headers: Record<string, string> = {}) => apiClient((request) => fetch(request), base, { headers });

describe('npm run api with --events-webhook and --data', () => {
  it('keeps deliveries across kill -9: nothing acknowledged is sent again, what was pending is delivered after the restart', async () => {
    const data = tempFile('state.json');
    const r = await receiver();
    const flags = ['--data', data, '--speed', '0.001', '--events-webhook', r.url, '--events-secret', 's3cret'];
    const first = await server(flags);
    expect(first.output()).toContain(`events to ${r.url}`);
    const api = client(first.base);
    const pipeline = await pipelineOf(api.get, await programByName(api.get, 'WKND Sites'), 'Dev Deployment');
    await api.call('PUT', '/_sim/outcome', { outcome: 'pass' });
    const execution = await (await api.call('PUT', href(pipeline, 'execution'))).json();
    await api.call('POST', '/_sim/clock', { advanceMs: 10 * 60_000 }); // validate and build done, code quality running
    await r.until((d) => d.length >= 4);
    // From now on the receiver is down: what happens next stays pending (retried with backoff).
    r.setAnswer(() => 500);
    await api.call('POST', '/_sim/clock', { advanceMs: 3 * 3600_000 }); // the run ends
    await r.until((d) => d.some((x) => x.status === 500));
    const acknowledgedBefore = r.acknowledged().map((d) => d.eventId);
    await first.kill(); // SIGKILL: no chance to save anything more

    r.setAnswer(() => 200);
    r.setChallenge(500); // the data file has the webhook: no new challenge at the restart
    const second = await server(flags);
    await r.until((d) => d.some((x) => x.status === 200 && x.code === 'pipeline_execution_end'));
    const acknowledged = r.acknowledged().map((d) => d.eventId);
    expect(acknowledged.slice(0, acknowledgedBefore.length)).toEqual(acknowledgedBefore);
    expect(new Set(acknowledged).size).toBe(acknowledged.length); // none acknowledged twice
    const journal = (await client(second.base).get<{ events: EventEnvelope[] }>('/_sim/events?limit=500')).events;
    const ofRun = journal.filter((e) => e.event['activitystreams:object']['@id'].includes(`/execution/${execution.id}`));
    expect(acknowledged).toEqual(ofRun.map((e) => e.event_id)); // every event, in order
    for (const delivery of r.acknowledged()) expect(verifySignature(delivery.body, 's3cret', delivery.signature)).toBe(true);
    // The same webhook (kept in the data file), not a second one.
    expect((await client(second.base).get<{ webhooks: unknown[] }>('/_sim/webhooks')).webhooks).toHaveLength(1);
  }, 90_000);

  it('refuses to start when the webhook does not answer its challenge, or the flags are wrong (exit 2 with the reason)', async () => {
    const r = await receiver();
    r.setChallenge('wrong');
    const wrong = await serverExit(['--events-webhook', r.url, '--events-secret', 's3cret']);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('--events-webhook');
    expect(wrong.output).toContain('answered the challenge without its value');
    const alone = await serverExit(['--events-webhook', r.url]);
    expect(alone.code).toBe(2);
    expect(alone.output).toContain('--events-webhook and --events-secret go together');
    const malformed = await serverExit(['--events-webhook', 'nope', '--events-secret', 'x']);
    expect(malformed.code).toBe(2);
    expect(malformed.output).toContain('is not an absolute URL');
  }, 60_000);
});

describe('npm run api with --users', () => {
  const users = {
    users: [
      { id: SEED_USERS[4].id, name: 'Sam Okafor', email: 'sam.okafor@example.com', roles: ['DEVELOPER'], token: 'sam-token-123' },
      {
        id: SEED_USERS[2].id,
        name: 'Marco Bianchi',
        email: 'marco.bianchi@example.com',
        roles: ['DEPLOYMENT_MANAGER'],
        token: 'marco-token-123',
      },
    ],
  };

  it('selects the user by token: 401 for an unknown one, 403 for a Developer starting a run, 201 for a Deployment Manager; with and without --require-auth', async () => {
    const file = tempFile('users.json');
    writeFileSync(file, JSON.stringify(users));
    for (const requireAuth of [false, true]) {
      const started = await server(['--users', file, ...(requireAuth ? ['--require-auth'] : [])]);
      const gateway: Record<string, string> = requireAuth ? { 'x-api-key': 'key', 'x-gw-ims-org-id': 'ORG@AdobeOrg' } : {};
      const unknown = await client(started.base, { ...gateway, authorization: 'Bearer not-a-user' }).call('GET', '/api/programs');
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
      const sam = client(started.base, { ...gateway, authorization: 'Bearer sam-token-123' });
      const marco = client(started.base, { ...gateway, authorization: 'Bearer marco-token-123' });
      const pipeline = await pipelineOf(sam.get, await programByName(sam.get, 'WKND Sites'), 'Code Quality');
      const refused = await sam.call('PUT', href(pipeline, 'execution'));
      expect(refused.status).toBe(403);
      expect((await refused.json()).errors).toEqual(['executionStart']);
      const run = await marco.call('PUT', href(pipeline, 'execution'));
      expect(run.status).toBe(201);
      expect(await run.json()).toMatchObject({ user: SEED_USERS[2].id, startedBy: { name: 'Marco Bianchi' } });
      expect(await marco.get('/_sim/whoami')).toMatchObject({ name: 'Marco Bianchi', mode: 'tokens' });
      // The controls stay open; the user list never shows a token.
      expect(JSON.stringify(await client(started.base).get('/_sim/users'))).not.toContain('token-123');
    }
  }, 60_000);

  it('refuses a users file that cannot be used, naming the problem (exit 2)', async () => {
    const cases: [string, string][] = [
      ['{"users": [', 'not valid JSON'],
      [JSON.stringify({ users: [{ ...users.users[0], roles: ['ADMIN'] }] }), 'users[0].roles[0] "ADMIN" is not a role'],
      [JSON.stringify({ people: [] }), '"users" must be a non-empty array'],
    ];
    for (const [text, problem] of cases) {
      const file = tempFile('users.json');
      writeFileSync(file, text);
      const { code, output } = await serverExit(['--users', file]);
      expect(code).toBe(2);
      expect(output).toContain(`--users ${file}: ${problem}`);
    }
    const missing = await serverExit(['--users', '/nonexistent/users.json']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('--users /nonexistent/users.json: cannot read it');
  }, 60_000);
});
