// @vitest-environment node
/**
 * Webhook deliveries of the standalone server (in this process, over real HTTP, with a node:http
 * receiver): the challenge, signed events valid against events.yaml in order per execution, retries
 * with backoff until acknowledged exactly once, failures marked without holding back anything
 * else, and requests answered promptly while a webhook hangs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_DEFINITIONS, type EventEnvelope } from '../api/event-envelope';
import { createEventValidator } from '../api/spec-validator';
import type { DeliveryAttempt, WebhookView } from '../api/webhooks';
import type { EventCode } from '../sim/journal';
import { startServer, type ServerOptions } from '../server';
import { apiClient, runWkndToEnd } from '../../test-support/api-client';
import { href, pipelineOf, programByName } from '../../test-support/hal';
import { startReceiver, type Receiver } from '../../test-support/webhook-receiver';
import { listenForTest } from '../../test-support/listen';
import { verifySignature } from './signature';

const validateEvent = createEventValidator();
const SECRET = 's3cret';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The server in this process on a free port, with a nearly frozen clock (only jumps move it) and quick retries. */
async function serve(options: Partial<ServerOptions> = {}) {
  const started = startServer({ port: 0, host: '127.0.0.1', seed: 1, requireAuth: false, speed: 0.001, ...options });
  const base = await listenForTest(started.server, closers);
  const client = apiClient((request) => fetch(request), base);
  return { ...started, base, client };
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  closers.push(() => r.close());
  return r;
}

type Served = Awaited<ReturnType<typeof serve>>;

async function register(s: Served, url: string): Promise<Response> {
  return s.client.call('POST', '/_sim/webhooks', { url, secret: SECRET });
}

const runToEnd = (s: Served, pipelineName?: string) => runWkndToEnd(s.client, pipelineName);

/** The journal's event ids of one execution, in order. */
async function journalOf(s: Served, executionId: string): Promise<string[]> {
  const { events } = await s.client.get<{ events: EventEnvelope[] }>('/_sim/events?limit=500');
  return events.filter((e) => e.event['activitystreams:object']['@id'].includes(`/execution/${executionId}`)).map((e) => e.event_id);
}

const ended = (executionId: string) => (deliveries: Receiver['deliveries']) =>
  deliveries.some((d) => d.status === 200 && d.code === 'pipeline_execution_end' && d.body.includes(`/execution/${executionId}"`));

