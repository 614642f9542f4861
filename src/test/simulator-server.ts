/**
 * Test-only: the real simulator (mocks/), served through msw/node at the origin the console's
 * requests use under jsdom (`location.origin`, the embedded API's base URL). Per file:
 *   const sim = setupSimulatorServer();   // listen; reset to seed 1 before each test; close
 *   await sim.control('PUT', 'outcome', { outcome: 'pass' });
 *   await sim.advance(60_000);            // simulated time moves only when a test moves it
 * The wall clock stands still, so seed 1 always gives the same programs, pipelines and history.
 * Tests read the simulator the way the console does — through the console's client, from the
 * entry point and links — with the helpers below. Failure cases override single requests with
 * `sim.server.use(...)`.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createSimulatorServer } from '../../mocks/node';
import { startPipeline } from '../api/actions';
import { entryPointHref, getJson, putLink } from '../api/client';
import { findLink, rel } from '../api/links';
import { isExecutionActive } from '../api/polling';
import { executionListHref } from '../api/queries';
import { simRequest } from '../api/simulator';
import type { Execution, ExecutionList, Pipeline, PipelineList, Program, ProgramList, StepState } from '../api/types';

/** The standing wall clock of every simulator test: 28 Nov 2026, 09:00 UTC. */
export const SIM_WALL_CLOCK = Date.UTC(2026, 10, 28, 9, 0, 0);

const MINUTE = 60_000;

export function setupSimulatorServer() {
  const { server } = createSimulatorServer({ seed: 1, wallClock: () => SIM_WALL_CLOCK, origin: location.origin });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    await simRequest('POST', 'reset', { seed: 1 });
  });
  afterEach(() => {
    server.resetHandlers();
    server.events.removeAllListeners();
  });
  afterAll(() => server.close());
  const advance = (ms: number) => simRequest('POST', 'clock', { advanceMs: ms });
  return {
    server,
    /** A simulation control, through the console's own client (as the Simulator panel sends it). */
    control: (method: 'PUT' | 'POST', path: string, body: unknown) => simRequest(method, path, body),
    /** Records the requests the console sends with `methods` from now on (path and JSON body), in order. */
    record(methods: string[] = ['PUT', 'POST', 'PATCH', 'DELETE']) {
      const sent: { method: string; path: string; body: unknown }[] = [];
      server.events.on('request:start', async ({ request }) => {
        if (!methods.includes(request.method)) return;
        const entry: { method: string; path: string; body: unknown } = {
          method: request.method,
          path: new URL(request.url).pathname,
          body: undefined,
        };
        sent.push(entry);
        const text = await request.clone().text();
        entry.body = text ? JSON.parse(text) : undefined;
      });
      return sent;
    },
    /** The simulator's state (simulated time `now`, speed, outcome…). */
    state: () => simRequest('GET', 'state'),
    /** Moves simulated time forward by `ms`. */
    advance,
    /**
     * Moves simulated time a minute at a time until `found` finds a step of the execution, or the
     * execution ends; answers the execution as read last and the step found.
     */
    async until(execution: Execution, found: (step: StepState) => boolean): Promise<{ execution: Execution; step?: StepState }> {
      let current = execution;
      for (let minutes = 0; minutes < 600; minutes += 1) {
        const step = current._embedded?.stepStates?.find(found);
        if (step || !isExecutionActive(current)) return { execution: current, step };
        await advance(MINUTE);
        current = await getJson<Execution>(findLink(current, rel.self)!.href);
      }
      throw new Error('the execution neither got there nor ended');
    },
  };
}

/** A program by name, read through the entry point and its self link. */
export async function programNamed(name: string): Promise<Program> {
  const list = await getJson<ProgramList>(entryPointHref());
  const embedded = list._embedded?.programs?.find((program) => program.name === name);
  if (!embedded) throw new Error(`no program ${name}`);
  return getJson<Program>(findLink(embedded, rel.self)!.href);
}

/** The program's pipelines, through its pipelines link. */
export async function pipelinesOf(program: Program): Promise<Pipeline[]> {
  return (await getJson<PipelineList>(findLink(program, rel.pipelines)!.href))._embedded?.pipelines ?? [];
}

export async function pipelineNamed(programName: string, pipelineName: string): Promise<Pipeline> {
  const found = (await pipelinesOf(await programNamed(programName))).find((pipeline) => pipeline.name === pipelineName);
  if (!found) throw new Error(`no pipeline ${pipelineName} in ${programName}`);
  return found;
}

/** Every execution of the pipeline, newest first: its executions link, then the lists' next links. */
export async function executionsOf(pipeline: Pipeline): Promise<Execution[]> {
  const executions: Execution[] = [];
  let href = executionListHref(pipeline);
  while (href) {
    const page = await getJson<ExecutionList>(href);
    executions.push(...(page._embedded?.executions ?? []));
    href = findLink(page, rel.next)?.href;
  }
  return executions;
}

/** Starts the pipeline as the console does (PUT its execution link); answers the new execution. */
export async function start(pipeline: Pipeline): Promise<Execution> {
  const created = await putLink<Execution>(startPipeline(pipeline).link);
  if (!created) throw new Error(`${pipeline.name} did not start`);
  return created;
}
