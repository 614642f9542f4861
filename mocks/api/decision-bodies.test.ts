// @vitest-environment node
/**
 * Advance and cancel on the wire: each body a step does not take is a 400 naming the body expected,
 * and each refusal of the engine keeps its status, title and detail (problem.ts maps the codes).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { embedded, href, pipelineOf, programByName, type Hal } from '../../test-support/hal';

const ORIGIN = 'http://localhost:8787';

function setup() {
  const api = createSimulator({ seed: 1, wallClock: () => Date.UTC(2026, 10, 28, 9, 0, 0) });
  const call = (method: string, target: string, body?: unknown) =>
    api.handle(new Request(new URL(target, ORIGIN), { method, body: body === undefined ? undefined : JSON.stringify(body) }));
  const get = async <T = Hal>(target: string) => (await (await call('GET', target)).json()) as T;
  /** Starts a run with `outcome` on the program's production pipeline; jumps the clock until `action` waits (or `ms`). */
  const run = async (program: string, outcome: string) => {
    await call('PUT', '/_sim/outcome', { outcome });
    const pipeline = await pipelineOf(get, await programByName(get, program));
    const started = await call('PUT', href(pipeline, 'execution'));
    expect(started.status).toBe(201);
    const self = href((await started.json()) as Hal, 'self');
    const step = async (action: string) => embedded(await get(self), 'stepStates').find((s) => s.action === action)!;
    const until = async (action: string, status = 'WAITING') => {
      for (let i = 0; i < 200 && (await step(action)).status !== status; i += 1) await call('POST', '/_sim/clock', { advanceMs: 60_000 });
      return step(action);
    };
    return { pipeline, step, until };
  };
  const answer = async (response: Response) => {
    const body = response.status === 202 ? undefined : ((await response.json()) as { title: string; detail: string });
    return [response.status, body?.title, body?.detail];
  };
  const decide = async (step: Hal, action: 'advance' | 'cancel', body?: unknown) =>
    answer(await call('PUT', `${href(step, 'self')}/${action}`, body));
  return { api, call, get, run, answer, decide };
}

const BAD_BODY = 'Invalid request body';

