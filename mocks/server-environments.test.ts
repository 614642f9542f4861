// @vitest-environment node
/**
 * Environments as a client that follows Adobe's spec sees them on the standalone server, over real
 * HTTP with the gateway's headers required: it knows only /api/programs and the relations, reads
 * an environment's log options, downloads two days of a log (gzip), tails today's (HEAD, Range,
 * 206/416) while simulated time goes on, follows the day's roll-over at UTC midnight, and reads,
 * sets and deletes environment variables, a secret among them.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process';
import { embedded, findLink, href, programByName, type GetJson, type Hal } from '../test-support/hal';

const HEADERS = { 'x-api-key': 'cm-client', 'x-gw-ims-org-id': 'ORG@AdobeOrg', authorization: 'Bearer token', accept: 'application/json' };
const SECRET = 'db-password-that-must-never-leak-7731';

let server: ServerProcess;
/** Every body the client received, to search for the secret. */
const received: string[] = [];

beforeAll(async () => {
  // A nearly frozen clock: simulated time moves only when the client advances it.
  server = await startServerProcess(['--speed', '0.000001', '--require-auth']);
}, 60_000);
afterAll(() => server?.kill());

async function api(method: string, target: string, body?: unknown): Promise<Response> {
  const response = await fetch(new URL(target, server.base), {
    method,
    headers: { ...HEADERS, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  received.push(await response.clone().text());
  return response;
}

const get: GetJson = async <T = Hal>(target: string) => {
  const response = await api('GET', target);
  expect(response.status, `GET ${target}`).toBe(200);
  return (await response.json()) as T;
};

/** A file URL from a redirect or a tail link: fetched as the SDKs do, without Cloud Manager's headers. */
async function file(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  const response = await fetch(url, { method, headers });
  if (response.headers.get('content-type') === 'application/gzip')
    received.push(gunzipSync(new Uint8Array(await response.clone().arrayBuffer())).toString());
  else received.push(await response.clone().text());
  return response;
}

async function control(path: string, body: unknown, method = 'POST'): Promise<Hal> {
  const response = await fetch(`${server.base}/_sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Hal;
}

const simNow = async () => Date.parse(String((await (await fetch(`${server.base}/_sim/state`)).json()).now));
/** `dd.mm.yyyy` of a UTC date (the AEM error log's date). */
const aemDate = (date: string) => date.split('-').reverse().join('.');

async function prodEnvironment(): Promise<Hal> {
  const program = await programByName(get, 'WKND Sites');
  const environments = embedded(await get(href(program, 'environments')), 'environments');
  return get(
    href(
      environments.find((e) => e.type === 'prod'),
      'self',
    ),
  );
}

describe('environments on the standalone server, as a client following the spec', () => {
  it('lists log options, downloads two days, tails today through new lines, 416 and the midnight roll-over', async () => {
    // The server starts at the wall clock: move to 09:00 UTC of the next day so that "today" has hours left whenever the test runs.
    const started = await simNow();
    const nineAm = Math.floor(started / 86_400_000) * 86_400_000 + 9 * 3_600_000;
    await control('clock', { advanceMs: (nineAm > started ? nineAm : nineAm + 86_400_000) - started });
    const environment = await prodEnvironment();
    const options = environment.availableLogOptions as { service: string; name: string }[];
    expect(options).toContainEqual({ service: 'author', name: 'aemerror' });
    expect(options).toContainEqual({ service: 'dispatcher', name: 'httpdaccess' });
    expect(options).toContainEqual({ service: 'preview', name: 'aemaccess' });

    // Two days of author/aemerror: one download each, newest first, gzip-compressed.
    const logs = await get(href(environment, 'logs', { service: 'author', name: 'aemerror', days: 2 }));
    const downloads = embedded(logs, 'downloads');
    expect(downloads.map((d) => [d.service, d.name])).toEqual([
      ['author', 'aemerror'],
      ['author', 'aemerror'],
    ]);
    const dates = downloads.map((d) => String(d.date));
    for (const download of downloads) {
      const { redirect } = await get<{ redirect: string }>(href(download, 'logs/download'));
      const response = await file(redirect);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/gzip');
      const text = gunzipSync(new Uint8Array(await response.arrayBuffer())).toString();
      const lines = text.split('\n').filter((line) => /^\d{2}\.\d{2}\.\d{4} /.test(line));
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.every((line) => line.startsWith(aemDate(String(download.date))))).toBe(true);
    }

    // Tail today's: its length, then only what is new.
    const tail = href(downloads[0], 'logs/tail');
    expect(tail).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    const head = await file(tail, {}, 'HEAD');
    expect(head.status).toBe(200);
    let offset = Number(head.headers.get('content-length'));
    expect(offset).toBeGreaterThan(0);
    expect((await file(tail, { range: `bytes=${offset}-` })).status).toBe(416);
    for (let i = 0; i < 3; i += 1) {
      await control('clock', { advanceMs: 10 * 60_000 });
      const more = await file(tail, { range: `bytes=${offset}-` });
      expect(more.status).toBe(206);
      const added = await more.text();
      expect(Number(more.headers.get('content-length'))).toBe(Buffer.byteLength(added));
      expect(added.split('\n')[0]).toMatch(new RegExp(`^${aemDate(dates[0]).replace(/\./g, '\\.')} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\*`));
      offset += Buffer.byteLength(added);
    }
    expect((await file(tail, { range: `bytes=${offset}-` })).status).toBe(416);

    // UTC midnight: the old URL serves the finished day, a fresh logs read gives the new day's tail.
    const now = await simNow();
    const midnight = Math.ceil(now / 86_400_000) * 86_400_000;
    await control('clock', { advanceMs: midnight - now + 5 * 60_000 });
    const rest = await file(tail, { range: `bytes=${offset}-` });
    expect(rest.status).toBe(206);
    const restText = await rest.text();
    expect(restText.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${aemDate(dates[0]).replace(/\./g, '\\.')} 23:5\\d:`));
    offset += Buffer.byteLength(restText);
    await control('clock', { advanceMs: 10 * 60_000 });
    expect((await file(tail, { range: `bytes=${offset}-` })).status).toBe(416);
    expect(Number((await file(tail, {}, 'HEAD')).headers.get('content-length'))).toBe(offset);

    const fresh = embedded(await get(href(environment, 'logs', { service: 'author', name: 'aemerror', days: 1 })), 'downloads');
    expect(fresh).toHaveLength(1);
    const newDate = new Date(midnight).toISOString().slice(0, 10);
    expect(fresh[0].date).toBe(newDate);
    const newTail = href(fresh[0], 'logs/tail');
    expect(newTail).not.toBe(tail);
    const today = await (await file(newTail)).text();
    expect(today.startsWith(`${aemDate(newDate)} 00:`)).toBe(true);
  }, 60_000);

  it('reads, sets and deletes environment variables, a secret and a publish-only one among them: updating, then ready', async () => {
    const environment = await prodEnvironment();
    const variables = href(environment, 'variables');
    const names = (list: Hal) => embedded(list, 'variables').map((v) => v.name);
    expect(names(await get(variables))).toEqual(['ANALYTICS_ENDPOINT', 'SEARCH_API_KEY']);

    const set = await api('PATCH', variables, [
      { name: 'PLAIN_SETTING', value: 'on' },
      { name: 'DB_PASSWORD', value: SECRET, type: 'secretString' },
      { name: 'PUBLISH_ONLY', value: 'p', service: 'publish' },
    ]);
    expect(set.status).toBe(204);
    const updating = embedded(await get(variables), 'variables');
    expect(updating.slice(2)).toEqual([
      { name: 'PLAIN_SETTING', type: 'string', value: 'on', status: 'updating' },
      { name: 'DB_PASSWORD', type: 'secretString', status: 'updating' },
      { name: 'PUBLISH_ONLY', type: 'string', value: 'p', service: 'publish', status: 'updating' },
    ]);
    expect((await get(href(environment, 'self'))).status).toBe('updating');
    const again = await api('PATCH', variables, [{ name: 'PLAIN_SETTING', value: 'off' }]);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');

    await control('clock', { advanceMs: 2 * 60_000 });
    expect((await get(href(environment, 'self'))).status).toBe('ready');
    expect(embedded(await get(variables), 'variables').map((v) => v.status)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);

    // Deleting: an empty value.
    expect(
      (
        await api('PATCH', variables, [
          { name: 'PLAIN_SETTING', value: '' },
          { name: 'DB_PASSWORD', value: '', type: 'secretString' },
        ])
      ).status,
    ).toBe(204);
    expect(names(await get(variables))).toEqual(['ANALYTICS_ENDPOINT', 'SEARCH_API_KEY', 'PUBLISH_ONLY']);
    await control('clock', { advanceMs: 2 * 60_000 });

    // The change shows in publish's error log by name; the secret's value nowhere.
    const logs = embedded(await get(href(environment, 'logs', { service: 'publish', name: 'aemerror', days: 1 })), 'downloads');
    const text = await (await file(href(logs[0], 'logs/tail'))).text();
    expect(text).toContain('Environment variables changed: PLAIN_SETTING, DB_PASSWORD, PUBLISH_ONLY');
    expect(findLink(environment, 'variables')).toBeDefined();
    expect(received.join('\n')).not.toContain(SECRET);
  }, 60_000);
});
