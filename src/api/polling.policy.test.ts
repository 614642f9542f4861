/**
 * Every polled query of the console follows the one polling policy (src/api/polling.ts): each
 * query options factory is run by a real QueryObserver on fake timers against a fetch that goes
 * down for ten minutes, and the time between its requests is measured. A scan of src/ then makes
 * sure no other `refetchInterval` exists, so "every" stays true when a polled query is added.
 */
import { QueryClient, QueryObserver, type QueryObserverOptions } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentExecutionQueryOptions } from './current-execution';
import { LIST_POLL_MS, MAX_BACKOFF_MS, POLL_INTERVAL_MS } from './polling';
import { logFollowQueryOptions } from './environment-logs';
import { environmentListQueryOptions, variableListQueryOptions } from './environments';
import {
  executionListQueryOptions,
  executionQueryOptions,
  pipelineListQueryOptions,
  programListQueryOptions,
  resourceQueryOptions,
} from './queries';
import { simEventsQueryOptions } from './sim-events';
import { simStateQueryOptions } from './simulator';
import { logTextQueryOptions } from './step-logs';
import { consoleSourceFiles } from '../test/source-files';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, title: string) => json({ type: 'about:blank', title, status }, status);

interface PolledQuery {
  /** The factory, as named in its file (the scan below counts them). */
  factory: string;
  file: string;
  options: () => object;
  /** The healthy answer to a request for `url`. */
  answer: (url: string) => Response;
  /** The requests that are its polls (default: every request); e.g. a follow's tail reads, not its list reads. */
  counts?: (url: string) => boolean;
  /** The interval while the API answers: its base while the data can change, else none. */
  healthy: number | false;
}

const PROGRAM = '/api/program/1';
const EXECUTION = '/api/program/1/pipeline/2/execution/3';
const PIPELINES = '/api/program/1/pipelines';
const EXECUTIONS = '/api/program/1/pipeline/2/executions';
const ENVIRONMENTS = '/api/program/1/environments';
const VARIABLES = '/api/program/1/environment/3/variables';
const LOGS = '/api/program/1/environment/3/logs?service=author&name=aemerror&days=1';
const TAIL = 'http://files.example.com/environment/3/logs/author/aemerror/2026-11-30.log';
const environments = (status: string) => json({ _embedded: { environments: [{ id: '3', name: 'dev', type: 'dev', status }] } });
const variables = (status: string) => json({ _embedded: { variables: [{ name: 'A_VAR', type: 'string', value: 'x', status }] } });

const polledQueries: PolledQuery[] = [
  {
    // every resource read through a link (the program list, a program, an artifact list…)
    factory: 'resourceQueryOptions',
    file: 'src/api/queries.ts',
    options: () => programListQueryOptions(),
    answer: () => json({ _embedded: { programs: [] } }),
    healthy: false,
  },
  {
    factory: 'resourceQueryOptions',
    file: 'src/api/queries.ts',
    options: () => resourceQueryOptions(PROGRAM),
    answer: () => json({ id: '1', name: 'WKND Sites' }),
    healthy: false,
  },
  {
    factory: 'executionQueryOptions',
    file: 'src/api/queries.ts',
    options: () => executionQueryOptions(EXECUTION),
    answer: () => json({ id: '3', status: 'RUNNING' }),
    healthy: POLL_INTERVAL_MS,
  },
  {
    factory: 'pipelineListQueryOptions',
    file: 'src/api/queries.ts',
    options: () => pipelineListQueryOptions(PIPELINES, true),
    answer: () => json({ _embedded: { pipelines: [] } }),
    healthy: LIST_POLL_MS,
  },
  {
    factory: 'pipelineListQueryOptions',
    file: 'src/api/queries.ts',
    options: () => pipelineListQueryOptions(PIPELINES, false),
    answer: () => json({ _embedded: { pipelines: [] } }),
    healthy: false,
  },
  {
    factory: 'executionListQueryOptions',
    file: 'src/api/queries.ts',
    options: () => executionListQueryOptions(EXECUTIONS, true),
    answer: () => json({ _embedded: { executions: [] } }),
    healthy: LIST_POLL_MS,
  },
  {
    factory: 'executionListQueryOptions',
    file: 'src/api/queries.ts',
    options: () => executionListQueryOptions(EXECUTIONS, false),
    answer: () => json({ _embedded: { executions: [] } }),
    healthy: false,
  },
  {
    factory: 'currentExecutionQueryOptions',
    file: 'src/api/current-execution.ts',
    options: () => currentExecutionQueryOptions('/api/program/1/pipeline/2/execution'),
    answer: () => problem(404, 'Not Found'), // idle: polled until a run starts
    healthy: LIST_POLL_MS,
  },
  {
    factory: 'logTextQueryOptions',
    file: 'src/api/step-logs.ts',
    options: () => logTextQueryOptions('http://files.example.com/logs/build.txt', true),
    answer: () => new Response('line one\n', { status: 200 }),
    healthy: POLL_INTERVAL_MS,
  },
  {
    factory: 'environmentListQueryOptions',
    file: 'src/api/environments.ts',
    options: () => environmentListQueryOptions(ENVIRONMENTS),
    answer: () => environments('updating'),
    healthy: POLL_INTERVAL_MS,
  },
  {
    factory: 'environmentListQueryOptions',
    file: 'src/api/environments.ts',
    options: () => environmentListQueryOptions(ENVIRONMENTS),
    answer: () => environments('ready'),
    healthy: false,
  },
  {
    factory: 'variableListQueryOptions',
    file: 'src/api/environments.ts',
    options: () => variableListQueryOptions(VARIABLES),
    answer: () => variables('updating'),
    healthy: POLL_INTERVAL_MS,
  },
  {
    factory: 'variableListQueryOptions',
    file: 'src/api/environments.ts',
    options: () => variableListQueryOptions(VARIABLES),
    answer: () => variables('ready'),
    healthy: false,
  },
  {
    factory: 'logFollowQueryOptions',
    file: 'src/api/environment-logs.ts',
    options: () => logFollowQueryOptions(LOGS),
    answer: (url) =>
      url === TAIL
        ? new Response('30.11.2026 14:02:11.123 *INFO* [qtp1-2] org.apache.sling.x something\n', { status: 206 })
        : json({
            _embedded: {
              downloads: [
                {
                  service: 'author',
                  name: 'aemerror',
                  date: '2026-11-30',
                  _links: { [`http://ns.adobe.com/adobecloud/rel/logs/tail`]: { href: TAIL } },
                },
              ],
            },
          }),
    counts: (url) => url === TAIL,
    healthy: POLL_INTERVAL_MS,
  },
  {
    factory: 'currentExecutionQueryOptions',
    file: 'src/api/current-execution.ts',
    options: () => currentExecutionQueryOptions('/api/program/1/pipeline/2/execution', true),
    answer: () => json({ id: '3', status: 'RUNNING' }), // a run waiting for a decision (the bell): polled too
    healthy: LIST_POLL_MS,
  },
  {
    factory: 'simEventsQueryOptions',
    file: 'src/api/sim-events.ts',
    options: () => simEventsQueryOptions(),
    answer: () => json({ events: [], next: '0' }),
    healthy: LIST_POLL_MS,
  },
  {
    factory: 'simStateQueryOptions',
    file: 'src/api/simulator.ts',
    options: () => simStateQueryOptions(),
    answer: () =>
      json({
        now: '2026-11-28T10:00:00.000Z',
        wallNow: '2026-11-28T10:00:00.000Z',
        speed: 30,
        outcome: 'mix',
        layout: 'standard',
        seed: 1,
      }),
    healthy: POLL_INTERVAL_MS,
  },
];

