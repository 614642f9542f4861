/**
 * Environment logs on the real simulator (seed 1, simulated time moved by the test): the day list,
 * a day's download gunzipped to exactly the API's bytes, and Follow — appends on 206, nothing on
 * 416, the new day's tail URL after midnight, and an outage that keeps what was read and resumes
 * from the same offset.
 */
import { focusManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getJson, resolveHref } from './client';
import {
  downloadEnvironmentLog,
  environmentLogsHref,
  logFileName,
  logFollowQueryOptions,
  newDayMarker,
  todaysLog,
  type FollowedLog,
} from './environment-logs';
import { findLink, rel } from './links';
import { POLL_INTERVAL_MS } from './polling';
import type { Environment, EnvironmentList, EnvironmentLogs, Redirect } from './types';
import { programNamed, setupSimulatorServer } from '../test/simulator-server';

const sim = setupSimulatorServer();
const MINUTE = 60_000;
const AEMERROR = { service: 'author', name: 'aemerror' };

async function stage(): Promise<Environment> {
  const program = await programNamed('WKND Sites');
  const list = await getJson<EnvironmentList>(findLink(program, rel.environments)!.href);
  return list._embedded!.environments!.find((environment) => environment.type === 'stage')!;
}

/** The requests sent to the log files (`/files/…`): method, path and Range. */
function recordFileReads() {
  const reads: { path: string; range: string | null }[] = [];
  sim.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.includes('/files/')) reads.push({ path: url.pathname, range: request.headers.get('range') });
  });
  return reads;
}

function follow(href: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  // No interval timers here: the test polls by calling refetch, as the interval would.
  const observer = new QueryObserver(client, { ...logFollowQueryOptions(href), refetchInterval: false });
  const unsubscribe = observer.subscribe(() => {});
  const poll = async (): Promise<FollowedLog> => {
    await observer.refetch();
    return observer.getCurrentResult().data!;
  };
  return { client, observer, poll, stop: unsubscribe };
}

