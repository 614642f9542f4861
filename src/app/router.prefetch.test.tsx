/**
 * Issue #17, data in parallel with code: a deep link to a finished execution through the real
 * routes (their loaders prefetch) against the real simulator. Requests are recorded as they start
 * and end, so the test sees how many of them ran one after another.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { findLink, rel } from '../api/links';
import { hrefNames, recallLink, rememberLink } from '../api/href-cache';
import type { Execution, Program } from '../api/types';
import { paths } from '../lib/paths';
import { executionsOf, pipelineNamed, programNamed, setupSimulatorServer } from '../test/simulator-server';
import { createQueryClient } from './query-client';
import { createRoutes } from './router';

const sim = setupSimulatorServer();

type Event = { at: 'start' | 'end'; path: string; status?: number };

/** Records every GET from now on: when it starts and when its answer comes, in order. */
function recordGets(): Event[] {
  const events: Event[] = [];
  sim.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') events.push({ at: 'start', path: new URL(request.url).pathname });
  });
  sim.server.events.on('response:mocked', ({ request, response }) => {
    if (request.method === 'GET') events.push({ at: 'end', path: new URL(request.url).pathname, status: response.status });
  });
  return events;
}

/** The path of the resource behind `link`. */
const pathOf = (href: string | undefined) => new URL(href as string, location.href).pathname;

async function finishedProductionRun(): Promise<{ program: Program; url: string; execution: Execution }> {
  const program = await programNamed('WKND Sites');
  const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
  const execution = (await executionsOf(pipeline)).find((e) => e.status === 'FINISHED');
  if (!execution) throw new Error('no finished production run in seed 1');
  return { program, execution, url: paths.execution.href(program.id, pipeline.id, execution.id) };
}

/** Opens `url` as a page load does: the console's QueryClient, the real routes with their loaders. */
function open(url: string) {
  const client = createQueryClient();
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [url] });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

async function openDeepLink(url: string) {
  const view = open(url);
  // The step list of the execution page.
  expect(await screen.findAllByRole('heading', { level: 3 }, { timeout: 10_000 })).not.toHaveLength(0);
  return view;
}

/** How many of the chain's reads (program, pipelines, execution) had started before the first of them ended. */
function startedBeforeFirstAnswer(events: Event[], chain: string[]): string[] {
  const firstEnd = events.findIndex((e) => e.at === 'end' && chain.includes(e.path));
  return events
    .slice(0, firstEnd)
    .filter((e) => e.at === 'start' && chain.includes(e.path))
    .map((e) => e.path);
}

describe('Deep link to a finished execution', () => {
  beforeEach(() => {
    sessionStorage.clear();
    // Every answer takes 200 ms (then the simulator gives it): reads started at once start well
    // before the first answer, however busy the machine. (Without it, a loaded CI machine once
    // answered the program before the other two reads had got going.)
    sim.server.use(http.get(/.*/, () => delay(200)));
  });

  it('reads the program, its pipelines and the execution at once on a reload, and no read twice', async () => {
    const { program, execution, url } = await finishedProductionRun();
    const chain = [
      pathOf(findLink(program, rel.self)?.href),
      pathOf(findLink(program, rel.pipelines)?.href),
      pathOf(findLink(execution, rel.self)?.href),
    ];

    // First visit: the links are followed one after another (nothing remembered yet).
    const first = recordGets();
    const firstView = await openDeepLink(url);
    expect(startedBeforeFirstAnswer(first, chain)).toHaveLength(1);
    firstView.unmount();
    sim.server.events.removeAllListeners();

    // A reload in the same tab: what was followed before is read at once.
    const again = recordGets();
    await openDeepLink(url);
    expect(new Set(startedBeforeFirstAnswer(again, chain))).toEqual(new Set(chain));
    for (const path of chain) expect(again.filter((e) => e.at === 'start' && e.path === path)).toHaveLength(1);
  });

  it('falls back to walking the links when a remembered href has gone stale', async () => {
    const { program, url } = await finishedProductionRun();
    await openDeepLink(url).then((view) => view.unmount());
    // The remembered program and pipelines hrefs now answer 404 (e.g. another API behind the same URL).
    const stale = { href: `${findLink(program, rel.self)?.href}-gone` };
    rememberLink(hrefNames.program(program.id), stale);
    rememberLink(hrefNames.pipelines(program.id), { href: `${findLink(program, rel.pipelines)?.href}-gone` });
    const events = recordGets();

    await openDeepLink(url);
    expect(events.some((e) => e.at === 'end' && e.status === 404)).toBe(true);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // What the walk found replaced the stale hrefs.
    expect(recallLink(hrefNames.program(program.id))?.href).toBe(findLink(program, rel.self)?.href);
    expect(recallLink(hrefNames.pipelines(program.id))?.href).toBe(findLink(program, rel.pipelines)?.href);
  });
});
