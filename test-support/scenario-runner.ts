/**
 * Plays a scenario's script through the API as a client outside the simulator would: it starts
 * each scripted run, moves the simulated clock (`POST /_sim/clock`) until the run has ended, and
 * records how it ended. Holds are decided by the scenario itself (its `holds`), so nobody acts.
 * It copes with the quirks a scenario can switch on (docs/scenarios.md): a 503 during maintenance
 * is retried after its Retry-After, a run that is RUNNING with no current step is polled on, a step
 * status outside the spec's enum is kept as its raw text, and a slow answer is simply awaited.
 */
import { embedded, href, pipelineOf, programByName, type GetJson, type Hal } from './hal';

export type Handle = (request: Request) => Promise<Response>;

/** How one scripted run ended, as a client sees it. */
export interface PlayedRun {
  executionId: string;
  status: string;
  /** The step it ended at (failed, rejected, timed out), as a scenario names steps. */
  step?: string;
  /** Every step as `action:status` (a deployment as `<environmentType>Deploy`), raw statuses kept. */
  steps: string[];
  /** The errors of the step it ended at. */
  errors?: string[];
  /** Polls that found the run RUNNING with no step running or waiting. */
  pollsWithoutCurrentStep: number;
}

export interface PlayOptions {
  /** Waits `ms` (wall time) before a retry: a timer, or a fake wall clock moving on. */
  wait: (ms: number) => Promise<void>;
  /** Simulated time moved per poll (10 minutes by default). */
  stepMs?: number;
}

const ENDED = ['FINISHED', 'FAILED', 'CANCELLED', 'ERROR'];
const ENDED_BADLY = ['FAILED', 'ERROR', 'CANCELLED'];

/** A fetch-style function that retries a 503 after its Retry-After (up to `attempts` times). */
export function retryingMaintenance(handle: Handle, wait: (ms: number) => Promise<void>, attempts = 20): Handle {
  return async (request) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await handle(request.clone());
      if (response.status !== 503 || attempt >= attempts) return response;
      await wait(Number(response.headers.get('retry-after') ?? '1') * 1000);
    }
  };
}

/** How a scenario names a step state: its action, a deployment by where it deploys. */
export function scriptStepName(step: Hal): string {
  return step.action === 'deploy' ? `${String(step.environmentType)}Deploy` : String(step.action);
}

/** Plays `script` (the scenario's, already loaded into the simulator behind `handle`) and answers each run's record, per `program/pipeline`. */
export async function playScript(
  handle: Handle,
  origin: string,
  script: { program: string; pipeline: string; runs: unknown[] }[],
  options: PlayOptions,
): Promise<Record<string, PlayedRun[]>> {
  const send = retryingMaintenance(handle, options.wait);
  const call = async (method: string, target: string, body?: unknown) =>
    send(
      new Request(new URL(target, origin), {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const get: GetJson = async <T = Hal>(target: string) => {
    const response = await call('GET', target);
    if (response.status !== 200) throw new Error(`GET ${target} → ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  };
  const played: Record<string, PlayedRun[]> = {};
  for (const entry of script) {
    const pipeline = await pipelineOf(get, await programByName(get, entry.program), entry.pipeline);
    const runs: PlayedRun[] = (played[`${entry.program}/${entry.pipeline}`] = []);
    for (let i = 0; i < entry.runs.length; i += 1) {
      const started = await call('PUT', href(pipeline, 'execution'));
      if (started.status !== 201)
        throw new Error(`run ${i + 1} of ${entry.pipeline} did not start: ${started.status} ${await started.text()}`);
      const self = href((await started.json()) as Hal, 'self');
      runs.push(await untilEnded(get, call, self, options.stepMs ?? 10 * 60_000));
    }
  }
  return played;
}

async function untilEnded(
  get: GetJson,
  call: (method: string, target: string, body?: unknown) => Promise<Response>,
  self: string,
  stepMs: number,
) {
  let pollsWithoutCurrentStep = 0;
  for (let poll = 0; poll < 1000; poll += 1) {
    const execution = await get(self);
    const steps = embedded(execution, 'stepStates');
    if (ENDED.includes(String(execution.status))) {
      const last = steps.filter((s) => ENDED_BADLY.includes(String(s.status))).pop();
      const errors = (last?.details as { errors?: string[] } | undefined)?.errors;
      return {
        executionId: String(execution.id),
        status: String(execution.status),
        ...(last ? { step: scriptStepName(last) } : {}),
        steps: steps.map((s) => `${scriptStepName(s)}:${String(s.status)}`),
        ...(errors ? { errors } : {}),
        pollsWithoutCurrentStep,
      };
    }
    // Never assume a current step: at the end of a run there may be none for a while.
    const current = steps.find((s) => s.status === 'RUNNING' || s.status === 'WAITING');
    if (!current) pollsWithoutCurrentStep += 1;
    const moved = await call('POST', '/_sim/clock', { advanceMs: stepMs });
    if (moved.status !== 200) throw new Error(`the clock did not move: ${moved.status}`);
  }
  throw new Error(`${self} did not end`);
}
