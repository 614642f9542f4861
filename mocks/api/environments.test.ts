// @vitest-environment node
/**
 * Environments over the API: their logs (index, download, tail files) and variables, refusals as
 * problem+json naming what is wrong, nothing changed by a refusal, and a secret's value in no
 * answer, log or state.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { embedded, findLink, href, programByName, type Hal } from '../../test-support/hal';
import { createSpecValidator } from './spec-validator';

const ORIGIN = 'http://localhost:8787';
const validate = createSpecValidator();

function setup() {
  let wall = Date.UTC(2026, 10, 28, 9, 0, 0);
  const api = createSimulator({ seed: 1, wallClock: () => wall, speed: 1 });
  const answers: string[] = [];
  const call = async (method: string, target: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await api.handle(
      new Request(new URL(target, ORIGIN), {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const copy = response.clone();
    const type = copy.headers.get('content-type') ?? '';
    answers.push(type === 'application/gzip' ? gunzipSync(new Uint8Array(await copy.arrayBuffer())).toString() : await copy.text());
    return response;
  };
  const get = async <T = Hal>(target: string): Promise<T> => {
    const response = await call('GET', target);
    expect(response.status, `GET ${target}`).toBe(200);
    return (await response.json()) as T;
  };
  const environment = async (type: string, program = 'WKND Sites') => {
    const list = await get(href(await programByName(get, program), 'environments'));
    return get(
      href(
        embedded(list, 'environments').find((e) => e.type === type),
        'self',
      ),
    );
  };
  const advance = (ms: number) => call('POST', '/_sim/clock', { advanceMs: ms });
  return { api, call, get, environment, answers, advance, tick: (ms: number) => (wall += ms) };
}

async function expectProblem(response: Response, status: number, params?: Record<string, RegExp>) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as {
    status: number;
    title: string;
    detail: string;
    invalidParams?: { name: string; reason: string }[];
  };
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (params) {
    expect(validate('BadRequestError', body)).toEqual([]);
    for (const [name, reason] of Object.entries(params))
      expect(body.invalidParams?.find((p) => p.name === name)?.reason, `${name} in ${JSON.stringify(body)}`).toMatch(reason);
  }
  return body;
}

describe('environment logs over the API', () => {
  it('answer bad parameters with 400 problem+json naming each one (the spec’s BadRequestError), and change nothing', async () => {
    const t = setup();
    const prod = await t.environment('prod');
    const acme = await t.environment('dev', 'Acme Intranet');
    const logs = (query: Record<string, string | number>, env: Hal = prod) => t.call('GET', href(env, 'logs', query));
    const before = JSON.stringify(t.api.simulator.state);
    await expectProblem(await logs({ service: 'nope', name: 'aemerror' }), 400, {
      service: /unknown service "nope" \(services: author, publish/,
    });
    await expectProblem(await logs({ service: 'author', name: 'httpdaccess' }), 400, { name: /no log "httpdaccess" for author/ });
    await expectProblem(await logs({ service: 'preview', name: 'aemerror' }, acme), 400, { service: /unknown service "preview"/ });
    for (const days of [0, 15, 'abc', '1.5', '-1', ''])
      await expectProblem(await logs({ service: 'author', name: 'aemerror', days }), 400, { days: /whole number from 1 to 14/ });
    await expectProblem(await logs({ name: 'aemerror' }), 400, { service: /is required/ });
    await expectProblem(await logs({ service: 'author' }), 400, { name: /is required/ });
    const both = await expectProblem(await logs({ days: 99 }), 400, { service: /required/, name: /required/, days: /from 1 to 14/ });
    expect(both.detail).toContain('service: is required');

    const base = `${href(prod, 'self')}/logs/download`;
    const download = (query: string) => t.call('GET', `${base}?${query}`);
    await expectProblem(await download('service=author&name=aemerror'), 400, { date: /is required/ });
    await expectProblem(await download('service=author&name=aemerror&date=2026-13-01'), 400, { date: /YYYY-MM-DD/ });
    await expectProblem(await download('service=author&name=aemerror&date=yesterday'), 400, { date: /YYYY-MM-DD/ });
    await expectProblem(await download('service=author&name=nope&date=2026-11-27'), 400, { name: /no log "nope"/ });
    await expectProblem(await download('service=xyz&name=aemerror&date=2026-11-27'), 400, { service: /unknown service/ });
    // A real date without a log: the future, or older than 14 days.
    await expectProblem(await download('service=author&name=aemerror&date=2026-11-29'), 404);
    await expectProblem(await download('service=author&name=aemerror&date=2026-11-14'), 404);
    expect((await t.call('GET', `${base}?service=author&name=aemerror&date=2026-11-15`)).status).toBe(200);

    const files = `${ORIGIN}/files/environment/${prod.id}/logs`;
    await expectProblem(await t.call('GET', `${files}/author/aemerror/2026-11-14.log.gz`), 404);
    await expectProblem(await t.call('GET', `${files}/author/httpdaccess/2026-11-27.log`), 404);
    await expectProblem(await t.call('GET', `${files}/author/aemerror/2026-11-27.txt`), 404);
    await expectProblem(await t.call('GET', `${ORIGIN}/files/environment/99999/logs/author/aemerror/2026-11-27.log`), 404);
    await expectProblem(await t.call('POST', `${files}/author/aemerror/2026-11-27.log`), 405);
    expect(JSON.stringify(t.api.simulator.state) === before).toBe(true);
  });

  it('redirect a download (JSON or 307) to the day gzip-compressed, and tail today’s file with HEAD and Range', async () => {
    const t = setup();
    const prod = await t.environment('prod');
    const index = await t.get(href(prod, 'logs', { service: 'dispatcher', name: 'aemdispatcher', days: 1 }));
    const [today] = embedded(index, 'downloads');
    const plain = await t.call('GET', href(today, 'logs/download'), undefined, { accept: '*/*' });
    expect(plain.status).toBe(307);
    const { redirect } = await t.get<{ redirect: string }>(href(today, 'logs/download'));
    expect(plain.headers.get('location')).toBe(redirect);
    const gz = await t.call('GET', redirect);
    expect(gz.headers.get('content-type')).toBe('application/gzip');
    expect(gz.headers.get('content-encoding')).toBeNull();
    const downloaded = gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString();

    const tail = href(today, 'logs/tail');
    const head = await t.call('HEAD', tail);
    expect(head.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const length = Number(head.headers.get('content-length'));
    expect(length).toBe(Buffer.byteLength(downloaded));
    await expectProblem(await t.call('GET', tail, undefined, { range: `bytes=${length}-` }), 416);
    await t.advance(5 * 60_000);
    const more = await t.call('GET', tail, undefined, { range: `bytes=${length}-` });
    expect(more.status).toBe(206);
    const added = await more.text();
    expect(more.headers.get('content-range')).toBe(
      `bytes ${length}-${length + Buffer.byteLength(added) - 1}/${length + Buffer.byteLength(added)}`,
    );
    expect(more.headers.get('content-length')).toBe(String(Buffer.byteLength(added)));
    expect(added).toMatch(/^\[28\/Nov\/2026:09:0\d:\d{2} \+0000\] \[[IW]\] /);
    expect(await (await t.call('GET', tail)).text()).toBe(downloaded + added);
  });
});