const MINUTE = 60_000;

describe('every polled query backs off during an outage and recovers with the first success', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each(polledQueries.map((query) => [`${query.factory} (healthy: ${query.healthy})`, query] as const))('%s', async (_name, polled) => {
    let down = false;
    const requests: number[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (polled.counts?.(url) ?? true) requests.push(Date.now());
      return down ? problem(503, 'Service Unavailable') : polled.answer(url);
    });
    // Retries off: every request is one poll (the console's one retry only adds a request per poll).
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
    const observer = new QueryObserver(client, polled.options() as QueryObserverOptions);
    const unsubscribe = observer.subscribe(() => {});
    const gapsSince = (index: number) => requests.slice(index + 1).map((at, i) => at - requests[index + i]);

    // Healthy: the base pace, or no polling at all for data that cannot change.
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3 * LIST_POLL_MS);
    if (polled.healthy === false) expect(requests).toHaveLength(1);
    else expect(new Set(gapsSince(0))).toEqual(new Set([polled.healthy]));

    // A ten-minute outage (a query that does not poll finds it on its next read, e.g. after an action).
    down = true;
    const outageStart = requests.length;
    if (polled.healthy === false) void client.invalidateQueries();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    const outageGaps = gapsSince(outageStart - 1).slice(1);
    expect(outageGaps.length).toBeGreaterThan(10);
    outageGaps.forEach((gap, i) => {
      expect(gap).toBeLessThanOrEqual(MAX_BACKOFF_MS);
      if (i > 0) expect(gap).toBeGreaterThanOrEqual(outageGaps[i - 1]);
    });
    expect(outageGaps.slice(-5)).toEqual(Array(5).fill(MAX_BACKOFF_MS));

    // The API is back: the next poll succeeds, and the pace is the healthy one again at once.
    down = false;
    const recovered = requests.length;
    for (let waited = 0; requests.length === recovered && waited < MAX_BACKOFF_MS; waited += 100) await vi.advanceTimersByTimeAsync(100);
    expect(requests).toHaveLength(recovered + 1);
    expect(observer.getCurrentResult().isSuccess).toBe(true);
    await vi.advanceTimersByTimeAsync(3 * LIST_POLL_MS);
    if (polled.healthy === false) expect(requests).toHaveLength(recovered + 1);
    else expect(new Set(gapsSince(recovered))).toEqual(new Set([polled.healthy]));

    unsubscribe();
    client.clear();
  });
});

describe('no polling outside the one policy', () => {
  const occurrences = consoleSourceFiles().flatMap(({ file, code }) =>
    [...code.matchAll(/refetchInterval[^\n]*/g)].map((match) => ({ file, line: match[0] })),
  );

  it('sets refetchInterval only in src/api query option factories, each through pollInterval', () => {
    expect(occurrences.length).toBeGreaterThan(0);
    for (const { file, line } of occurrences) {
      expect(file, `${file}: ${line}`).toMatch(/^src\/api\/[^/]+\.ts$/);
      expect(line, file).toMatch(/^refetchInterval: \(query\) => pollInterval\(query\.state, /);
    }
  });

  it('has every polled query covered by the outage test above', () => {
    const factories = new Map(polledQueries.map((query) => [query.factory, query.file]));
    const expected: Record<string, number> = {};
    for (const file of factories.values()) expected[file] = (expected[file] ?? 0) + 1;
    const found: Record<string, number> = {};
    for (const { file } of occurrences) found[file] = (found[file] ?? 0) + 1;
    expect(found).toEqual(expected);
  });
});