describe('webhooks on the standalone server', () => {
  it('delivers a production run with holds: every event signed, valid against events.yaml, in order, once', async () => {
    const s = await serve({ delivery: { tickMs: 20 } });
    const r = await receiver();
    const registered = await register(s, r.url);
    expect(registered.status).toBe(201);
    const webhook: WebhookView = await registered.json();
    expect(webhook).toMatchObject({ url: r.url, state: 'active', pending: 0, delivered: 0, failed: 0 });
    expect(JSON.stringify(webhook)).not.toContain(SECRET);
    expect(r.challenges).toBe(1);

    const execution = await runToEnd(s);
    expect(execution.status).toBe('FINISHED');
    await r.until(ended(String(execution.id)));
    const codes = new Set<string>();
    for (const delivery of r.deliveries) {
      const envelope = JSON.parse(delivery.body) as EventEnvelope;
      codes.add(delivery.code);
      expect(validateEvent(EVENT_DEFINITIONS[delivery.code as EventCode], envelope)).toEqual([]);
      expect(verifySignature(delivery.body, SECRET, delivery.signature)).toBe(true);
      expect(verifySignature(delivery.body, 'another secret', delivery.signature)).toBe(false);
      expect(delivery.eventId).toBe(envelope.event_id);
      expect(
        envelope.event['activitystreams:object']['@id'].startsWith(`${s.base}/api/program/1/pipeline/101/execution/${execution.id}`),
      ).toBe(true);
    }
    expect([...codes].sort()).toEqual([
      'pipeline_execution_end',
      'pipeline_execution_start',
      'pipeline_execution_step_end',
      'pipeline_execution_step_start',
      'pipeline_execution_step_waiting',
    ]);
    // In the journal's order, each exactly once.
    expect(r.deliveries.map((d) => d.eventId)).toEqual(await journalOf(s, String(execution.id)));
    const [listed] = (await s.client.get<{ webhooks: WebhookView[] }>('/_sim/webhooks')).webhooks;
    expect(listed).toMatchObject({ id: webhook.id, state: 'active', pending: 0, delivered: r.deliveries.length, failed: 0 });
    const { deliveries } = await s.client.get<{ deliveries: DeliveryAttempt[] }>(`/_sim/webhooks/${webhook.id}/deliveries`);
    expect(deliveries.map((d) => [d.event_id, d.attempt, d.status, d.outcome])).toEqual(
      r.deliveries.map((d) => [d.eventId, 1, 200, 'delivered']),
    );
    // Removed: nothing more is delivered.
    expect((await s.client.call('DELETE', `/_sim/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await s.client.call('DELETE', `/_sim/webhooks/${webhook.id}`)).status).toBe(404);
    expect((await s.client.call('GET', `/_sim/webhooks/${webhook.id}/deliveries`)).status).toBe(404);
  }, 60_000);

  it('retries a receiver that fails twice with backoff; every event is acknowledged exactly once, in order', async () => {
    const s = await serve({ delivery: { tickMs: 20, firstRetryMs: 100 } });
    const r = await receiver();
    r.setAnswer((n) => (n < 2 ? 503 : 200));
    const webhook: WebhookView = await (await register(s, r.url)).json();
    const execution = await runToEnd(s, 'Dev Deployment');
    await r.until(ended(String(execution.id)));
    const acknowledged = r.acknowledged().map((d) => d.eventId);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(acknowledged).toEqual(await journalOf(s, String(execution.id)));
    // The first event was tried three times (503, 503, 200) before the second was sent.
    expect(r.deliveries.slice(0, 4).map((d) => [d.eventId === acknowledged[0], d.status])).toEqual([
      [true, 503],
      [true, 503],
      [true, 200],
      [false, 200],
    ]);
    const { deliveries } = await s.client.get<{ deliveries: DeliveryAttempt[] }>(`/_sim/webhooks/${webhook.id}/deliveries`);
    expect(deliveries.slice(0, 3).map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 503, 'retrying'],
      [2, 503, 'retrying'],
      [3, 200, 'delivered'],
    ]);
    // Backoff: the second retry waited about twice as long as the first.
    const times = deliveries.slice(0, 3).map((d) => Date.parse(d.at));
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(90);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(190);
  }, 60_000);

  it('refuses a registration whose challenge fails, saying why; a malformed URL is a 400 before any challenge', async () => {
    const s = await serve();
    const r = await receiver();
    const reasons: [string, RegExp][] = [];
    r.setChallenge('wrong');
    reasons.push(['wrong value', /answered the challenge without its value/]);
    const refusal = async (pattern: RegExp) => {
      const response = await register(s, r.url);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = await response.json();
      expect(body.title).toBe('Webhook refused');
      expect(body.detail).toMatch(pattern);
      expect(body.detail).toContain('The webhook was not registered.');
    };
    await refusal(/answered the challenge without its value/);
    r.setChallenge(500);
    await refusal(/answered the challenge with HTTP 500/);
    const closed = await startReceiver();
    await closed.close();
    const response = await register(s, closed.url);
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/is unreachable: ECONNREFUSED/);
    for (const url of ['not a url', 'ftp://127.0.0.1/x', 'http://user:pw@127.0.0.1/x']) {
      const bad = await register(s, url);
      expect(bad.status, url).toBe(400);
      expect((await bad.json()).title).toBe('Invalid webhook URL');
    }
    expect((await s.client.get<{ webhooks: unknown[] }>('/_sim/webhooks')).webhooks).toEqual([]);
    // A plain-text echo passes too.
    r.setChallenge('plain');
    expect((await register(s, r.url)).status).toBe(201);
  }, 30_000);

  it('a webhook that dies later: attempts time out and are retried, then marked failed; the next event goes on; requests stay fast', async () => {
    const s = await serve({ delivery: { tickMs: 20, firstRetryMs: 50, timeoutMs: 300, attempts: 3 } });
    const r = await receiver();
    const webhook: WebhookView = await (await register(s, r.url)).json();
    r.setAnswer(() => 'hang');
    const pipeline = await pipelineOf(s.client.get, await programByName(s.client.get, 'WKND Sites'), 'Dev Deployment');
    await s.client.call('PUT', href(pipeline, 'execution'));
    await s.client.call('POST', '/_sim/clock', { advanceMs: 2 * 3600_000 });
    // While deliveries hang, every request is answered at once.
    const slowest = { ms: 0 };
    for (let i = 0; i < 20; i += 1) {
      const start = performance.now();
      expect((await s.client.call('GET', href(pipeline, 'self'))).status).toBe(200);
      slowest.ms = Math.max(slowest.ms, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(slowest.ms).toBeLessThan(150);
    const log = async () => (await s.client.get<{ deliveries: DeliveryAttempt[] }>(`/_sim/webhooks/${webhook.id}/deliveries`)).deliveries;
    const failedTwice = (all: DeliveryAttempt[]) => all.some((d) => d.outcome === 'failed' && d.event_id !== all[0].event_id);
    const deadline = Date.now() + 20_000;
    while (!failedTwice(await log()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const attempts = await log();
    const first = attempts.filter((d) => d.event_id === attempts[0].event_id);
    expect(first.map((d) => [d.attempt, d.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'retrying'],
      [3, 'failed'],
    ]);
    expect(first[0].error).toBe('no answer within 0.3 s');
    expect(attempts.some((d) => d.event_id !== attempts[0].event_id && d.outcome === 'failed')).toBe(true);
    const [listed] = (await s.client.get<{ webhooks: WebhookView[] }>('/_sim/webhooks')).webhooks;
    expect(listed.state).toBe('failing');
    expect(listed.failed).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