describe('environment variables over the API', () => {
  it('refuse bad variables (400, each named) and a change while updating (409), losing nothing', async () => {
    const t = setup();
    const dev = await t.environment('dev');
    const variables = href(dev, 'variables');
    const before = JSON.stringify(t.api.simulator.state);
    const bad = await expectProblem(
      await t.call('PATCH', variables, [
        { name: 'OK_ONE', value: 'fine' },
        { name: '9LIVES', value: 'x' },
        { name: 'ADOBE_THING', value: 'x' },
        { name: 'WHERE', value: 'x', service: 'dispatcher' },
      ]),
      400,
    );
    expect((bad as unknown as { errors: string[] }).errors).toEqual([
      expect.stringMatching(/^\[3\] "WHERE"\.service: must be one of author, publish, preview/),
    ]);
    const rules = (await expectProblem(
      await t.call('PATCH', variables, [
        { name: 'OK_ONE', value: 'fine' },
        { name: '9LIVES', value: 'x' },
        { name: 'ADOBE_THING', value: 'x' },
        { name: 'BIG', value: 'x'.repeat(2049) },
      ]),
      400,
    )) as unknown as { errors: string[] };
    expect(rules.errors).toEqual([
      expect.stringMatching(/^"9LIVES": /),
      expect.stringMatching(/^"ADOBE_THING": names starting with ADOBE_ are reserved/),
      expect.stringMatching(/^"BIG": a value has at most 2048 characters/),
    ]);
    await expectProblem(await t.call('PATCH', variables, { name: 'NOT_A_LIST', value: 'x' }), 400);
    expect(JSON.stringify(t.api.simulator.state) === before).toBe(true);

    expect((await t.call('PATCH', variables, [{ name: 'OK_ONE', value: 'fine' }])).status).toBe(204);
    const during = JSON.stringify(t.api.simulator.state);
    const busy = await expectProblem(await t.call('PATCH', variables, [{ name: 'OK_TWO', value: 'x' }]), 409);
    expect(busy.title).toBe('Environment is updating');
    // Even a bad body gets the 409 first: nothing is read while the environment updates.
    await expectProblem(await t.call('PATCH', variables, 'nonsense'), 409);
    // A pipeline deploying there does not start (the dev deployment pipeline deploys to dev).
    const wknd = await programByName(t.get, 'WKND Sites');
    const devPipeline = embedded(await t.get(href(wknd, 'pipelines')), 'pipelines').find((p) => p.name === 'Dev Deployment')!;
    const start = await expectProblem(await t.call('PUT', href(devPipeline, 'execution')), 409);
    expect(start.title).toBe('Environment is updating');
    expect(JSON.stringify(t.api.simulator.state) === during).toBe(true);
    await t.advance(2 * 60_000);
    expect((await t.get(href(dev, 'self'))).status).toBe('ready');
    expect((await t.call('PUT', href(devPipeline, 'execution'))).status).toBe(201);
  });

  it('never show a secret’s value: not in any answer, log or saved state', async () => {
    const SECRET = 'sk_live_never-to-be-seen-0042';
    const t = setup();
    const stage = await t.environment('stage');
    expect((await t.call('PATCH', href(stage, 'variables'), [{ name: 'PAYMENT_KEY', value: SECRET, type: 'secretString' }])).status).toBe(
      204,
    );
    const listed = embedded(await t.get(href(stage, 'variables')), 'variables');
    expect(listed).toEqual([{ name: 'PAYMENT_KEY', type: 'secretString', status: 'updating' }]);
    await t.advance(3 * 60_000);
    // Every log of the environment, today and yesterday, downloaded and tailed.
    const options = stage.availableLogOptions as { service: string; name: string }[];
    for (const { service, name } of options) {
      for (const download of embedded(await t.get(href(stage, 'logs', { service, name, days: 2 })), 'downloads')) {
        const { redirect } = await t.get<{ redirect: string }>(href(download, 'logs/download'));
        expect((await t.call('GET', redirect)).status).toBe(200);
        const tail = findLink(download, 'logs/tail');
        if (tail) expect((await t.call('GET', tail.href)).status).toBe(200);
      }
    }
    await t.get(href(stage, 'self'));
    await t.get(href(stage, 'variables'));
    expect(t.answers.join('\n')).toContain('Environment variables changed: PAYMENT_KEY');
    expect(t.answers.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(t.api.simulator.state)).not.toContain(SECRET);
  });
});
