// @vitest-environment node
/**
 * The journal for pollers (`GET /_sim/events`): every transition of a run as an events.yaml
 * envelope, in order, paged by an opaque cursor; `@id`s are absolute URLs of this server in its
 * current layout that answer. Bad cursors and limits are 400s; the embedded simulator has no webhooks (501).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import type { EventCode } from '../sim/journal';
import { SEED_USERS } from '../sim/users';
import { apiClient, runWkndToEnd } from '../../test-support/api-client';
import { embedded, href } from '../../test-support/hal';
import { EVENT_DEFINITIONS, type EventEnvelope } from './event-envelope';
import { createEventValidator, createSpecValidator } from './spec-validator';

const ORIGIN = 'http://localhost:8787';
const validateEvent = createEventValidator();
const validate = createSpecValidator();
const lena = SEED_USERS[3];

interface JournalPage {
  events: EventEnvelope[];
  next: string;
}

function setup() {
  let wall = Date.UTC(2026, 10, 28, 9, 0, 0);
  const api = createSimulator({ seed: 1, wallClock: () => wall });
  const client = apiClient(api.handle, ORIGIN);
  const events = (query = '') => client.get<JournalPage>(`/_sim/events${query}`);
  return { api, client, events, tick: (ms: number) => (wall += ms) };
}

/** A production run of WKND Sites (approval and schedule), started and decided by Lena, to its end. */
const productionRun = (t: ReturnType<typeof setup>) => runWkndToEnd(t.client.as({ 'x-sim-user': lena.id }));

describe('the journal (GET /_sim/events)', () => {
  it('is empty for the seed, with a cursor to carry on from', async () => {
    const t = setup();
    expect(await t.events()).toEqual({ events: [], next: '0' });
    expect(await t.events('?since=0')).toEqual({ events: [], next: '0' });
  });

  it('serves every transition of a run as an envelope valid against events.yaml, in order, whose @id answers', async () => {
    const t = setup();
    const execution = await productionRun(t);
    expect(execution.status).toBe('FINISHED');
    const { events, next } = await t.events('?limit=500');
    const codes = events.map((e) => codeOf(e));
    expect(codes[0]).toBe('pipeline_execution_start');
    expect(codes.at(-1)).toBe('pipeline_execution_end');
    expect(codes.filter((c) => c === 'pipeline_execution_step_waiting')).toHaveLength(2);
    expect(codes.filter((c) => c === 'pipeline_execution_step_end')).toHaveLength(embedded(execution, 'stepStates').length);
    expect(Number(next)).toBe(events.length);
    for (const envelope of events) {
      expect(validateEvent(EVENT_DEFINITIONS[codeOf(envelope)], envelope)).toEqual([]);
      expect(envelope.recipient_client_id).toBe('cm-simulator');
      expect(envelope.event['@id']).toBe(`urn:oeid:cloudmanager:${envelope.event_id}`);
      expect(envelope.event['activitystreams:to']).toEqual({ 'xdmImsOrg:id': 'SIMULATED0000000000000000@AdobeOrg', '@type': 'xdmImsOrg' });
      const object = envelope.event['activitystreams:object']['@id'];
      expect(object.startsWith(`${ORIGIN}/api/program/1/pipeline/101/execution/${execution.id}`)).toBe(true);
      const resource = await t.client.get(object);
      expect(href(resource, 'self')).toBe(new URL(object).pathname);
    }
    // The start names who started it (the only event with an actor, as in events.yaml).
    expect(events[0].event['activitystreams:actor']).toEqual({ 'xdmImsUser:id': lena.id, '@type': 'xdmImsUser' });
    expect(events.slice(1).every((e) => e.event['activitystreams:actor'] === undefined)).toBe(true);
    // Published times are the simulated times of the transitions, in order.
    const published = events.map((e) => Date.parse(e.event['activitystreams:published']));
    expect([...published].sort((a, b) => a - b)).toEqual(published);
    expect(events.at(-1)!.event['activitystreams:published']).toBe(
      new Date(Date.parse(String(execution.finishedAt).replace('+0000', 'Z'))).toISOString(),
    );
    // A step event's object is the step state.
    const waiting = events.find((e) => codeOf(e) === 'pipeline_execution_step_waiting')!;
    const step = await t.client.get(waiting.event['activitystreams:object']['@id'], 'PipelineExecutionStepState');
    expect(step.action).toBe('approval');
    expect(validate('PipelineExecutionStepState', step)).toEqual([]);
  });

  it('pages with the cursor it gives, and names objects on the origin and in the layout of the request', async () => {
    const t = setup();
    await productionRun(t);
    const all = (await t.events('?limit=500')).events;
    const seen: EventEnvelope[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const page = await t.events(`?limit=7${cursor === undefined ? '' : `&since=${cursor}`}`);
      seen.push(...page.events);
      if (!page.events.length) break;
      cursor = page.next;
    }
    expect(seen.map((e) => e.event_id)).toEqual(all.map((e) => e.event_id));
    expect((await t.events(`?since=${cursor}`)).events).toEqual([]);

    await t.client.call('PUT', '/_sim/layout', { layout: 'alternate' });
    const other = apiClient(t.api.handle, 'https://sim.example:9443');
    const { events } = await other.get<JournalPage>('/_sim/events?limit=1');
    expect(events[0].event['activitystreams:object']['@id']).toMatch(
      /^https:\/\/sim\.example:9443\/api\/alt-layout\/program\/1\/pipeline\/101\/execution\/\d+$/,
    );
  });

  it('refuses a cursor it never gave, a malformed one, one whose events are gone, and a bad limit (400 problem+json)', async () => {
    const t = setup();
    await productionRun(t);
    const { next } = await t.events('?limit=500');
    await t.client.call('POST', '/_sim/reset', {});
    const bad = ['?since=abc', '?since=-1', `?since=${Number(next) + 1}`, '?since=3', '?since=1e3', '?limit=0', '?limit=501', '?limit=x'];
    for (const query of bad) {
      const response = await t.client.call('GET', `/_sim/events${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).title).toBe('Invalid events request');
    }
    // After the reset the journal is empty and goes on from the last cursor.
    expect(await t.events(`?since=${next}`)).toEqual({ events: [], next });
  });

  it('has no webhooks in the embedded simulator: 501 "Webhooks need the standalone server"', async () => {
    const t = setup();
    const before = JSON.stringify(t.api.simulator.state);
    for (const [method, path, body] of [
      ['GET', '/_sim/webhooks'],
      ['POST', '/_sim/webhooks', { url: 'http://127.0.0.1:9999/webhook', secret: 's3cret' }],
      ['DELETE', '/_sim/webhooks/abc'],
      ['GET', '/_sim/webhooks/abc/deliveries'],
    ] as const) {
      const response = await t.client.call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(501);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).title).toBe('Webhooks need the standalone server');
    }
    expect(JSON.stringify(t.api.simulator.state)).toBe(before);
  });
});

function codeOf(envelope: EventEnvelope): EventCode {
  const object = envelope.event['xdmEventEnvelope:objectType'].endsWith('execution-step-state') ? 'step' : 'execution';
  const type = envelope.event['@type'].split('/').pop();
  if (object === 'execution') return type === 'started' ? 'pipeline_execution_start' : 'pipeline_execution_end';
  return type === 'started'
    ? 'pipeline_execution_step_start'
    : type === 'waiting'
      ? 'pipeline_execution_step_waiting'
      : 'pipeline_execution_step_end';
}
