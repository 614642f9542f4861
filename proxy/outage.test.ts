// @vitest-environment node
/** An API outage while the proxy runs: problem+json answers, and recovery without a restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../mocks/server-process';
import { startProxy, type RunningProxy } from './proxy';
import { makeDist, raw, startFakeServer } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

async function proxyTo(target: string, timeoutMs?: number): Promise<{ proxy: RunningProxy; lines: string[] }> {
  const lines: string[] = [];
  const proxy = await startProxy({
    target,
    port: 0,
    dist: makeDist(),
    accessToken: 'outage-access-token-123456',
    env: { CM_CLIENT_ID: 'outage-client', CM_ORG_ID: 'OUTAGE@AdobeOrg' },
    timeoutMs,
    log: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
  });
  cleanups.push(proxy.close);
  return { proxy, lines };
}

describe('Cloud Manager away', () => {
  it('answers 502 problem+json while the API is down and recovers when it is back on the same port', { timeout: 90_000 }, async () => {
    let sim: ServerProcess = await startServerProcess(['--require-auth']);
    cleanups.push(() => sim.kill());
    const port = new URL(sim.base).port;
    const { proxy, lines } = await proxyTo(sim.base);
    const before = await raw(`${proxy.url}/api/programs`);
    expect(before.status).toBe(200);
    const programCount = before.json<{ _totalNumberOfItems: number }>()._totalNumberOfItems;
    expect(programCount).toBeGreaterThan(0);

    await sim.kill();
    const down = await raw(`${proxy.url}/api/programs`);
    expect(down.status).toBe(502);
    expect(down.headers['content-type']).toBe('application/problem+json');
    expect(down.json()).toEqual({
      type: 'urn:cm-console-proxy:upstream-unreachable',
      title: 'Cloud Manager did not answer',
      status: 502,
      detail: `Cloud Manager did not answer: ${sim.base} could not be reached (ECONNREFUSED). The proxy tries again on the next request.`,
    });
    expect(lines.some((line) => line.includes('GET /api/programs: Cloud Manager did not answer'))).toBe(true);

    sim = await startServerProcess(['--port', port, '--require-auth']);
    expect(sim.base).toBe(`http://127.0.0.1:${port}`);
    const back = await raw(`${proxy.url}/api/programs`);
    expect(back.status).toBe(200);
    expect(back.json<{ _totalNumberOfItems: number }>()._totalNumberOfItems).toBe(programCount);
  });

  it('answers 504 problem+json when the API does not answer in time', async () => {
    const silent = await startFakeServer(() => 'hang');
    cleanups.push(silent.close);
    const { proxy } = await proxyTo(silent.base, 300);
    const answer = await raw(`${proxy.url}/api/programs`);
    expect(answer.status).toBe(504);
    expect(answer.json()).toMatchObject({ status: 504, title: 'Cloud Manager did not answer in time' });
  });
});
