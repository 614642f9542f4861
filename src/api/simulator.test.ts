import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupEmptyServer } from '../test/msw-server';
import { simRequest, simUrl } from './simulator';

const server = setupEmptyServer();
const STATE = {
  now: '2026-11-28T09:00:00.000Z',
  wallNow: '2026-11-28T09:00:00.000Z',
  speed: 30,
  outcome: 'mix',
  layout: 'standard',
  seed: 1,
};

describe('simulator controls through the one client', () => {
  it('builds its own URLs under the API base URL (they are the simulator’s, not Cloud Manager’s)', () => {
    expect(simUrl('state')).toBe(`${location.origin}/_sim/state`);
  });

  it('sends the gateway headers and a JSON body like every API request', async () => {
    let seen: { headers: Headers; body: unknown } | undefined;
    server.use(
      http.post('*/_sim/clock', async ({ request }) => {
        seen = { headers: request.headers, body: await request.json() };
        return HttpResponse.json(STATE);
      }),
    );
    expect(await simRequest('POST', 'clock', { advanceMs: 60_000 })).toEqual(STATE);
    expect(seen?.body).toEqual({ advanceMs: 60_000 });
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(seen?.headers.get('x-api-key')).toBe('cm-console');
  });

  it('turns a problem answer into the client’s ApiError', async () => {
    server.use(
      http.put('*/_sim/speed', () => HttpResponse.json({ title: 'Invalid speed', status: 400, detail: 'Too fast.' }, { status: 400 })),
    );
    await expect(simRequest('PUT', 'speed', { speed: 9999 })).rejects.toMatchObject({
      status: 400,
      kind: 'http',
      message: 'Invalid speed: Too fast.',
    });
  });

  it('says so when the server is not a simulator', async () => {
    server.use(http.get('*/_sim/state', () => HttpResponse.text('<html>hello</html>')));
    await expect(simRequest('GET', 'state')).rejects.toMatchObject({ kind: 'parse', title: 'Not a simulator' });
    server.use(http.get('*/_sim/state', () => HttpResponse.error()));
    await expect(simRequest('GET', 'state')).rejects.toMatchObject({ kind: 'network', status: 0 });
  });
});