describe('advance and cancel bodies', () => {
  it('names the body each held step takes, and refuses the rest with 400', async () => {
    const t = setup();
    const wknd = await t.run('WKND Sites', 'importantQualityFailure');
    const scan = await wknd.until('codeQuality');
    expect(await t.decide(scan, 'advance')).toEqual([
      400,
      BAD_BODY,
      'A JSON body is required (see the API guide for advancing and cancelling steps).',
    ]);
    expect(await t.decide(scan, 'advance', [])).toEqual([400, BAD_BODY, 'The request body must be a JSON object.']);
    expect(await t.decide(scan, 'advance', { metrics: 'coverage' })).toEqual([
      400,
      BAD_BODY,
      'Expected {"metrics":[{"kpi":"…","override":true}, …]} listing every failing important metric.',
    ]);
    const [status, title, detail] = await t.decide(scan, 'advance', { metrics: [] });
    expect([status, title]).toEqual([400, BAD_BODY]);
    expect(detail).toMatch(/^Every failing important metric must be overridden; missing: \w+/);
    expect(await t.decide(scan, 'cancel', { approved: false })).toEqual([
      400,
      BAD_BODY,
      'Expected {"override": false} to reject the failed metrics.',
    ]);
    expect(await t.decide(scan, 'cancel', { override: false })).toEqual([202, undefined, undefined]);

    const acme = await t.run('Acme Intranet', 'pass');
    const approval = await acme.until('approval');
    expect(await t.decide(approval, 'advance', { approved: 'yes' })).toEqual([
      400,
      BAD_BODY,
      'Expected {"approved": true}. To reject, use the cancel link with {"approved": false}.',
    ]);
    expect(await t.decide(approval, 'cancel', { cancel: true })).toEqual([
      400,
      BAD_BODY,
      'Expected {"approved": false} to reject the deployment.',
    ]);
    expect(await t.decide(approval, 'advance', { approved: true })).toEqual([202, undefined, undefined]);
  });

  it('takes a schedule now, at a time, or not more than 14 days ahead', async () => {
    const t = setup();
    const wknd = await t.run('WKND Sites', 'pass');
    expect(await t.decide(await wknd.until('approval'), 'advance', { approved: true })).toEqual([202, undefined, undefined]);
    const schedule = await wknd.until('schedule');
    expect(await t.decide(schedule, 'advance', { type: 'LATER' })).toEqual([
      400,
      BAD_BODY,
      'Expected {"type":"IMMEDIATE"} or {"type":"SCHEDULED","schedule":"<ISO-8601 date-time>"}.',
    ]);
    expect(await t.decide(schedule, 'advance', { type: 'SCHEDULED', schedule: 'next tuesday' })).toEqual([
      400,
      BAD_BODY,
      '"next tuesday" is not an ISO-8601 date-time.',
    ]);
    expect(await t.decide(schedule, 'advance', { type: 'SCHEDULED', schedule: '2027-06-01T00:00:00Z' })).toEqual([
      400,
      BAD_BODY,
      'The schedule must be within 14 days.',
    ]);
    expect(await t.decide(schedule, 'cancel', { cancel: 'yes' })).toEqual([400, BAD_BODY, 'Expected {"cancel": true}.']);
    const at = Date.parse((await t.get<{ now: string }>('/_sim/state')).now) + 3600_000;
    expect(await t.decide(schedule, 'advance', { type: 'SCHEDULED', schedule: new Date(at).toISOString() })).toEqual([
      202,
      undefined,
      undefined,
    ]);
    const scheduled = await wknd.step('schedule');
    expect(scheduled.status).toBe('RUNNING');
    expect(scheduled.details).toMatchObject({ input: { type: 'SCHEDULED', schedule: new Date(at).toISOString() } });
  });
});

describe('refusals of the engine on the wire', () => {
  it('keeps each status, title and detail: 409 not waiting, already decided, cannot be cancelled; 412 busy; 400 re-execution', async () => {
    const t = setup();
    const acme = await t.run('Acme Intranet', 'pass');
    const approval = await acme.step('approval');
    expect(await t.decide(approval, 'advance', { approved: true })).toEqual([
      409,
      'Step is not waiting',
      'The approval step has not started yet and is not waiting for a decision; this request changed nothing.',
    ]);
    // 409 comes first, whatever the body says.
    expect((await t.decide(approval, 'cancel', []))[0]).toBe(409);
    expect(await t.answer(await t.call('PUT', href(acme.pipeline, 'execution')))).toEqual([
      412,
      'Pipeline is busy',
      `Pipeline ${acme.pipeline.id} already has a running execution.`,
    ]);
    const deploy = await acme.until('deploy', 'RUNNING');
    expect(await t.decide(deploy, 'cancel', { cancel: true })).toEqual([
      409,
      'Step cannot be cancelled',
      'The deploy step cannot be cancelled while it deploys.',
    ]);
    await acme.until('approval');
    expect(await t.decide(approval, 'cancel', { approved: false })).toEqual([202, undefined, undefined]);
    expect(await t.decide(approval, 'advance', { approved: true })).toEqual([
      409,
      'Step already decided',
      'The approval step was already decided (rejected, now CANCELLED); this request changed nothing.',
    ]);
    const last = embedded(await t.get(href(acme.pipeline, 'executions')), 'executions')[0];
    const stepId = embedded(last, 'stepStates').find((s) => s.action === 'validate')!.stepId as string;
    expect(await t.answer(await t.call('PUT', `${href(acme.pipeline, 'execution')}?stepId=${stepId}`))).toEqual([
      400,
      'Re-execution not allowed',
      `Step ${stepId} is not the completed production deployment of this pipeline's last execution.`,
    ]);
  });
});