describe('environment logs', () => {
  let environment: Environment;
  beforeEach(async () => {
    environment = await stage();
  });

  it('lists the last days of a log, newest first, only today with a tail link', async () => {
    const list = await getJson<EnvironmentLogs>(environmentLogsHref(environment, AEMERROR, 3)!);
    const days = list._embedded!.downloads!;
    expect(days.map((day) => day.date)).toEqual(['2026-11-28', '2026-11-27', '2026-11-26']);
    expect(todaysLog(list)?.date).toBe('2026-11-28');
    expect(days.filter((day) => findLink(day, rel.logsTail))).toHaveLength(1);
    expect(logFileName(days[1])).toBe('author-aemerror-2026-11-27.log');
  });

  it('downloads a day as the gunzipped bytes the API serves', async () => {
    const list = await getJson<EnvironmentLogs>(environmentLogsHref(environment, AEMERROR, 2)!);
    const yesterday = list._embedded!.downloads![1];
    const blob = await downloadEnvironmentLog(yesterday);
    const { redirect } = await getJson<Redirect>(findLink(yesterday, rel.logsDownload)!.href);
    const gzip = new Uint8Array(await (await fetch(resolveHref(redirect))).arrayBuffer());
    expect([gzip[0], gzip[1]]).toEqual([0x1f, 0x8b]);
    const text = await blob.text();
    expect(text).toBe(gunzipSync(gzip).toString('utf8'));
    expect(text).toMatch(/^27\.11\.2026 \d\d:\d\d:\d\d\.\d{3} \*(INFO|WARN|ERROR|DEBUG)\* /);
    expect(blob.type).toBe('text/plain;charset=utf-8');
  });

  it('says so when a download is not gzip', async () => {
    const list = await getJson<EnvironmentLogs>(environmentLogsHref(environment, AEMERROR, 2)!);
    const yesterday = list._embedded!.downloads![1];
    const { redirect } = await getJson<Redirect>(findLink(yesterday, rel.logsDownload)!.href);
    sim.server.use(http.get(resolveHref(redirect), () => HttpResponse.text('plain text, not gzip')));
    await expect(downloadEnvironmentLog(yesterday)).rejects.toThrow(/not gzip-compressed/);
  });

  it('follows today: the day so far, then only new bytes (206); nothing on 416', async () => {
    const reads = recordFileReads();
    const followed = follow(environmentLogsHref(environment, AEMERROR, 1)!);
    const first = await followed.poll();
    const tail = first.tail;
    expect(first.date).toBe('2026-11-28');
    expect(reads).toEqual([{ path: new URL(tail).pathname, range: null }]);
    const whole = await (await fetch(tail)).text();
    expect(first.text).toBe(whole);
    expect(first.bytes).toBe(new TextEncoder().encode(whole).length);

    // nothing new yet: 416, the list is read again for a new day, nothing changes
    const same = await followed.poll();
    expect(reads.at(-1)).toEqual({ path: new URL(tail).pathname, range: `bytes=${first.bytes}-` });
    expect(same.text).toBe(first.text);

    await sim.advance(10 * MINUTE);
    const grown = await followed.poll();
    expect(reads.at(-1)).toEqual({ path: new URL(tail).pathname, range: `bytes=${first.bytes}-` });
    expect(grown.text.startsWith(first.text)).toBe(true);
    expect(grown.text.length).toBeGreaterThan(first.text.length);
    expect(grown.text).toBe(await (await fetch(tail)).text());
    followed.stop();
  });

  it('goes on with the new day’s tail URL after midnight, keeping what was shown and marking the new day', async () => {
    const reads = recordFileReads();
    const followed = follow(environmentLogsHref(environment, AEMERROR, 1)!);
    const first = await followed.poll();
    await sim.advance(15 * 60 * MINUTE + 10 * MINUTE); // 28 Nov 09:00 → 29 Nov 00:10
    const finished = await followed.poll(); // the rest of the 28th (206)
    expect(finished.date).toBe('2026-11-28');
    const lastOfDay = await (await fetch(first.tail)).text();
    expect(finished.text).toBe(lastOfDay);
    const rolled = await followed.poll(); // 416 on the 28th: the list now has the 29th
    expect(rolled.date).toBe('2026-11-29');
    expect(rolled.tail).not.toBe(first.tail);
    expect(rolled.tail).toMatch(/2026-11-29\.log$/);
    expect(rolled.days).toEqual(['2026-11-28', '2026-11-29']);
    expect(rolled.text.startsWith(`${lastOfDay}${newDayMarker('2026-11-29')}\n`)).toBe(true);
    expect(rolled.text.slice(lastOfDay.length + newDayMarker('').length)).toContain('29.11.2026 00:0');
    expect(reads.at(-1)).toEqual({ path: new URL(rolled.tail).pathname, range: null });
    await sim.advance(10 * MINUTE);
    await followed.poll();
    expect(reads.at(-1)).toEqual({ path: new URL(rolled.tail).pathname, range: `bytes=${rolled.bytes}-` });
    followed.stop();
  });

  it('an outage keeps what was read, backs off by the policy, and resumes from the last offset', async () => {
    const reads = recordFileReads();
    const followed = follow(environmentLogsHref(environment, AEMERROR, 1)!);
    const first = await followed.poll();
    sim.server.use(http.get(/\/files\//, () => HttpResponse.json({ title: 'Service Unavailable', status: 503 }, { status: 503 })));
    await sim.advance(10 * MINUTE);
    await followed.poll();
    await followed.poll();
    const failing = followed.observer.getCurrentResult();
    expect(failing.error?.message).toMatch(/Service Unavailable/);
    expect(failing.data?.text).toBe(first.text);
    const query = followed.client
      .getQueryCache()
      .find({ queryKey: logFollowQueryOptions(environmentLogsHref(environment, AEMERROR, 1)).queryKey })!;
    const interval = logFollowQueryOptions('x').refetchInterval as unknown as (q: typeof query) => number | false;
    expect(interval(query)).toBeGreaterThan(POLL_INTERVAL_MS);

    sim.server.resetHandlers();
    const resumed = await followed.poll();
    expect(reads.at(-1)).toEqual({ path: new URL(first.tail).pathname, range: `bytes=${first.bytes}-` });
    expect(resumed.text).toBe(await (await fetch(first.tail)).text());
    expect(interval(query)).toBe(POLL_INTERVAL_MS);
    followed.stop();
  });
});

describe('following in a hidden tab', () => {
  afterEach(() => {
    focusManager.setFocused(undefined);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops polling while the tab is hidden and resumes, from the same offset, when it is shown again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const TAIL = 'http://files.example.com/environment/3/logs/author/aemerror/2026-11-30.log';
    const ranges: (string | null)[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url !== TAIL)
        return HttpResponse.json({
          _embedded: {
            downloads: [{ service: 'author', name: 'aemerror', date: '2026-11-30', _links: { [rel.logsTail]: { href: TAIL } } }],
          },
        });
      const range = new Headers(init?.headers).get('range');
      ranges.push(range);
      return new Response(`line ${ranges.length}\n`, { status: range ? 206 : 200 });
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.mount(); // listens to the focus manager, as the console's provider does
    const observer = new QueryObserver(
      client,
      logFollowQueryOptions('/api/program/1/environment/3/logs?service=author&name=aemerror&days=1'),
    );
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    expect(ranges).toEqual([null, 'bytes=7-', 'bytes=14-', 'bytes=21-']);

    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS);
    expect(ranges).toHaveLength(4);

    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(ranges).toEqual([null, 'bytes=7-', 'bytes=14-', 'bytes=21-', 'bytes=28-']);
    await vi.advanceTimersByTimeAsync(2 * POLL_INTERVAL_MS);
    expect(ranges).toHaveLength(7);
    expect(observer.getCurrentResult().data?.text).toBe('line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\n');
    unsubscribe();
    client.unmount();
    client.clear();
  });
});
